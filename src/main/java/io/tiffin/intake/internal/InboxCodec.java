package io.tiffin.intake.internal;

import io.tiffin.channel.InboundMessage;
import java.time.Instant;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How messages are written to the inbox journal and turned into inbox documents. The webhook's side is
 * kept cheap (a record to JSON); building the stored document is left to the drain.
 */
final class InboxCodec {

    /** What the journal keeps per message. */
    record Journaled(InboundMessage message, Instant receivedAt) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final MongoTemplate mongo;

    InboxCodec(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    byte[] encode(InboundMessage message, Instant receivedAt) {
        return json.writeValueAsBytes(new Journaled(message, receivedAt));
    }

    /** The inbox document for a journal record, with a fresh id. */
    Document document(byte[] record) {
        Journaled journaled = read(record);
        return document(new InboxEntry(journaled.message(), journaled.receivedAt()));
    }

    Journaled read(byte[] record) {
        return json.readValue(record, Journaled.class);
    }

    /** The inbox document of an entry, with a fresh id. */
    Document document(InboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        document.put("_id", new ObjectId());
        return document;
    }

    static String id(Document document) {
        return document.getObjectId("_id").toHexString();
    }

    static String conversationKey(Document document) {
        return document.getString("conversationKey");
    }
}
