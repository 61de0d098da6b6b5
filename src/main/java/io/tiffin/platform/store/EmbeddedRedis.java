package io.tiffin.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import redis.embedded.RedisServer;

/**
 * The redis-server binary shipped inside the embedded-redis jar, on a free loopback port. Nothing that
 * must last lives only in Redis, so it keeps no snapshot.
 */
public final class EmbeddedRedis implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    EmbeddedRedis() {
        try {
            this.port = freePort();
            this.server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 256mb")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server", e);
        }
        log.info("Embedded Redis on 127.0.0.1:{}", port);
    }

    int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void destroy() throws IOException {
        server.stop();
        log.info("Embedded Redis stopped");
    }
}
