package io.tiffin.platform.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's own, storing keys as before, and ordering
 * them as before (by their Java-serialized bytes: H2 knows no order for mongo-java-server's keys), but
 * serializing each key object once rather than at every comparison. A lookup compares its key with a
 * dozen keys on its way down the tree, and serializing both sides every time was a fifth of the
 * store's work. Keys are remembered by identity, for as long as the object lives: the key a lookup
 * searches with, and the keys of the pages in memory. A page written back reuses those bytes too.
 */
final class SerializedKeys extends ObjectDataType {

    /** The library's tag for a Java-serialized value ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}). */
    private static final byte SERIALIZED_OBJECT = 19;

    private volatile int averageSize = 256;

    private final Cache<Object, byte[]> serialized =
            Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        // KeyValue is not Comparable: H2 compares two of them as their serialized bytes
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    /**
     * Writes a key as the library does (its serialized form, tagged), from the bytes already made for
     * comparing it: a commit writes every key of each changed index page.
     */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue)) {
            super.write(buffer, key);
            return;
        }
        byte[] data = bytes(key);
        averageSize = (2 * data.length + 15 * averageSize) / 16;
        buffer.put(SERIALIZED_OBJECT).putVarInt(data.length).put(data);
    }

    /** What a key weighs in the page accounting: the library's rule, twice its serialized size on average. */
    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue ? averageSize : super.getMemory(key);
    }

    private byte[] bytes(Object key) {
        return serialized.get(key, ObjectDataType::serialize);
    }
}
