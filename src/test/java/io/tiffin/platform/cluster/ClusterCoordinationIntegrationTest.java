package io.tiffin.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Redis-backed lock and once-per-round jobs, against the embedded Redis. */
class ClusterCoordinationIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ClusterLocks locks;

    @Autowired
    ClusterJobs jobs;

    @Test
    void aHeldLockKeepsOthersOutUntilItIsReleased() throws Exception {
        String name = "test:" + UUID.randomUUID();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform()
                .start(() -> locks.withLock(name, Duration.ZERO, () -> {
                    held.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(locks.withLock(name, Duration.ZERO, () -> ran.set(true))).isFalse();
        assertThat(ran).isFalse();

        release.countDown();
        // a waiter gets the lock once the holder lets go
        assertThat(locks.withLock(name, Duration.ofSeconds(10), () -> ran.set(true)))
                .isTrue();
        assertThat(ran).isTrue();
        holder.join();
    }

    @Test
    void aJobRunsOncePerRoundWhoeverAsks() {
        String name = "test-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        assertThat(jobs.runOnce(name, Duration.ofMinutes(1), runs::incrementAndGet))
                .isTrue();
        // a second timer (another instance) in the same round skips it
        assertThat(jobs.runOnce(name, Duration.ofMinutes(1), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
        assertThat(jobs.runs(name)).hasSize(1).allSatisfy(run -> assertThat(run).matches(".+@\\d+"));
        // another job has its own rounds
        assertThat(jobs.runOnce(name + "-other", Duration.ofMinutes(1), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(2);
    }
}
