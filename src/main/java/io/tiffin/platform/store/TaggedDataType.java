package io.tiffin.platform.store;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * An H2 type that writes some values in a form of its own, behind a tag H2's own type never writes
 * (H2's tags: 0-19, 32-49, 64-119), and hands everything else to H2's type as before: so a file
 * written earlier opens as it was, and its values move to the new form as they are rewritten.
 * Values are compared as H2 compares them.
 *
 * @param <T> the values in the map; {@link #plain} is what H2's type is given of one
 */
abstract class TaggedDataType<T> extends BasicDataType<T> {

    private final byte tag;

    private final ObjectDataType library = new ObjectDataType();

    TaggedDataType(byte tag) {
        this.tag = tag;
    }

    /** Writes the value after the tag and says so, or writes nothing and leaves it to H2's type. */
    abstract boolean writeOwn(WriteBuffer buffer, T value);

    /** Reads what {@link #writeOwn} wrote after the tag. */
    abstract T readOwn(ByteBuffer buffer);

    /** The value as H2's type writes and compares it. */
    abstract Object plain(T value);

    /** A value H2's type read. */
    abstract T fromPlain(Object plain);

    /** What H2 counts in memory for a value of this type's own form, or -1 to let H2's type count. */
    abstract int ownMemory(T value);

    @Override
    public final void write(WriteBuffer buffer, T value) {
        int start = buffer.position();
        buffer.put(tag);
        if (!writeOwn(buffer, value)) {
            buffer.position(start);
            library.write(buffer, plain(value));
        }
    }

    @Override
    public final T read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != tag) {
            return fromPlain(library.read(buffer));
        }
        buffer.get();
        return readOwn(buffer);
    }

    @Override
    public final int getMemory(T value) {
        int own = ownMemory(value);
        return own >= 0 ? own : library.getMemory(plain(value));
    }

    @Override
    public final int compare(T a, T b) {
        return library.compare(plain(a), plain(b));
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T[] createStorage(int size) {
        return (T[]) new Object[size];
    }
}
