package io.tiffin.platform.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Renews what its owner holds (locks, claims) on a daemon thread of its own, every {@code every}.
 * It stops after the work that holds them (a higher phase stops first), so they are kept to the end.
 */
public abstract class Heartbeat implements SmartLifecycle {

    private final String name;
    private final Duration every;
    private volatile ScheduledExecutorService beats;

    protected Heartbeat(String name, Duration every) {
        this.name = name;
        this.every = every.toMillis() < 10 ? Duration.ofMillis(10) : every;
    }

    /** One round of renewals; must not throw, or later rounds are cancelled. */
    protected abstract void beat();

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
        beats = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = beats;
        beats = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return beats != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }
}
