package io.tiffin.platform.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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

    EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("mongo.mv.db").toAbsolutePath();
        this.backend = new IndexedH2Backend(file.toString());
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        this.commits = new GroupCommit("store-group-commit", backend::commit);
        log.info("Embedded MongoDB-wire store on {}:{}, data in {}", address.getHostString(), address.getPort(), file);
    }

    ConnectionString connectionString() {
        return new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/tiffin");
    }

    /** Writes what the store holds to its file now rather than on the next auto-commit. */
    void flush() {
        commits.await();
    }

    @Override
    public void destroy() {
        commits.close();
        server.shutdown();
        backend.close();
        log.info("Embedded MongoDB-wire store stopped");
    }
}
