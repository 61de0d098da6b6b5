package io.tiffin.speech.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.speech.Audio;
import io.tiffin.speech.SpeechUnavailableException;
import io.tiffin.speech.Transcript;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local engine: Debian's {@code pocketsphinx_continuous} run once per recognition, first with the
 * menu's grammar, then, when nothing in the grammar fits, with the general English model (free
 * speech: an address, a question). Grammars are written once per menu version and reused.
 */
class Pocketsphinx {

    private static final Logger log = LoggerFactory.getLogger(Pocketsphinx.class);

    private final SpeechProperties properties;
    private final Pronunciations pronunciations;
    private final Path work;
    private final Cache<String, Path> grammars;
    private final boolean installed;

    Pocketsphinx(SpeechProperties properties) {
        this.properties = properties;
        this.pronunciations = new Pronunciations(properties.modelDir().resolve("cmudict-en-us.dict"));
        this.installed = onPath(properties.pocketsphinx())
                && Files.isDirectory(properties.modelDir().resolve("en-us"));
        try {
            this.work = Files.createTempDirectory("tiffin-speech-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.grammars = Caffeine.newBuilder()
                .maximumSize(500)
                .removalListener(
                        (String key, Path dir, com.github.benmanes.caffeine.cache.RemovalCause cause) -> delete(dir))
                .build();
    }

    boolean installed() {
        return installed;
    }

    /** Grammar files and any audio left by a killed run go with the instance. */
    void close() {
        grammars.invalidateAll();
        delete(work);
    }

    Transcript recognize(Audio audio, MenuSnapshot menu) {
        Path wav = write(audio);
        try {
            if (menu != null) {
                Path grammar = grammar(menu);
                // wider beams than the defaults (a menu grammar has many similar paths, and the cost
                // stays far below real time) and a word insertion penalty that keeps breaths and pauses
                // from becoming short items ("tea", "naan"): both tuned on the spoken-orders test
                String heard = run(
                        wav,
                        List.of(
                                "-jsgf",
                                grammar.resolve("menu.jsgf").toString(),
                                "-dict",
                                grammar.resolve("menu.dict").toString(),
                                "-beam",
                                "1e-80",
                                "-pbeam",
                                "1e-80",
                                "-wbeam",
                                "1e-60",
                                "-wip",
                                "0.05"));
                if (!heard.isBlank()) {
                    // a grammar pass reports no word posteriors; matching the menu's grammar is the confidence
                    return new Transcript(heard, 0.9, "menu-grammar");
                }
            }
            return new Transcript(freeSpeech(wav), 0.4, "free-speech");
        } finally {
            delete(wav);
        }
    }

    /** The general English model alone, as a baseline (bench) and for what is not an order. */
    String freeSpeech(Audio audio) {
        Path wav = write(audio);
        try {
            return freeSpeech(wav);
        } finally {
            delete(wav);
        }
    }

    private String freeSpeech(Path wav) {
        return run(
                wav,
                List.of(
                        "-lm",
                        properties.modelDir().resolve("en-us.lm.bin").toString(),
                        "-dict",
                        properties.modelDir().resolve("cmudict-en-us.dict").toString()));
    }

    /** The grammar files of this menu version, written on first use. */
    Path grammar(MenuSnapshot menu) {
        return grammars.get(menu.merchantId() + "@" + menu.version(), key -> {
            MenuGrammar grammar = MenuGrammar.of(menu.menu(), pronunciations);
            try {
                Path dir = Files.createTempDirectory(work, "grammar-");
                Files.writeString(dir.resolve("menu.jsgf"), grammar.jsgf());
                Files.writeString(dir.resolve("menu.dict"), grammar.dictionary());
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String run(Path wav, List<String> search) {
        if (!installed) {
            throw new SpeechUnavailableException("pocketsphinx is not installed");
        }
        List<String> command = new ArrayList<>(List.of(
                properties.pocketsphinx(),
                "-infile",
                wav.toString(),
                "-hmm",
                properties.modelDir().resolve("en-us").toString(),
                "-samprate",
                String.valueOf(Audio.SAMPLE_RATE),
                "-logfn",
                "/dev/null"));
        command.addAll(search);
        Process process = null;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Process running = process;
            // read while it runs, so a full pipe never blocks it
            var output = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    Thread::startVirtualThread);
            if (!process.waitFor(properties.localTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SpeechUnavailableException("pocketsphinx took longer than " + properties.localTimeout());
            }
            if (process.exitValue() != 0) {
                throw new SpeechUnavailableException("pocketsphinx exited with " + process.exitValue());
            }
            // one line per stretch of speech between pauses
            return String.join(
                    " ",
                    output.get(5, TimeUnit.SECONDS)
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList());
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SpeechUnavailableException("pocketsphinx failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechUnavailableException("interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private Path write(Audio audio) {
        try {
            Path wav = Files.createTempFile(work, "audio-", ".wav");
            Files.write(wav, audio.toWav());
            return wav;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean onPath(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
