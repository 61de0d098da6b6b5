package io.tiffin.platform.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded data directory ({@code TIFFIN_DATA_DIR}) as backup and restore see it: whether an app
 * runs on it, and how a backup folder is written and put back.
 */
public final class DataDirectory {

    /** The embedded store's file; the running app holds an OS lock on it. */
    public static final String STORE_FILE = "mongo.mv.db";
    /** How a running app tells a local {@code backup} command where to ask (port and a secret). */
    public static final String CONTROL_FILE = "control.json";

    private static final String PARTIAL = ".partial";

    private final Path dir;

    public DataDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path path() {
        return dir;
    }

    /**
     * Whether an app has this directory's store open: the store holds an exclusive OS lock on its
     * file for as long as it runs, and the OS drops it when the process dies, so a crashed app does
     * not count as running.
     */
    public boolean inUse() throws IOException {
        Path store = dir.resolve(STORE_FILE);
        if (!Files.exists(store)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * Writes a backup of this directory into {@code target} (which must not exist yet): first each
     * part in order, then every other file as it is. The copy is made in a sibling folder and moved
     * into place once its manifest is written, so {@code target} only ever appears finished.
     */
    public BackupManifest backupTo(Path target, List<BackupPart> parts) throws IOException {
        Path finished = target.toAbsolutePath().normalize();
        if (finished.startsWith(dir)) {
            throw new IllegalArgumentException("a backup cannot go inside the data directory " + dir);
        }
        if (Files.exists(finished)) {
            throw new IllegalArgumentException(finished + " already exists");
        }
        Path partial = finished.resolveSibling(finished.getFileName() + PARTIAL);
        deleteTree(partial);
        Files.createDirectories(partial);
        try {
            Set<Path> copied = new HashSet<>();
            for (BackupPart part : parts.stream()
                    .sorted(Comparator.comparingInt(BackupPart::order))
                    .toList()) {
                part.copyInto(partial);
                copied.add(dir.resolve(part.path()));
            }
            copyRest(partial, copied);
            BackupManifest manifest = BackupManifest.of(partial, dir.toString());
            manifest.writeTo(partial);
            Files.move(partial, finished, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    /**
     * Puts a backup in place of this directory, which no app may have open. A directory that holds
     * anything is kept beside it ({@code <dir>.before-restore-<time>}) when {@code replace} is set,
     * and refused otherwise.
     *
     * @return where the replaced directory was kept, or null
     */
    public Path restoreFrom(Path backup, boolean replace) throws IOException {
        BackupManifest manifest = BackupManifest.readFrom(backup);
        manifest.verify(backup);
        if (inUse()) {
            throw new IllegalStateException("an app is running on " + dir + ": stop it first");
        }
        Path keptAside = null;
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!replace) {
                throw new IllegalStateException(
                        dir + " is not empty: give --force to keep it aside and restore anyway");
            }
            keptAside = dir.resolveSibling(
                    dir.getFileName() + ".before-restore-" + Instant.now().toEpochMilli());
            Files.move(dir, keptAside, StandardCopyOption.ATOMIC_MOVE);
        }
        Path restoring = dir.resolveSibling(dir.getFileName() + ".restoring");
        deleteTree(restoring);
        Files.createDirectories(restoring);
        for (BackupManifest.Entry entry : manifest.files()) {
            Path to = restoring.resolve(entry.path()).normalize();
            if (!to.startsWith(restoring)) {
                throw new IOException("the backup names a file outside it: " + entry.path());
            }
            Files.createDirectories(to.getParent());
            Files.copy(backup.resolve(entry.path()), to);
        }
        syncTree(restoring);
        Files.deleteIfExists(dir);
        Files.move(restoring, dir, StandardCopyOption.ATOMIC_MOVE);
        return keptAside;
    }

    private void copyRest(Path into, Set<Path> copied) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                if (copied.contains(folder)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(into.resolve(dir.relativize(folder).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (copied.contains(file)
                        || dir.relativize(file).toString().equals(CONTROL_FILE)
                        || name.endsWith(".lock")
                        || name.endsWith(".tmp")
                        || name.endsWith(".tempFile")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, into.resolve(dir.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException gone) {
                    // removed while we walked (a rejected record someone handled): not part of the copy
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** Copies a file that nothing writes to any more, and forces it to disk. */
    public static void copyDurably(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
            out.force(true);
        }
    }

    private static void syncTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
