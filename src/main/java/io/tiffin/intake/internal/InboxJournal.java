package io.tiffin.intake.internal;

import io.tiffin.platform.backup.DataDirectory;
import io.tiffin.platform.store.GroupCommit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's write-ahead log on local disk. A webhook appends the inbox documents it accepted and
 * returns once they are forced to disk, sharing one fsync with every append of the same moment; the
 * {@link JournalDrain} then moves them into the inbox collection in batches. Acknowledging a message
 * so costs an append and a share of an fsync, not a store write and commit.
 *
 * <p>The log is a series of segment files numbered in order. Each record is its length, a CRC32C and
 * the document's BSON bytes. Appends go to a segment opened at start, never to one left from before a
 * restart, so a record torn by a crash can only end an old segment. A segment is deleted once all its
 * records are in the inbox and committed there.
 */
final class InboxJournal implements AutoCloseable {

    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(InboxJournal.class);
    private static final int HEADER_BYTES = 8;
    private static final String SUFFIX = ".log";

    /** A place in the log: a segment and a byte offset in it. */
    record Mark(long segment, long position) {
        boolean before(Mark other) {
            return segment < other.segment || segment == other.segment && position < other.position;
        }
    }

    private final Path directory;
    private final long segmentBytes;
    private final GroupCommit forces;
    private final Object writeLock = new Object();
    private final Object durableSignal = new Object();
    private long writingSegment;
    private FileChannel writing;
    private long writingSize;
    private volatile Mark durable;

    InboxJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(directory);
            this.writingSegment =
                    segments().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            this.writing = open(writingSegment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the inbox journal in " + directory, e);
        }
        this.durable = new Mark(writingSegment, 0);
        this.forces = new GroupCommit("inbox-journal-fsync", this::force);
    }

    /** Appends the documents and returns once they are on disk. */
    void append(List<byte[]> documents) {
        ByteBuffer frames = frame(documents);
        synchronized (writeLock) {
            try {
                if (writingSize > 0 && writingSize + frames.remaining() > segmentBytes) {
                    rotate();
                }
                while (frames.hasRemaining()) {
                    writingSize += writing.write(frames);
                }
            } catch (IOException e) {
                // a partly written record must end its segment, or it would hide every record after it
                try {
                    rotate();
                } catch (IOException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw new UncheckedIOException("cannot append to the inbox journal", e);
            }
        }
        forces.await();
    }

    /** A reader of durable records, from the oldest segment still on disk on. Used by one thread. */
    Cursor cursor() {
        try {
            return new Cursor(new Mark(segments().first(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Cursor {

        private Mark at;

        private Cursor(Mark at) {
            this.at = at;
        }

        /** Where reading stands: everything before it has been returned. */
        Mark at() {
            return at;
        }

        /** Up to {@code max} durable records after {@link #at()}; empty when there are none yet. */
        List<byte[]> next(int max) {
            Mark upTo = durable;
            List<byte[]> records = new ArrayList<>();
            try {
                while (records.size() < max && at.before(upTo)) {
                    boolean finished = at.segment() < upTo.segment();
                    Path file = path(at.segment());
                    if (!Files.exists(file)) {
                        if (!finished) {
                            throw new IllegalStateException("inbox journal segment " + at.segment() + " is missing");
                        }
                        at = new Mark(at.segment() + 1, 0);
                        continue;
                    }
                    long limit = finished ? Long.MAX_VALUE : upTo.position();
                    long position = readSegment(file, at, limit, max - records.size(), records);
                    at = position < 0 ? new Mark(at.segment() + 1, 0) : new Mark(at.segment(), position);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the inbox journal", e);
            }
            return records;
        }
    }

    /**
     * Reads records of one segment into {@code into}, up to {@code limit} bytes. Returns the position
     * reading stopped at, or -1 when a finished segment is done (its end, or a torn record that a
     * crash left at the end of a segment written before the restart).
     */
    private long readSegment(Path file, Mark at, long limit, int max, List<byte[]> into) throws IOException {
        boolean finished = limit == Long.MAX_VALUE;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = Math.min(channel.size(), limit);
            long position = at.position();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            for (int taken = 0; taken < max; taken++) {
                if (position + HEADER_BYTES > end) {
                    return finished ? -1 : position;
                }
                header.clear();
                channel.read(header, position);
                int length = header.getInt(0);
                ByteBuffer body = length > 0 && length <= MAX_RECORD_BYTES && position + HEADER_BYTES + length <= end
                        ? ByteBuffer.allocate(length)
                        : null;
                if (body != null) {
                    channel.read(body, position + HEADER_BYTES);
                }
                if (body == null || checksum(body.array()) != header.getInt(4)) {
                    if (!finished) {
                        throw new IllegalStateException(
                                "inbox journal segment " + at.segment() + " is corrupt at " + position);
                    }
                    log.warn(
                            "Inbox journal segment {} ends in a torn record at byte {}, never acknowledged",
                            at.segment(),
                            position);
                    return -1;
                }
                position += HEADER_BYTES + length;
                into.add(body.array());
            }
            return position;
        }
    }

    /** Waits until something durable lies beyond {@code mark}, or the timeout passes. */
    void awaitBeyond(Mark mark, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (durableSignal) {
            while (!mark.before(durable)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                durableSignal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Roughly how many durable bytes lie beyond {@code mark}: what the drain has yet to move. */
    long bytesAfter(Mark mark) {
        Mark upTo = durable;
        return (upTo.segment() - mark.segment()) * segmentBytes + upTo.position() - mark.position();
    }

    /** Everything durable so far. */
    Mark durable() {
        return durable;
    }

    /** Deletes the segments before {@code segment}: the drain has them in the inbox, committed. */
    void release(long segment) {
        try {
            for (long old : segments().headSet(segment, false)) {
                Files.deleteIfExists(path(old));
            }
        } catch (IOException e) {
            log.warn("Cannot delete drained inbox journal segments before {}", segment, e);
        }
    }

    /**
     * Copies every segment still on disk into {@code target}, appends held back meanwhile. A segment
     * the drain releases during the copy is in the store already, which is copied after the journal.
     */
    void copyInto(Path target) throws IOException {
        Files.createDirectories(target);
        synchronized (writeLock) {
            writing.force(false);
            for (long segment : segments()) {
                Path file = path(segment);
                try {
                    DataDirectory.copyDurably(
                            file, target.resolve(file.getFileName().toString()));
                } catch (NoSuchFileException released) {
                    // drained and deleted since the listing
                }
            }
        }
    }

    @Override
    public void close() {
        forces.close();
        synchronized (writeLock) {
            try {
                writing.force(false);
                writing.close();
            } catch (IOException e) {
                log.warn("Closing the inbox journal failed", e);
            }
        }
    }

    private void force() {
        FileChannel channel;
        Mark mark;
        synchronized (writeLock) {
            channel = writing;
            mark = new Mark(writingSegment, writingSize);
        }
        try {
            channel.force(false);
        } catch (ClosedChannelException rotated) {
            // the segment was rotated meanwhile, and rotation forced it to the end
        } catch (IOException e) {
            throw new UncheckedIOException("fsync of the inbox journal failed", e);
        }
        publish(mark);
    }

    private void publish(Mark mark) {
        synchronized (durableSignal) {
            if (durable.before(mark)) {
                durable = mark;
            }
            durableSignal.notifyAll();
        }
    }

    /** Starts a new segment once the drain has everything, so the drained one can be deleted. */
    void rotateIfDrained(Mark drained) {
        synchronized (writeLock) {
            if (writingSize > 0 && drained.equals(new Mark(writingSegment, writingSize))) {
                try {
                    rotate();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start a new inbox journal segment", e);
                }
            }
        }
    }

    private void rotate() throws IOException {
        writing.force(false);
        writing.close();
        writingSegment++;
        writing = open(writingSegment);
        writingSize = 0;
        // everything before the new segment is on disk now
        publish(new Mark(writingSegment, 0));
    }

    private FileChannel open(long segment) throws IOException {
        return FileChannel.open(path(segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private Path path(long segment) {
        return directory.resolve("%019d%s".formatted(segment, SUFFIX));
    }

    private TreeSet<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            TreeSet<Long> numbers = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .forEach(n -> numbers.add(Long.parseLong(n.substring(0, n.length() - SUFFIX.length()))));
            return numbers;
        }
    }

    private static ByteBuffer frame(List<byte[]> documents) {
        int size = documents.stream().mapToInt(d -> HEADER_BYTES + d.length).sum();
        ByteBuffer frames = ByteBuffer.allocate(size);
        for (byte[] document : documents) {
            if (document.length > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("inbox document over " + MAX_RECORD_BYTES + " bytes");
            }
            frames.putInt(document.length).putInt(checksum(document)).put(document);
        }
        return frames.flip();
    }

    private static int checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
