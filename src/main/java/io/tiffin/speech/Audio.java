package io.tiffin.speech;

import java.time.Duration;

/**
 * Speech as every engine here wants it: 16 kHz, mono, signed 16-bit little-endian PCM. Decoding a
 * provider's format into this is {@link AudioDecoder}'s job.
 */
public record Audio(byte[] pcm) {

    public static final int SAMPLE_RATE = 16_000;

    public Audio {
        if (pcm == null || pcm.length % 2 != 0) {
            throw new IllegalArgumentException("PCM must be whole 16-bit samples");
        }
    }

    public int samples() {
        return pcm.length / 2;
    }

    public Duration duration() {
        return Duration.ofMillis(samples() * 1000L / SAMPLE_RATE);
    }

    /** The same samples as a WAV file, for engines that want a file (pocketsphinx, Whisper servers). */
    public byte[] toWav() {
        byte[] wav = new byte[44 + pcm.length];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + pcm.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(pcm.length)
                .put(pcm);
        return wav;
    }
}
