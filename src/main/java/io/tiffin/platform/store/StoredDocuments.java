package io.tiffin.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections: a document is written as BSON, the encoding
 * the server speaks on the wire anyway, behind a tag of its own, where H2's own type wrote it in Java
 * serialization. For a session-like document BSON is 60 % of the size, and two to three times
 * cheaper to write and to read back; the store writes every changed page at each commit and reads
 * back every page its cache no longer holds. Whatever H2's type wrote (every document of a store written before, and any
 * value BSON cannot hold) is read and written by H2's type as before, so an existing file opens as it
 * was and its documents move to BSON as they are rewritten. The library alone can no longer read a
 * document written here.
 */
final class StoredDocuments extends BasicDataType<Object> {

    /** Beside H2's tags (0-19, 32-49, 64-119): the value that follows is one BSON document. */
    static final byte BSON_DOCUMENT = 126;

    private static final int OVERHEAD = 48;

    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private final ObjectDataType library = new ObjectDataType();

    /** H2 counts roughly twice the stored size in memory; a running average spares encoding to count. */
    private volatile int averageMemory = 1024;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            ByteBuf bson = BUFFERS.get().clear();
            if (encode(document, bson)) {
                int length = bson.readableBytes();
                averageMemory = (OVERHEAD + 2 * length + 15 * averageMemory) / 16;
                buffer.put(BSON_DOCUMENT).put(bson.array(), bson.arrayOffset(), length);
                if (bson.capacity() > 1 << 20) {
                    BUFFERS.remove();
                }
                return;
            }
        }
        library.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
            return library.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : library.getMemory(value);
    }

    @Override
    public int compare(Object a, Object b) {
        return library.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
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
