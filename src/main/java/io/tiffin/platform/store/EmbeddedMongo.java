package io.tiffin.platform.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import io.tiffin.platform.backup.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * An in-process MongoDB wire-protocol server on loopback, its documents kept in one H2 MVStore file
 * under the data directory. Stands in when no {@code MONGODB_URI} is configured.
 */
public final class EmbeddedMongo implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final IndexedH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final GroupCommit commits;
    private final Path file;

    EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        this.file = dataDir.resolve(DataDirectory.STORE_FILE).toAbsolutePath();
        this.backend = new IndexedH2Backend(file.toString());
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        // a commit only hands the chunk to the OS; forcing it is what lets a flush() survive a power cut
        // (the inbox journal deletes a segment once the store has flushed what it held)
        this.commits = new GroupCommit("store-group-commit", () -> {
            backend.commit();
            backend.getMvStore().sync();
        });
        log.info("Embedded MongoDB-wire store on {}:{}, data in {}", address.getHostString(), address.getPort(), file);
    }

    ConnectionString connectionString() {
        return new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/tiffin");
    }

    /** Writes what the store holds to its file and forces it to disk, rather than waiting for the next auto-commit. */
    void flush() {
        commits.await();
    }

    /**
     * Writes a consistent copy of the store's file to {@code target}: everything committed so far,
     * copied while the store writes nothing to its file (as H2's own online backup does). Writes
     * meanwhile go on in memory; only commits wait for the copy.
     */
    public void snapshotInto(Path target) throws IOException {
        commits.await();
        MVStore store = backend.getMvStore();
        IOException[] failed = new IOException[1];
        store.executeFilestoreOperation(() -> {
            try {
                DataDirectory.copyDurably(file, target);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    @Override
    public void destroy() {
        commits.close();
        server.shutdown();
        backend.close();
        log.info("Embedded MongoDB-wire store stopped");
    }
}
