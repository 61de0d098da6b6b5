package io.tiffin.intake.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journal records the inbox will not take, moved aside so that one bad record cannot stop intake for
 * every merchant. Each is kept byte for byte in its own file for an operator (it may hold customer
 * data, so the log names the file and the reason, never the content), counted in
 * {@code tiffin.intake.rejected} and reported by the {@code intake} health details.
 */
final class JournalRejects {

    private static final Logger log = LoggerFactory.getLogger(JournalRejects.class);

    private final Path directory;
    private final Counter rejected;
    private final AtomicLong sequence = new AtomicLong();

    JournalRejects(Path directory, MeterRegistry meters) {
        this.directory = directory;
        this.rejected = Counter.builder("tiffin.intake.rejected")
                .description("journaled messages the inbox refused, kept aside on disk")
                .register(meters);
    }

    void reject(byte[] record, String messageId, String reason) {
        String name = "%d-%06d.json".formatted(Instant.now().toEpochMilli(), sequence.incrementAndGet() % 1_000_000);
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), record);
            log.error(
                    "A journaled message (id {}) was set aside as {} in {}: {}",
                    messageId,
                    name,
                    directory.getFileName(),
                    reason);
        } catch (IOException e) {
            // nowhere to keep it: say so loudly, with the id only
            log.error(
                    "A journaled message (id {}) could not be set aside ({}); it is dropped: {}",
                    messageId,
                    e.getMessage(),
                    reason);
        }
        rejected.increment();
    }

    /** Records set aside so far, still waiting for an operator. */
    long waiting() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }
}
