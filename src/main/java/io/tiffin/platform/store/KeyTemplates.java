package io.tiffin.platform.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The Java serialization of a one-part index key, a text or an ObjectId, without an object stream: the
 * stream of such a key is the same bytes around its one value (the key's and its list's class
 * descriptions before, the list's end after), so those are taken once from a key serialized the
 * usual way and the value's own record put between them. The bytes are exactly what
 * {@link ObjectDataType#serialize} writes (the index's order and the file depend on them); this is checked
 * against it when the class loads, and where they differ every key goes through the stream as before.
 */
final class KeyTemplates {

    private static final byte TC_STRING = 0x74;

    /** Modified UTF-8 longer than this is written as a long string record: left to the stream. */
    private static final int MAX_SHORT_UTF = 0xFFFF;

    private static final String TEXT_MARK = "tiffin-key-template";

    private static final byte[] ID_MARK = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    private static final Template TEXT =
            Template.around(ObjectDataType.serialize(new KeyValue(TEXT_MARK)), textRecord(TEXT_MARK));

    private static final Template ID =
            Template.around(ObjectDataType.serialize(new KeyValue(new ObjectId(ID_MARK))), ID_MARK);

    private static final boolean TRUSTED = checked();

    private KeyTemplates() {}

    /** The serialized key, or null when it is not a single text or ObjectId (or the templates are off). */
    static byte[] serialize(KeyValue key) {
        if (!TRUSTED || key.size() != 1) {
            return null;
        }
        Object value = key.get(0);
        if (value instanceof String text) {
            byte[] record = textRecord(text);
            return record == null ? null : TEXT.with(record);
        }
        if (value != null && value.getClass() == ObjectId.class) {
            return ID.with(((ObjectId) value).toByteArray());
        }
        return null;
    }

    /** A text as the stream writes a new short string: its tag, its length, modified UTF-8. */
    private static byte[] textRecord(String text) {
        int length = text.length();
        int utf = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            utf += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        if (utf > MAX_SHORT_UTF) {
            return null;
        }
        byte[] record = new byte[3 + utf];
        record[0] = TC_STRING;
        record[1] = (byte) (utf >>> 8);
        record[2] = (byte) utf;
        int at = 3;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                record[at++] = (byte) c;
            } else if (c <= 0x07FF) {
                record[at++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                record[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                record[at++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                record[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                record[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return record;
    }

    private static boolean checked() {
        if (TEXT == null || ID == null) {
            return false;
        }
        Object[] samples = {
            "", "a", "wamid.HBgLMTIzNDU2Nzg5MBUCABIYFjNFQjA", "naan नान \u0000 😀", new ObjectId(), new ObjectId()
        };
        for (Object sample : samples) {
            KeyValue key = new KeyValue(sample);
            byte[] template = sample instanceof String text
                    ? TEXT.with(textRecord(text))
                    : ID.with(((ObjectId) sample).toByteArray());
            if (!Arrays.equals(template, ObjectDataType.serialize(key))) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of a serialized key before and after its value's record. */
    private record Template(byte[] before, byte[] after) {

        /** Null when the mark is not found exactly once. */
        static Template around(byte[] serialized, byte[] mark) {
            int at = indexOf(serialized, mark, 0);
            if (at < 0 || indexOf(serialized, mark, at + 1) >= 0) {
                return null;
            }
            return new Template(
                    Arrays.copyOfRange(serialized, 0, at),
                    Arrays.copyOfRange(serialized, at + mark.length, serialized.length));
        }

        byte[] with(byte[] record) {
            byte[] bytes = new byte[before.length + record.length + after.length];
            System.arraycopy(before, 0, bytes, 0, before.length);
            System.arraycopy(record, 0, bytes, before.length, record.length);
            System.arraycopy(after, 0, bytes, before.length + record.length, after.length);
            return bytes;
        }

        private static int indexOf(byte[] bytes, byte[] part, int from) {
            for (int i = from; i + part.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
