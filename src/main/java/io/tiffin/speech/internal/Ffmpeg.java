package io.tiffin.speech.internal;

import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.BadAudioException;
import io.tiffin.speech.BadAudioException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ffmpeg, when installed, for the audio Java does not read (Instagram's MP4/AAC, MP3, WebM): the input
 * goes through a file (an MP4 often keeps its index at the end, which a pipe cannot seek to) and comes
 * back on standard output as 16 kHz mono 16-bit WAV, cut a second past the duration limit so the
 * decoder still sees that it was too long. Killed past the timeout.
 */
class Ffmpeg implements AudioDecoder.Transcoder {

    private final String command;
    private final Duration timeout;
    private final boolean installed;

    Ffmpeg(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
        this.installed = Pocketsphinx.onPath(command);
    }

    @Override
    public boolean available() {
        return installed;
    }

    @Override
    public byte[] toWav(byte[] data, Duration maxDuration) {
        Path input = null;
        Process process = null;
        try {
            input = Files.createTempFile("tiffin-audio-", ".in");
            Files.write(input, data);
            process = new ProcessBuilder(List.of(
                            command,
                            "-nostdin",
                            "-hide_banner",
                            "-loglevel",
                            "error",
                            "-i",
                            input.toString(),
                            "-vn",
                            "-t",
                            String.valueOf(maxDuration.toSeconds() + 1),
                            "-ac",
                            "1",
                            "-ar",
                            "16000",
                            "-acodec",
                            "pcm_s16le",
                            "-f",
                            "wav",
                            "pipe:1"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Process running = process;
            // read while it runs, so a full pipe never blocks it
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return running.getInputStream().readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    Thread::startVirtualThread);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BadAudioException(Reason.CORRUPT, "ffmpeg took longer than " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new BadAudioException(
                        Reason.CORRUPT, "ffmpeg could not read the audio (exit " + process.exitValue() + ")");
            }
            return output.get(5, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new BadAudioException(Reason.CORRUPT, "ffmpeg failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadAudioException(Reason.CORRUPT, "interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (input != null) {
                input.toFile().delete();
            }
        }
    }
}
