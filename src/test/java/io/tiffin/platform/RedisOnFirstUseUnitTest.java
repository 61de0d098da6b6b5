package io.tiffin.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lettuce.core.RedisException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/** A Redis that is not there when the app starts: nothing fails until it is used, and it is used once it is up. */
class RedisOnFirstUseUnitTest {

    @Test
    void aRedisDownAtStartFailsOnlyItsCallsUntilItIsUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        AtomicInteger built = new AtomicInteger();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .onShutdownForceStop(true)
                .build();
        try (RedisOnFirstUse<Integer> redis = new RedisOnFirstUse<>(factory, connection -> built.incrementAndGet())) {
            assertEquals(0, built.get(), "nothing is connected before the first use");
            assertThrows(RedisException.class, redis::get);
            assertThrows(RedisException.class, redis::get);
            assertEquals(0, built.get(), "nothing is built on a connection that was not made");

            server.start();
            assertEquals(1, redis.get());
            assertEquals("PONG", redis.connection().sync().ping());
            assertEquals(1, redis.get(), "built once, then kept");
            assertEquals(500, redis.connection().getTimeout().toMillis(), "the factory's timeout, not a minute");
        } finally {
            server.stop();
            factory.destroy();
        }
    }
}
