package io.tiffin.platform.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: each key held as the bytes H2's own type
 * writes for mongo-java-server's {@link KeyValue} (its Java serialization, tagged), and ordered as
 * H2 orders them (those bytes, unsigned), so the file is the library's, read and written the same.
 * Kept as bytes rather than as key objects: a comparison is an array comparison, a lookup serializes
 * its key once, and an index page read back from the file is sliced into byte arrays rather than
 * Java-deserialized key by key.
 */
final class SerializedKeys extends BasicDataType<SerializedKeys.Key> {

    /** The library's tag for a Java-serialized value ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}). */
    private static final byte SERIALIZED_OBJECT = 19;

    /** What H2 counts for an array beside its bytes (object header, length, the pointer to it). */
    private static final int OVERHEAD = 24;

    private static final ObjectDataType LIBRARY = new ObjectDataType();

    static final SerializedKeys INSTANCE = new SerializedKeys();

    /** One stored key: the serialized {@link KeyValue}. */
    record Key(byte[] bytes) {

        static Key of(KeyValue value) {
            Last last = LAST.get();
            if (last != null && last.value().equals(value)) {
                return last.key();
            }
            byte[] templated = KeyTemplates.serialize(value);
            Key key = new Key(templated != null ? templated : ObjectDataType.serialize(value));
            if (plain(value)) {
                LAST.set(new Last(value, key));
            }
            return key;
        }

        KeyValue value() {
            return (KeyValue) ObjectDataType.deserialize(bytes);
        }
    }

    /**
     * The last plain key each thread serialized: an insert looks its key up in the index (the uniqueness check),
     * looks again as it adds it and then puts it, three serializations of one key otherwise.
     */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(KeyValue value, Key key) {}

    private SerializedKeys() {}

    /** Only texts and ObjectIds: for them, equal keys are the same bytes (a number or a document may be equal in another form). */
    private static boolean plain(KeyValue value) {
        for (Object part : value) {
            if (!(part instanceof String)
                    && (part == null || part.getClass() != de.bwaldvogel.mongo.bson.ObjectId.class)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compare(Key a, Key b) {
        return Integer.signum(Arrays.compareUnsigned(a.bytes(), b.bytes()));
    }

    @Override
    public void write(WriteBuffer buffer, Key key) {
        buffer.put(SERIALIZED_OBJECT).putVarInt(key.bytes().length).put(key.bytes());
    }

    @Override
    public Key read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) == SERIALIZED_OBJECT) {
            buffer.get();
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return new Key(bytes);
        }
        // never written for a KeyValue, but whatever H2's type wrote is its own to read
        return new Key(ObjectDataType.serialize(LIBRARY.read(buffer)));
    }

    @Override
    public int getMemory(Key key) {
        return OVERHEAD + key.bytes().length;
    }

    @Override
    public Key[] createStorage(int size) {
        return new Key[size];
    }
}
