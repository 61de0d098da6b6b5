package io.tiffin.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioDecoderUnitTest {

    private final AudioDecoder decoder = new AudioDecoder(Duration.ofMinutes(2));

    @Test
    void aWavAtAnotherRateComesOutAt16kHzMono() {
        Audio audio = decoder.decode(wav(22_050, 2, Duration.ofSeconds(3)));

        assertThat(audio.duration()).isBetween(Duration.ofMillis(2990), Duration.ofMillis(3010));
    }

    @Test
    void audioLongerThanTwoMinutesIsRefusedAsTooLong() {
        assertThatThrownBy(() -> decoder.decode(wav(16_000, 1, Duration.ofSeconds(121))))
                .isInstanceOfSatisfying(
                        BadAudioException.class,
                        e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.TOO_LONG));
    }

    @Test
    void textTruncatedOggAndNothingAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> decoder.decode("just some text, not audio".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        BadAudioException.class,
                        e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.UNSUPPORTED_FORMAT));
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .isInstanceOfSatisfying(
                        BadAudioException.class, e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.EMPTY));
    }

    @Test
    void aVoiceNoteCutShortIsCorruptAndAWholeOneDecodes() {
        assumeTrue(SpokenAudio.toolsInstalled(), "espeak-ng and opusenc");
        byte[] note = SpokenAudio.voiceNote("two butter chicken");

        assertThat(decoder.decode(note).duration()).isGreaterThan(Duration.ofMillis(800));
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(note, note.length / 2)))
                .isInstanceOfSatisfying(
                        BadAudioException.class,
                        e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.CORRUPT));
    }

    private static byte[] wav(int rate, int channels, Duration length) {
        int frames = (int) (rate * length.toMillis() / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2 * channels).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + frames * 2 * channels)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * 2 * channels)
                .putShort((short) (2 * channels))
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(frames * 2 * channels);
        for (int i = 0; i < frames * channels; i++) {
            b.putShort((short) (1000 * Math.sin(i / 10.0)));
        }
        return b.array();
    }
}
