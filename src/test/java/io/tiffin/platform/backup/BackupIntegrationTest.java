package io.tiffin.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.tiffin.platform.store.IndexedH2Backend;
import io.tiffin.support.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code backup} while the app writes, then {@code restore} into a fresh data directory: the copy is a
 * consistent moment (every write before the backup started, and no gap), and a backup taken after the
 * writes holds exactly what the running store holds.
 */
class BackupIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Value("${tiffin.data-dir}")
    String dataDir;

    @TempDir
    Path temp;

    @Test
    void aBackupTakenDuringWritesRestoresToAConsistentCopyAndOneAfterThemEqualsTheStore() throws Exception {
        String collection = "backup_test_" + UUID.randomUUID().toString().replace("-", "");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                int n = written.get();
                mongo.getCollection(collection)
                        .insertOne(new Document("_id", n).append("payload", "order " + n + " " + "x".repeat(n % 50)));
                written.incrementAndGet();
            }
        });
        while (written.get() < 200) {
            Thread.sleep(10);
        }

        int before = written.get();
        Path during = temp.resolve("during");
        assertThat(run(true, "--to", during.toString(), "--data-dir", dataDir)).contains("app running");
        int after = written.get();
        Thread.sleep(200);
        writing.set(false);
        writer.join();
        int total = written.get();
        assertThat(after).as("writes went on during the backup").isGreaterThan(before);

        Path afterwards = temp.resolve("afterwards");
        assertThat(run(true, "--to", afterwards.toString(), "--data-dir", dataDir))
                .contains("app running");
        assertThat(BackupManifest.readFrom(during).files())
                .extracting(BackupManifest.Entry::path)
                .contains(DataDirectory.STORE_FILE, "secrets.key")
                .noneMatch(p -> p.equals(DataDirectory.CONTROL_FILE));

        Path restoredDuring = temp.resolve("data-during");
        Path restoredAfter = temp.resolve("data-after");
        assertThat(run(false, "--from", during.toString(), "--data-dir", restoredDuring.toString()))
                .contains("restored");
        assertThat(run(false, "--from", afterwards.toString(), "--data-dir", restoredAfter.toString()))
                .contains("restored");
        assertThat(restoredAfter.resolve("secrets.key")).hasSameBinaryContentAs(Path.of(dataDir, "secrets.key"));

        List<Document> live = mongo.getCollection(collection)
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
        assertThat(live).hasSize(total);

        List<Document> atBackup = read(restoredDuring, collection);
        assertThat(atBackup.size())
                .as("every write before the backup began is in it")
                .isBetween(before, after);
        assertThat(atBackup).as("a prefix of the writes, with no gap").isEqualTo(live.subList(0, atBackup.size()));

        assertThat(read(restoredAfter, collection)).isEqualTo(live);
        long merchants = mongo.count(new Query(), "merchants");
        assertThat(count(restoredAfter, "merchants")).isEqualTo(merchants);
    }

    @Test
    void restoreRefusesWhileTheAppRunsAndIntoADirectoryInUse() throws Exception {
        Path backup = temp.resolve("backup");
        run(true, "--to", backup.toString(), "--data-dir", dataDir);
        long storeBytes = Files.size(Path.of(dataDir, DataDirectory.STORE_FILE));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupTools.restore(
                BackupTools.options(new String[] {"--from", backup.toString(), "--data-dir", dataDir, "--force"}),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("running");
        assertThat(Path.of(dataDir, DataDirectory.STORE_FILE)).exists();
        assertThat(Files.size(Path.of(dataDir, DataDirectory.STORE_FILE))).isGreaterThanOrEqualTo(storeBytes);

        Path occupied = temp.resolve("occupied");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("something"), "keep me");
        assertThat(BackupTools.restore(
                        BackupTools.options(
                                new String[] {"--from", backup.toString(), "--data-dir", occupied.toString()}),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
        assertThat(occupied.resolve("something")).hasContent("keep me");

        Files.writeString(backup.resolve("secrets.key"), "tampered");
        assertThat(BackupTools.restore(
                        BackupTools.options(new String[] {
                            "--from",
                            backup.toString(),
                            "--data-dir",
                            temp.resolve("fresh").toString()
                        }),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .as("a backup that differs from its manifest")
                .isEqualTo(1);
    }

    @Test
    void theControlEndpointWantsTheSecretAndAnAbsoluteFolder() {
        String control = ControlFileAccess.token(dataDir);
        assertThat(send(request("/control/backup")
                                .header("Content-Type", "application/json")
                                .header(ControlFile.HEADER, "wrong")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"target\":\"" + temp.resolve("x") + "\"}"))
                                .build())
                        .statusCode())
                .isEqualTo(401);
        var relative = send(request("/control/backup")
                .header("Content-Type", "application/json")
                .header(ControlFile.HEADER, control)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"target\":\"relative/backup\"}"))
                .build());
        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(parse(relative).at("/problems/0/path").asString()).isEqualTo("target");
        var inside = send(request("/control/backup")
                .header("Content-Type", "application/json")
                .header(ControlFile.HEADER, control)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"target\":\"" + Path.of(dataDir, "inside").toAbsolutePath() + "\"}"))
                .build());
        assertThat(inside.statusCode()).isEqualTo(400);
        assertThat(Path.of(dataDir, "inside")).doesNotExist();
    }

    private static String run(boolean backup, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = backup
                ? BackupTools.backup(BackupTools.options(args), new PrintStream(out), new PrintStream(err))
                : BackupTools.restore(BackupTools.options(args), new PrintStream(out), new PrintStream(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Document> read(Path dataDir, String collection) {
        return withStore(
                dataDir,
                client -> client.getDatabase("tiffin")
                        .getCollection(collection)
                        .find()
                        .sort(new Document("_id", 1))
                        .into(new ArrayList<>()));
    }

    private static long count(Path dataDir, String collection) {
        return withStore(
                dataDir,
                client -> client.getDatabase("tiffin").getCollection(collection).countDocuments());
    }

    private static <T> T withStore(Path dataDir, java.util.function.Function<MongoClient, T> read) {
        IndexedH2Backend backend =
                new IndexedH2Backend(dataDir.resolve(DataDirectory.STORE_FILE).toString());
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                return read.apply(client);
            }
        } finally {
            server.shutdown();
        }
    }

    /** The running app's control secret, as the backup command reads it. */
    private static final class ControlFileAccess {
        static String token(String dataDir) {
            try {
                return ControlFile.read(new DataDirectory(Path.of(dataDir))).token();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
