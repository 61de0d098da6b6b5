package io.tiffin.platform.store;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The type of the embedded store's document ids where H2 keeps them: the keys of a collection's map and
 * the values of its unique indexes. H2's own type has no form for the library's {@link ObjectId}, so it
 * wrote each one with Java serialization (a stream, its class descriptor and a hundred bytes for twelve),
 * at every commit for every id on a changed page, and read them back the same way: a tenth of the
 * store's CPU in a flood of new sessions. Here an ObjectId is its twelve bytes behind a tag of its own;
 * the order is H2's as before ({@link ObjectId#compareTo}), and everything else, ids written before
 * included, is read and written by H2's type, so an existing file opens as it was. The library alone can
 * no longer read an id written here.
 */
final class StoredIds extends BasicDataType<Object> {

    /** Beside H2's tags (0-19, 32-49, 64-119) and {@link StoredDocuments#BSON_DOCUMENT}: twelve bytes follow. */
    static final byte OBJECT_ID = 125;

    private static final int OBJECT_ID_BYTES = 12;

    /** What H2 counts in memory for one: the object and its array. */
    private static final int OBJECT_ID_MEMORY = 48;

    private final ObjectDataType library = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof ObjectId id && id.getClass() == ObjectId.class) {
            buffer.put(OBJECT_ID).put(id.toByteArray());
            return;
        }
        library.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != OBJECT_ID) {
            return library.read(buffer);
        }
        buffer.get();
        byte[] bytes = new byte[OBJECT_ID_BYTES];
        buffer.get(bytes);
        return new ObjectId(bytes);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof ObjectId ? OBJECT_ID_MEMORY : library.getMemory(value);
    }

    @Override
    public int compare(Object a, Object b) {
        return library.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
