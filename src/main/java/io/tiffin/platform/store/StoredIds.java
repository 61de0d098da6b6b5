package io.tiffin.platform.store;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;

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
final class StoredIds extends TaggedDataType<Object> {

    /** Beside H2's tags and {@link StoredDocuments#BSON_DOCUMENT}: twelve bytes follow. */
    static final byte OBJECT_ID = 125;

    private static final int OBJECT_ID_BYTES = 12;

    /** What H2 counts in memory for one: the object and its array. */
    private static final int OBJECT_ID_MEMORY = 48;

    StoredIds() {
        super(OBJECT_ID);
    }

    @Override
    boolean writeOwn(WriteBuffer buffer, Object value) {
        if (value instanceof ObjectId id && id.getClass() == ObjectId.class) {
            buffer.put(id.toByteArray());
            return true;
        }
        return false;
    }

    @Override
    Object readOwn(ByteBuffer buffer) {
        byte[] bytes = new byte[OBJECT_ID_BYTES];
        buffer.get(bytes);
        return new ObjectId(bytes);
    }

    @Override
    Object plain(Object value) {
        return value;
    }

    @Override
    Object fromPlain(Object plain) {
        return plain;
    }

    @Override
    int ownMemory(Object value) {
        return value instanceof ObjectId ? OBJECT_ID_MEMORY : -1;
    }
}
