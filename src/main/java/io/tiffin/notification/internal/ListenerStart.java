package io.tiffin.notification.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts the board and driver listeners, and keeps trying while Redis cannot be reached. The
 * container's own start fails when Redis is down, which would stop the whole app from starting,
 * although webhooks and handling need no Redis; so a first start that fails is tried again in the
 * background until Redis is back (board events wait in the event relay meanwhile).
 */
final class ListenerStart implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListenerStart.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final RedisMessageListenerContainer container;
    private volatile boolean running;
    private volatile Thread retrying;

    ListenerStart(RedisMessageListenerContainer container) {
        this.container = container;
    }

    @Override
    public void start() {
        running = true;
        if (tryStart()) {
            return;
        }
        log.warn(
                "Redis cannot be reached: board and driver listeners start once it is (trying every {} s)",
                RETRY_EVERY.toSeconds());
        retrying = Thread.ofVirtual().name("listener-start").start(() -> {
            while (running && !tryStart()) {
                try {
                    Thread.sleep(RETRY_EVERY);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (running) {
                log.info("Redis reached: board and driver listeners started");
            }
        });
    }

    private boolean tryStart() {
        try {
            container.start();
            return true;
        } catch (RuntimeException e) {
            container.stop();
            return false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
