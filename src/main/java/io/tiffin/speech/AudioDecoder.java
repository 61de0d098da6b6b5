package io.tiffin.speech;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.tiffin.speech.BadAudioException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

/**
 * Provider audio to {@link Audio}: OGG/Opus (WhatsApp and Telegram voice notes) decoded in Java with
 * Concentus, and PCM WAV at any rate (resampled). Other containers (MP4/AAC from Instagram, MP3,
 * WebM, AMR) go to a {@link Transcoder} (ffmpeg) when one is installed, and are refused as
 * {@link Reason#UNSUPPORTED_FORMAT} when none is. Audio longer than the limit is refused before much
 * work is spent on it.
 */
public final class AudioDecoder {

    /** Turns audio Java cannot read into 16 kHz mono 16-bit WAV; {@link #NONE} when nothing is installed. */
    public interface Transcoder {

        Transcoder NONE = new Transcoder() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public byte[] toWav(byte[] data, Duration maxDuration) {
                throw new BadAudioException(Reason.UNSUPPORTED_FORMAT, "no transcoder");
            }
        };

        boolean available();

        /** @throws BadAudioException when the data is not audio it can read */
        byte[] toWav(byte[] data, Duration maxDuration);
    }

    private static final int OPUS_RATE = 48_000;
    /** Opus frames are at most 120 ms: 5760 samples per channel at 48 kHz. */
    private static final int MAX_FRAME = 5760;
    /** Low-pass taps for going down to 16 kHz: a windowed sinc cutting at 7 kHz, so nothing folds back. */
    private static final int TAPS = 31;

    private final Duration maxDuration;
    private final Transcoder transcoder;

    public AudioDecoder(Duration maxDuration) {
        this(maxDuration, Transcoder.NONE);
    }

    public AudioDecoder(Duration maxDuration, Transcoder transcoder) {
        this.maxDuration = maxDuration;
        this.transcoder = transcoder;
    }

    public Audio decode(byte[] data) {
        if (data == null || data.length < 12) {
            throw new BadAudioException(Reason.EMPTY, "no audio");
        }
        if (startsWith(data, "OggS")) {
            return decodeOggOpus(data);
        }
        if (startsWith(data, "RIFF") && startsWith(java.util.Arrays.copyOfRange(data, 8, 12), "WAVE")) {
            return decodeWav(data);
        }
        String container = container(data);
        if (container == null) {
            throw new BadAudioException(Reason.UNSUPPORTED_FORMAT, "not audio in a format known here");
        }
        if (!transcoder.available()) {
            throw new BadAudioException(Reason.UNSUPPORTED_FORMAT, container + " needs ffmpeg, which is not installed");
        }
        byte[] wav = transcoder.toWav(data, maxDuration);
        if (!startsWith(wav, "RIFF")) {
            throw new BadAudioException(Reason.CORRUPT, container + " could not be decoded");
        }
        return decodeWav(wav);
    }

    /**
     * The container of audio that only a transcoder reads, by its first bytes; null for anything that
     * is not audio at all (a text file is not handed to ffmpeg).
     */
    static String container(byte[] data) {
        if (data.length >= 12 && data[4] == 'f' && data[5] == 't' && data[6] == 'y' && data[7] == 'p') {
            return "MP4";
        }
        if ((data[0] & 0xff) == 0xff && (data[1] & 0xf6) == 0xf0) {
            return "AAC";
        }
        if (startsWith(data, "ID3") || (data[0] & 0xff) == 0xff && (data[1] & 0xe0) == 0xe0) {
            return "MP3";
        }
        if ((data[0] & 0xff) == 0x1a
                && (data[1] & 0xff) == 0x45
                && (data[2] & 0xff) == 0xdf
                && (data[3] & 0xff) == 0xa3) {
            return "WebM";
        }
        if (startsWith(data, "#!AMR")) {
            return "AMR";
        }
        if (startsWith(data, "fLaC")) {
            return "FLAC";
        }
        return null;
    }

    private Audio decodeOggOpus(byte[] data) {
        List<byte[]> packets = OggPackets.read(data);
        if (packets.isEmpty() || !startsWith(packets.get(0), "OpusHead") || packets.get(0).length < 19) {
            throw new BadAudioException(Reason.UNSUPPORTED_FORMAT, "an OGG stream without Opus in it");
        }
        byte[] head = packets.get(0);
        int channels = Math.max(1, head[9] & 0xff);
        if (channels > 2) {
            throw new BadAudioException(Reason.UNSUPPORTED_FORMAT, channels + "-channel Opus");
        }
        // pre-skip: encoder warm-up samples (at 48 kHz) to drop from the start
        int preSkip = (head[10] & 0xff) | (head[11] & 0xff) << 8;
        long maxSamples = maxDuration.toMillis() * OPUS_RATE / 1000;
        ShortBuffer mono = new ShortBuffer();
        short[] frame = new short[MAX_FRAME * channels];
        try {
            // decoded at Opus's own 48 kHz: Concentus's built-in 16 kHz output comes out near silent
            OpusDecoder decoder = new OpusDecoder(OPUS_RATE, channels);
            for (byte[] packet : packets.subList(Math.min(2, packets.size()), packets.size())) {
                int n = decoder.decode(packet, 0, packet.length, frame, 0, MAX_FRAME, false);
                for (int i = 0; i < n; i++) {
                    if (preSkip > 0) {
                        preSkip--;
                        continue;
                    }
                    mono.add(channels == 1 ? frame[i] : (short) ((frame[2 * i] + frame[2 * i + 1]) / 2));
                }
                if (mono.size > maxSamples) {
                    throw new BadAudioException(Reason.TOO_LONG, "longer than " + maxDuration);
                }
            }
        } catch (OpusException | RuntimeException e) {
            if (e instanceof BadAudioException bad) {
                throw bad;
            }
            throw new BadAudioException(Reason.CORRUPT, "Opus data could not be decoded: " + e.getMessage(), e);
        }
        return nonEmpty(toBytes(resample(mono.toArray(), OPUS_RATE)));
    }

    private Audio decodeWav(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (b.remaining() >= 8) {
            String id = new String(data, b.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
            b.position(b.position() + 4);
            int size = b.getInt();
            if (size < 0 || size > b.remaining()) {
                size = b.remaining(); // streaming writers leave the size unset; take what is there
            }
            if (id.equals("fmt ") && size >= 16) {
                int format = b.getShort(b.position()) & 0xffff;
                channels = b.getShort(b.position() + 2);
                rate = b.getInt(b.position() + 4);
                bits = b.getShort(b.position() + 14);
                if (format != 1 || bits != 16 || channels < 1 || channels > 2 || rate < 8000) {
                    throw new BadAudioException(Reason.UNSUPPORTED_FORMAT, "only 16-bit PCM WAV is read");
                }
            } else if (id.equals("data")) {
                if (channels == 0) {
                    throw new BadAudioException(Reason.CORRUPT, "WAV data before its format");
                }
                long frames = size / (2L * channels);
                if (frames * 1000 / rate > maxDuration.toMillis()) {
                    throw new BadAudioException(Reason.TOO_LONG, "longer than " + maxDuration);
                }
                short[] mono = new short[(int) frames];
                for (int i = 0; i < frames; i++) {
                    int at = b.position() + i * 2 * channels;
                    mono[i] = channels == 1 ? b.getShort(at) : (short) ((b.getShort(at) + b.getShort(at + 2)) / 2);
                }
                return nonEmpty(toBytes(resample(mono, rate)));
            }
            b.position(b.position() + size + (size & 1));
        }
        throw new BadAudioException(Reason.CORRUPT, "a WAV file without data");
    }

    /**
     * To 16 kHz: low-pass filtered (windowed sinc), then read at the new rate by linear interpolation.
     * Without the filter, 48 kHz Opus output would fold its highs into the speech band.
     */
    static short[] resample(short[] in, int rate) {
        if (rate == Audio.SAMPLE_RATE) {
            return in;
        }
        double[] filtered = lowPass(in, 7000.0 / rate);
        int n = (int) ((long) in.length * Audio.SAMPLE_RATE / rate);
        short[] out = new short[n];
        double step = (double) rate / Audio.SAMPLE_RATE;
        for (int i = 0; i < n; i++) {
            double at = i * step;
            int j = (int) at;
            double f = at - j;
            int next = Math.min(j + 1, in.length - 1);
            long v = Math.round(filtered[j] * (1 - f) + filtered[next] * f);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
    }

    private static double[] lowPass(short[] in, double cutoff) {
        double[] taps = new double[TAPS];
        double sum = 0;
        for (int k = 0; k < TAPS; k++) {
            int m = k - TAPS / 2;
            double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
            taps[k] = sinc * (0.54 - 0.46 * Math.cos(2 * Math.PI * k / (TAPS - 1)));
            sum += taps[k];
        }
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            double acc = 0;
            for (int k = 0; k < TAPS; k++) {
                int j = i + k - TAPS / 2;
                if (j >= 0 && j < in.length) {
                    acc += taps[k] * in[j];
                }
            }
            out[i] = acc / sum;
        }
        return out;
    }

    /** A growable array of samples, without boxing a minute of audio into a list. */
    private static final class ShortBuffer {
        private short[] data = new short[OPUS_RATE * 4];
        private int size;

        void add(short sample) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = sample;
        }

        short[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    private static byte[] toBytes(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** A tenth of a second is too short to hold a word. */
    private static Audio nonEmpty(byte[] pcm) {
        if (pcm.length < Audio.SAMPLE_RATE / 10 * 2) {
            throw new BadAudioException(Reason.EMPTY, "no audio");
        }
        return new Audio(pcm);
    }

    private static boolean startsWith(byte[] data, String magic) {
        if (data.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (data[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
