package io.tiffin.platform.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import redis.embedded.RedisServer;

/**
 * The redis-server binary shipped inside the embedded-redis jar, on a free loopback port. Nothing that
 * must last lives only in Redis, so it keeps no snapshot, and a server that dies is simply started
 * again on the same port (clients reconnect by themselves). A small watcher process outlives a JVM
 * killed outright and stops the server, so no orphaned redis-server is left behind.
 */
public final class EmbeddedRedis implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    private final int port;
    private final ScheduledExecutorService watchdog;
    private volatile RedisServer server;
    private volatile ProcessHandle process;
    private volatile Process guard;
    private volatile boolean stopping;

    EmbeddedRedis() {
        try {
            this.port = freePort();
            start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server", e);
        }
        log.info("Embedded Redis on 127.0.0.1:{}", port);
        // The library's own shutdown hook stops the server while this JVM exits; without this flag the
        // watchdog would take that for a crash and start a server that nothing is left to stop.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stopping = true));
        watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("embedded-redis-watchdog").daemon().factory());
        watchdog.scheduleWithFixedDelay(
                this::restartIfDead, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    int port() {
        return port;
    }

    /** The running server's process, when it could be told apart from the JVM's other children. */
    public Optional<ProcessHandle> process() {
        return Optional.ofNullable(process);
    }

    private synchronized void start() throws IOException {
        Set<Long> before = redisChildren();
        RedisServer started = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 256mb")
                .onShutdownForceStop(true)
                .build();
        started.start();
        server = started;
        process = ProcessHandle.current()
                .children()
                .filter(child -> isRedis(child) && !before.contains(child.pid()))
                .findFirst()
                .orElse(null);
        guard = process == null ? null : guard(process.pid());
    }

    private void restartIfDead() {
        ProcessHandle running = process;
        if (stopping || running == null || running.isAlive()) {
            return;
        }
        log.warn("The embedded redis-server (pid {}) died; starting it again on 127.0.0.1:{}", running.pid(), port);
        try {
            stopQuietly();
            start();
            log.info("Embedded Redis is back on 127.0.0.1:{}", port);
        } catch (IOException | RuntimeException e) {
            log.error("Restarting the embedded redis-server failed; trying again in {}", WATCH_EVERY, e);
        }
    }

    /**
     * A shell loop that waits for this JVM to end, then stops the server. On a normal stop it is
     * ended first; after a SIGKILL it is what remains to clean up. Without a POSIX shell there is none.
     */
    private static Process guard(long redisPid) {
        if (!new File("/bin/sh").canExecute()) {
            return null;
        }
        long jvm = ProcessHandle.current().pid();
        String script = "while kill -0 %d 2>/dev/null; do sleep 1; done; kill %d 2>/dev/null".formatted(jvm, redisPid);
        try {
            return new ProcessBuilder("/bin/sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("No watcher for the embedded redis-server: it would outlive a killed JVM ({})", e.getMessage());
            return null;
        }
    }

    private static Set<Long> redisChildren() {
        return ProcessHandle.current()
                .children()
                .filter(EmbeddedRedis::isRedis)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static boolean isRedis(ProcessHandle handle) {
        return handle.info()
                .command()
                .map(command -> command.contains("redis-server"))
                .orElse(false);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private synchronized void stopQuietly() {
        Process watcher = guard;
        if (watcher != null) {
            watcher.destroy();
        }
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            log.debug("Stopping the embedded redis-server: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        watchdog.shutdownNow();
        stopQuietly();
        log.info("Embedded Redis stopped");
    }
}
