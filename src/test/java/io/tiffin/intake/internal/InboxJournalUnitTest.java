package io.tiffin.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxJournalUnitTest {

    @TempDir
    Path dir;

    @Test
    void whatWasAppendedIsReadBackInOrder() {
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("a"), bytes("b")));
            journal.append(List.of(bytes("c")));

            InboxJournal.Cursor cursor = journal.cursor();
            assertThat(texts(cursor.next(10))).containsExactly("a", "b", "c");
            assertThat(cursor.next(10)).isEmpty();
            assertThat(cursor.at()).isEqualTo(journal.durable());
        }
    }

    @Test
    void readsInBatchesOfTheAskedSize() {
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("1"), bytes("2"), bytes("3")));
            InboxJournal.Cursor cursor = journal.cursor();

            assertThat(texts(cursor.next(2))).containsExactly("1", "2");
            assertThat(texts(cursor.next(2))).containsExactly("3");
        }
    }

    @Test
    void recordsNotReleasedAreReplayedAfterARestartAndNewOnesFollowThem() {
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("before-1"), bytes("before-2")));
        }
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("after")));
            assertThat(texts(journal.cursor().next(10))).containsExactly("before-1", "before-2", "after");
        }
    }

    @Test
    void aTornRecordLeftByACrashEndsItsSegmentAndNothingElseIsLost() throws IOException {
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("whole")));
        }
        Path segment = segments().getFirst();
        // a crash in the middle of writing a record: its header says 500 bytes, 3 made it to disk
        Files.write(segment, new byte[] {0, 0, 1, (byte) 244, 1, 2, 3, 4, 'x', 'y', 'z'}, StandardOpenOption.APPEND);

        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("next")));
            assertThat(texts(journal.cursor().next(10))).containsExactly("whole", "next");
        }
    }

    @Test
    void aCorruptedRecordIsNotReturned() throws IOException {
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("good"), bytes("flipped")));
        }
        Path segment = segments().getFirst();
        byte[] content = Files.readAllBytes(segment);
        content[content.length - 1] ^= 0x01;
        Files.write(segment, content);

        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            assertThat(texts(journal.cursor().next(10))).containsExactly("good");
        }
    }

    @Test
    void segmentsRotateBySizeAndDrainedOnesAreDeleted() throws IOException {
        try (InboxJournal journal = new InboxJournal(dir, 64)) {
            for (int i = 0; i < 10; i++) {
                journal.append(List.of(bytes("record-" + "x".repeat(30) + i)));
            }
            assertThat(segments()).hasSizeGreaterThan(5);

            InboxJournal.Cursor cursor = journal.cursor();
            assertThat(cursor.next(100)).hasSize(10);
            journal.release(cursor.at().segment());

            assertThat(segments()).hasSize(1);
            assertThat(cursor.next(100)).isEmpty();
        }
    }

    @Test
    void aDrainedSegmentIsRotatedSoItCanBeDeleted() throws IOException {
        try (InboxJournal journal = new InboxJournal(dir, 1 << 20)) {
            journal.append(List.of(bytes("only")));
            InboxJournal.Cursor cursor = journal.cursor();
            assertThat(cursor.next(10)).hasSize(1);

            journal.rotateIfDrained(cursor.at());
            assertThat(cursor.next(10)).isEmpty();
            journal.release(cursor.at().segment());

            assertThat(segments()).hasSize(1);
            assertThat(Files.size(segments().getFirst())).isZero();
        }
    }

    @Test
    void concurrentAppendsAreAllDurableAndReadOnce() throws Exception {
        try (InboxJournal journal = new InboxJournal(dir, 4096)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            IntStream.range(0, 400).forEach(i -> pool.submit(() -> journal.append(List.of(bytes("m" + i)))));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            InboxJournal.Cursor cursor = journal.cursor();
            List<String> read = new ArrayList<>();
            List<byte[]> batch;
            while (!(batch = cursor.next(64)).isEmpty()) {
                read.addAll(texts(batch));
            }
            assertThat(read).hasSize(400).doesNotHaveDuplicates();
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }
}
