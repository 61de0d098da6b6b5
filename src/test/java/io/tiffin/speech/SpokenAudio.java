package io.tiffin.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spoken test audio made on the spot: espeak-ng says the words, opusenc encodes them as a WhatsApp
 * voice note would be (OGG/Opus). The voice is espeak's US English, the accent the acoustic model knows. Tests that need it assume the Debian packages are there.
 */
public final class SpokenAudio {

    private SpokenAudio() {}

    public static boolean toolsInstalled() {
        return onPath("espeak-ng") && onPath("opusenc");
    }

    public static boolean recognizerInstalled() {
        return onPath("pocketsphinx_continuous")
                && Files.isDirectory(Path.of("/usr/share/pocketsphinx/model/en-us/en-us"));
    }

    /** The words as an OGG/Opus voice note; speed in words per minute (espeak's default 175), pitch 0-99 (50). */
    public static byte[] voiceNote(String words, int speed, int pitch) {
        try {
            Path dir = Files.createTempDirectory("spoken-");
            Path wav = dir.resolve("said.wav");
            Path ogg = dir.resolve("said.ogg");
            run(List.of(
                    "espeak-ng",
                    "-v",
                    "en-us",
                    "-s",
                    String.valueOf(speed),
                    "-p",
                    String.valueOf(pitch),
                    "-w",
                    wav.toString(),
                    words));
            run(List.of("opusenc", "--quiet", "--bitrate", "24", wav.toString(), ogg.toString()));
            byte[] bytes = Files.readAllBytes(ogg);
            Files.delete(wav);
            Files.delete(ogg);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] voiceNote(String words) {
        return voiceNote(words, 175, 50);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
