package io.tiffin.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a collection's documents in its file: as BSON, where the library
 * used Java serialization. Every commit writes each changed page whole, with all the documents on
 * it, and a page the cache let go is read back whole: serializing and deserializing those documents
 * was about a third of the store's CPU. Each value starts with a tag, so documents written before
 * (and a document holding anything beyond strings, numbers, booleans, dates to the millisecond,
 * object ids, documents and arrays, which BSON would not give back exactly) are read and written
 * the library's way. A file with BSON values needs this class to be read.
 */
final class DocumentValues extends BasicDataType<Object> {

    /** Beyond every tag the library's {@link ObjectDataType} writes (the highest is 119). */
    private static final byte BSON = 127;

    private final ObjectDataType serialized = new ObjectDataType();
    // what a document weighs in the page and cache accounting: the library's rule, twice the bytes written
    private volatile int averageSize = 4096;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : serialized.getMemory(value);
    }

    /**
     * The library changes some stored documents in place while a commit may be writing them (Java
     * serialization of a map does not notice); BSON's encoder does, and a failed page write closes
     * the whole store. Such a document is encoded again, and after a few tries written the library's way.
     */
    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    if (!plain(document)) {
                        break;
                    }
                    ByteBuf bson = Unpooled.buffer(Math.max(256, averageSize / 2));
                    try {
                        BsonEncoder.encodeDocument(document, bson);
                        int length = bson.readableBytes();
                        averageSize = (int) ((2L * length + 15L * averageSize) / 16);
                        buffer.put(BSON)
                                .putVarInt(length)
                                .put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
                        return;
                    } finally {
                        bson.release();
                    }
                } catch (RuntimeException changedMeanwhile) {
                    // a ConcurrentModificationException, or anything else a change midway causes: nothing
                    // was written to the page yet, so encode it again
                }
            }
        }
        serialized.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return serialized.read(buffer);
        }
        buffer.get();
        byte[] bson = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int compare(Object a, Object b) {
        return serialized.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** True when BSON gives the value back equal and of the same types. */
    static boolean plain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof ObjectId) {
            return true;
        }
        if (value instanceof Document document) {
            for (Object field : document.values()) {
                if (!plain(field)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!plain(item)) {
                    return false;
                }
            }
            return true;
        }
        // BSON keeps milliseconds
        return value instanceof Instant at && at.getNano() % 1_000_000 == 0;
    }
}
