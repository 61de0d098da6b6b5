package io.tiffin.speech;

import io.tiffin.speech.BadAudioException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** The packets of the first logical stream of an OGG file (RFC 3533), joined across page boundaries. */
final class OggPackets {

    private OggPackets() {}

    static List<byte[]> read(byte[] data) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int at = 0;
        Integer serial = null;
        while (at + 27 <= data.length) {
            if (data[at] != 'O' || data[at + 1] != 'g' || data[at + 2] != 'g' || data[at + 3] != 'S') {
                throw new BadAudioException(Reason.CORRUPT, "broken OGG page at byte " + at);
            }
            int pageSerial = (data[at + 14] & 0xff)
                    | (data[at + 15] & 0xff) << 8
                    | (data[at + 16] & 0xff) << 16
                    | (data[at + 17] & 0xff) << 24;
            int segments = data[at + 26] & 0xff;
            int body = at + 27 + segments;
            if (body > data.length) {
                throw new BadAudioException(Reason.CORRUPT, "truncated OGG page");
            }
            boolean ours = serial == null || serial == pageSerial;
            serial = serial == null ? pageSerial : serial;
            int offset = body;
            for (int s = 0; s < segments; s++) {
                int length = data[at + 27 + s] & 0xff;
                if (offset + length > data.length) {
                    throw new BadAudioException(Reason.CORRUPT, "truncated OGG page");
                }
                if (ours) {
                    partial.write(data, offset, length);
                    if (length < 255) {
                        packets.add(partial.toByteArray());
                        partial.reset();
                    }
                }
                offset += length;
            }
            at = offset;
        }
        return packets;
    }
}
