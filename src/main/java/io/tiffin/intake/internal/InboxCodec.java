package io.tiffin.intake.internal;

import org.bson.BsonDocument;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Inbox entries as the exact BSON the inbox collection stores, so the journal holds ready-made documents. */
final class InboxCodec {

    private final MongoTemplate mongo;
    private final Codec<Document> codec;

    InboxCodec(MongoTemplate mongo) {
        this.mongo = mongo;
        this.codec = mongo.getMongoDatabaseFactory().getCodecRegistry().get(Document.class);
    }

    /** The entry's document with a fresh id, as BSON bytes. */
    byte[] encode(InboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        document.put("_id", new ObjectId());
        ByteBuf bytes = new RawBsonDocument(document, codec).getByteBuffer();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    static String id(BsonDocument document) {
        return document.getObjectId("_id").getValue().toHexString();
    }

    static String conversationKey(BsonDocument document) {
        return document.getString("conversationKey").getValue();
    }
}
