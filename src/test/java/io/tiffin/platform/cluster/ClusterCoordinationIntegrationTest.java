package io.tiffin.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis-backed lock and once-per-round jobs, against the embedded Redis. */
class ClusterCoordinationIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ClusterLocks locks;

    @Autowired
    ClusterJobs jobs;

    @Autowired
    StringRedisTemplate redis;

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

    /**
     * Two instances (two lock holders on one Redis, locks expiring after 1 s) take turns at one
     * conversation whose messages are handled slowly, each for several expiries: the lock in hand is
     * renewed, so the other instance waits, and the handlings never overlap and follow each other.
     */
    @Test
    void aLockInHandIsRenewedSoWorkOutlastingItsExpiryIsNeverJoined() throws Exception {
        ClusterLocks one = new ClusterLocks(redis, new ClusterProperties("one", Duration.ofSeconds(1)));
        ClusterLocks other = new ClusterLocks(redis, new ClusterProperties("other", Duration.ofSeconds(1)));
        one.start();
        other.start();
        try {
            String name = "conversation:test:" + UUID.randomUUID();
            AtomicInteger inHand = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch firstIn = new CountDownLatch(1);
            Thread slow = Thread.ofPlatform()
                    .start(() -> one.withLock(name, Duration.ZERO, () -> {
                        handle("first", inHand, overlaps, order, firstIn, Duration.ofMillis(3_500));
                    }));
            assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();
            // the other instance asks for the conversation while the first message is in hand
            boolean second = other.withLock(name, Duration.ofSeconds(20), () -> {
                handle("second", inHand, overlaps, order, new CountDownLatch(1), Duration.ZERO);
            });
            slow.join(20_000);

            assertThat(second).isTrue();
            assertThat(overlaps).as("handled at the same time").hasValue(0);
            assertThat(order).containsExactly("first:start", "first:end", "second:start", "second:end");
        } finally {
            one.stop();
            other.stop();
        }
    }

    /** A renewal extends only its own holder's key: one taken over after an expiry is left alone. */
    @Test
    void aLockTakenOverIsNotRenewedByItsFormerHolder() throws Exception {
        ClusterLocks one = new ClusterLocks(redis, new ClusterProperties("one", Duration.ofSeconds(30)));
        String name = "test:" + UUID.randomUUID();
        String key = "tiffin:locks:" + name;
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform()
                .start(() -> one.withLock(name, Duration.ZERO, () -> {
                    held.countDown();
                    awaitQuietly(release);
                }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        // the key ran out and another instance took it, for 5 s
        redis.opsForValue().set(key, "someone-else", Duration.ofSeconds(5));

        one.renewHeld();

        assertThat(redis.opsForValue().get(key)).isEqualTo("someone-else");
        assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(5_000);
        release.countDown();
        holder.join(10_000);
        // nor released by it
        assertThat(redis.opsForValue().get(key)).isEqualTo("someone-else");
        redis.delete(key);
    }

    private static void handle(
            String message,
            AtomicInteger inHand,
            AtomicInteger overlaps,
            List<String> order,
            CountDownLatch started,
            Duration takes) {
        if (inHand.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        order.add(message + ":start");
        started.countDown();
        try {
            Thread.sleep(takes); // e.g. a model call at its timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        order.add(message + ":end");
        inHand.decrementAndGet();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
