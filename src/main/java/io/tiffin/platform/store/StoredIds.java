package io.tiffin.platform.store;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The type of the embedded store's document ids, where they are stored: the keys of a collection's
 * documents and the values of its unique indexes. H2's own type writes an {@link ObjectId}, the id of
 * most documents here, in Java serialization: a new {@code ObjectOutputStream} and the class
 * described anew for every id of every changed page at every commit, a third of all the bytes the
 * store allocated in a paced run. Here an ObjectId is its 12 bytes behind a tag of its own. Ids are
 * ordered as H2's type orders them, and whatever it wrote (any id of a store written before, and any
 * id that is no ObjectId) is read and written by it as before, so an existing file opens as it was
 * and its ids move to the short form as their pages are rewritten. The library alone can no longer
 * read an ObjectId written here (as for {@link StoredDocuments}).
 */
final class StoredIds extends BasicDataType<Object> {

    /** Beside H2's tags (0-19, 32-49, 64-119) and {@link StoredDocuments#BSON_DOCUMENT}: 12 bytes of an ObjectId. */
    static final byte OBJECT_ID = 125;

    private static final int LENGTH = 12;

    /** What H2 counts for an object holding a 12-byte array. */
    private static final int MEMORY = 48;

    static final StoredIds INSTANCE = new StoredIds();

    private final ObjectDataType library = new ObjectDataType();

    private StoredIds() {}

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof ObjectId id) {
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
        byte[] bytes = new byte[LENGTH];
        buffer.get(bytes);
        return new ObjectId(bytes);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof ObjectId ? MEMORY : library.getMemory(value);
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
