package io.tiffin.notification.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import redis.embedded.RedisServer;

/** The board listeners with Redis down at start: the start does not fail, and they listen once Redis is up. */
class ListenerStartUnitTest {

    @Test
    void listenersStartOnceARedisDownAtStartIsUp() throws Exception {
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
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.addMessageListener((message, pattern) -> {}, new ChannelTopic("board-test"));
        container.afterPropertiesSet();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .onShutdownForceStop(true)
                .build();
        ListenerStart start = new ListenerStart(container);
        try {
            start.start();
            assertTrue(start.isRunning());
            assertFalse(container.isListening(), "nothing to listen to while Redis is down");

            server.start();
            Instant until = Instant.now().plusSeconds(30);
            while (!container.isListening() && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertTrue(container.isListening(), "listening once Redis is up");
        } finally {
            start.stop();
            server.stop();
            container.destroy();
            factory.destroy();
        }
    }
}
