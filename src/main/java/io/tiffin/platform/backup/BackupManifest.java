package io.tiffin.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds: every file with its size and SHA-256, written last, as {@code backup.json}.
 * A folder without it is not a finished backup; restore checks every file against it.
 */
public record BackupManifest(int format, Instant createdAt, String source, List<Entry> files) {

    public static final String FILE = "backup.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Entry(String path, long bytes, String sha256) {}

    public long bytes() {
        return files.stream().mapToLong(Entry::bytes).sum();
    }

    /** Lists and hashes every file under {@code dir} (but a manifest) as it is now. */
    static BackupManifest of(Path dir, String source) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(FILE)) {
                    entries.add(new Entry(relative, Files.size(file), sha256(file)));
                }
            }
        }
        return new BackupManifest(1, Instant.now(), source, entries);
    }

    void writeTo(Path dir) throws IOException {
        Files.write(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }

    static BackupManifest readFrom(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a finished backup: it has no " + FILE);
        }
        return JSON.readValue(Files.readAllBytes(file), BackupManifest.class);
    }

    /** Checks every listed file of {@code dir} against its size and hash; throws on the first that differs. */
    void verify(Path dir) throws IOException {
        for (Entry entry : files) {
            Path file = dir.resolve(entry.path()).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new IOException("the backup lacks " + entry.path());
            }
            if (Files.size(file) != entry.bytes() || !sha256(file).equals(entry.sha256())) {
                throw new IOException("the backup's " + entry.path() + " differs from its manifest");
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
