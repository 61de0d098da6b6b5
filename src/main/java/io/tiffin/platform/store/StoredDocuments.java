package io.tiffin.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;

/**
 * The value type of the embedded store's collections: a document is written as BSON, the encoding
 * the server speaks on the wire anyway, behind a tag of its own, where H2's own type wrote it in Java
 * serialization. For a session-like document BSON is 60 % of the size, and two to three times
 * cheaper to write and to read back; the store writes every changed page at each commit and reads
 * back every page its cache no longer holds. Whatever H2's type wrote (every document of a store written before, and any
 * value BSON cannot hold) is read and written by H2's type as before, so an existing file opens as it
 * was and its documents move to BSON as they are rewritten. The library alone can no longer read a
 * document written here.
 *
 * <p>Each stored document keeps its BSON once written or read ({@link Stored}): a commit writes a changed
 * page whole, so a document was encoded again every time another document of its page changed (new
 * sessions fill the last page one commit after the other); now it is encoded once. The document in the
 * map is never changed ({@link PrivateDocumentsCollection}), so its bytes stay true.
 */
final class StoredDocuments extends TaggedDataType<StoredDocuments.Stored> {

    /** Beside H2's tags and {@link StoredIds#OBJECT_ID}: the value that follows is one BSON document. */
    static final byte BSON_DOCUMENT = 126;

    /** H2 counts roughly twice the stored size in memory for a document; its kept bytes besides. */
    private static final int OVERHEAD = 64;

    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** A running average of what a document counts, for a document not yet encoded. */
    private volatile int averageMemory = 1024;

    /**
     * A document as the collection's map holds it: never changed once stored, with its BSON once known.
     * What it counts in memory is fixed when it is made, as H2 asks again when it drops it.
     */
    static final class Stored {

        private final Document document;
        private final int memory;
        private volatile byte[] bson;

        private Stored(Document document, byte[] bson, int memory) {
            this.document = document;
            this.bson = bson;
            this.memory = memory;
        }

        Document document() {
            return document;
        }
    }

    StoredDocuments() {
        super(BSON_DOCUMENT);
    }

    /** Wraps a document no one else holds or will change. */
    Stored stored(Document document) {
        return new Stored(document, null, averageMemory);
    }

    @Override
    boolean writeOwn(WriteBuffer buffer, Stored value) {
        byte[] bson = value.bson;
        if (bson == null) {
            ByteBuf encoded = BUFFERS.get().clear();
            if (!encode(value.document, encoded)) {
                return false;
            }
            bson = Arrays.copyOfRange(
                    encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.readableBytes());
            if (encoded.capacity() > 1 << 20) {
                BUFFERS.remove();
            }
            averageMemory = (memoryOf(bson.length) + 15 * averageMemory) / 16;
            value.bson = bson;
        }
        buffer.put(bson);
        return true;
    }

    @Override
    Stored readOwn(ByteBuffer buffer) {
        int start = buffer.position();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        int length = bson.readerIndex();
        byte[] bytes = new byte[length];
        buffer.get(start, bytes);
        buffer.position(start + length);
        return new Stored(document, bytes, memoryOf(length));
    }

    @Override
    Object plain(Stored value) {
        return value.document;
    }

    @Override
    Stored fromPlain(Object plain) {
        return new Stored((Document) plain, null, averageMemory);
    }

    @Override
    int ownMemory(Stored value) {
        return value.memory;
    }

    private static int memoryOf(int bsonLength) {
        return OVERHEAD + 3 * bsonLength;
    }

    /** Whether the document is BSON through and through: a value of another type keeps Java serialization. */
    private static boolean encode(Document document, ByteBuf bson) {
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException | ClassCastException e) {
            return false;
        }
        return bson.readableBytes() <= BsonConstants.MAX_BSON_OBJECT_SIZE;
    }
}
