package io.tiffin.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.speech.Audio;
import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.BadAudioException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio Java does not read (Instagram's MP4/AAC) goes to ffmpeg when it is there, and is refused as
 * an unsupported format when it is not. A stand-in ffmpeg (a shell script) checks what it is given and
 * answers a WAV as ffmpeg writes one to a pipe (sizes unset).
 */
class FfmpegUnitTest {

    private static final byte[] MP4 = mp4();

    @TempDir
    Path dir;

    @Test
    void withoutFfmpegAnMp4IsAnUnsupportedFormatAndTextIsNotHandedToIt() throws IOException {
        AudioDecoder none = new AudioDecoder(
                Duration.ofMinutes(2), new Ffmpeg(dir.resolve("no-ffmpeg").toString(), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> none.decode(MP4))
                .isInstanceOfSatisfying(
                        BadAudioException.class,
                        e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.UNSUPPORTED_FORMAT));
        Path touched = dir.resolve("touched");
        AudioDecoder present = new AudioDecoder(
                Duration.ofMinutes(2), new Ffmpeg(script("touch " + touched + "; exit 1"), Duration.ofSeconds(5)));
        assertThatThrownBy(() -> present.decode("plain text, not audio at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        BadAudioException.class,
                        e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.UNSUPPORTED_FORMAT));
        assertThat(touched).doesNotExist();
    }

    @Test
    void anMp4GoesThroughFfmpegAndComesBackAs16kHzMono() throws IOException {
        Path expected = Files.write(dir.resolve("expected.mp4"), MP4);
        Path wav = Files.write(dir.resolve("out.wav"), pipedWav(Duration.ofSeconds(2)));
        // the real ffmpeg's arguments: -i <file> ... -ac 1 -ar 16000 ... pipe:1
        String ffmpeg = script("""
                args="$*"
                case "$args" in *"-ac 1 -ar 16000"*"pipe:1"*) ;; *) exit 3 ;; esac
                while [ "$1" != "-i" ]; do shift; done
                cmp -s "$2" %s || exit 2
                cat %s""".formatted(expected, wav));

        Audio audio = new AudioDecoder(Duration.ofMinutes(2), new Ffmpeg(ffmpeg, Duration.ofSeconds(5))).decode(MP4);

        assertThat(audio.duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ffmpegFailingOrHangingMakesTheAudioUnusableNotAnError() throws IOException {
        AudioDecoder failing =
                new AudioDecoder(Duration.ofMinutes(2), new Ffmpeg(script("exit 1"), Duration.ofSeconds(5)));
        AudioDecoder hanging =
                new AudioDecoder(Duration.ofMinutes(2), new Ffmpeg(script("sleep 30"), Duration.ofMillis(300)));
        AudioDecoder garbage =
                new AudioDecoder(Duration.ofMinutes(2), new Ffmpeg(script("echo not a wav"), Duration.ofSeconds(5)));

        for (AudioDecoder decoder : new AudioDecoder[] {failing, hanging, garbage}) {
            assertThatThrownBy(() -> decoder.decode(MP4))
                    .isInstanceOfSatisfying(
                            BadAudioException.class,
                            e -> assertThat(e.reason()).isEqualTo(BadAudioException.Reason.CORRUPT));
        }
    }

    private String script(String body) throws IOException {
        Path script = Files.createTempFile(dir, "ffmpeg-", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    /** The start of an M4A file: an {@code ftyp} box, then media data. */
    static byte[] mp4() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(24)
                .put("ftypM4A ".getBytes(StandardCharsets.US_ASCII))
                .putInt(0)
                .put("M4A isom".getBytes(StandardCharsets.US_ASCII))
                .putInt(40)
                .put("mdat".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 32; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    /** 16 kHz mono WAV with the RIFF and data sizes unset, as ffmpeg writes to a pipe. */
    private static byte[] pipedWav(Duration length) {
        int samples = (int) (16_000 * length.toMillis() / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(-1)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(16_000)
                .putInt(32_000)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(-1);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (3000 * Math.sin(i / 5.0)));
        }
        return b.array();
    }
}
