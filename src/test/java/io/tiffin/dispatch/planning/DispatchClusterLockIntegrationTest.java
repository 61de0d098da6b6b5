package io.tiffin.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.platform.cluster.ClusterLocks;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two dispatchers standing for two instances (nothing shared between them but the app's Redis) asked to
 * re-plan the same merchant at the same moment: their plans never overlap, each still runs, and while
 * one plans, the merchant's lock is in Redis.
 */
class DispatchClusterLockIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ClusterLocks locks;

    @Autowired
    StringRedisTemplate redis;

    final DebouncedRedispatchUnitTest.InMemoryState state = new DebouncedRedispatchUnitTest.InMemoryState();
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    final Queue<String> planners = new ConcurrentLinkedQueue<>();
    final Queue<Boolean> lockSeenInRedis = new ConcurrentLinkedQueue<>();
    DebouncedRedispatch first;
    DebouncedRedispatch second;

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    DebouncedRedispatch instance(String name) {
        PlanningProperties settings = new PlanningProperties(
                Duration.ofMinutes(3),
                Duration.ofMinutes(2),
                Duration.ofMillis(100),
                Duration.ofSeconds(3),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ZERO,
                Duration.ofMinutes(10),
                2);
        DebouncedRedispatch.Planning planning = (merchantId, drivers, deliveries, now) -> {
            int running = inFlight.computeIfAbsent(merchantId, m -> new AtomicInteger())
                    .incrementAndGet();
            mostAtOnce.computeIfAbsent(merchantId, m -> new AtomicInteger()).accumulateAndGet(running, Math::max);
            lockSeenInRedis.add(Boolean.TRUE.equals(redis.hasKey("tiffin:locks:dispatch:" + merchantId)));
            try {
                Thread.sleep(300); // a plan takes a while: long enough for the other instance to try
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            planners.add(name + ":" + merchantId);
            inFlight.get(merchantId).decrementAndGet();
            return new DispatchPlan(merchantId, now, Map.of(), List.of());
        };
        return new DebouncedRedispatch(
                () -> state,
                planning,
                DebouncedRedispatch.clusterLock(locks),
                settings,
                new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    @Test
    void twoInstancesNeverPlanOneMerchantAtOnceAndBothPlanIt() {
        first = instance("first");
        second = instance("second");
        String merchant = "merchant-" + UUID.randomUUID();
        String other = "merchant-" + UUID.randomUUID();
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            first.request(merchant, "order accepted");
            second.request(merchant, "driver online");
            second.request(other, "driver online");
            int done = round + 1;
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            planners.stream().filter(p -> p.endsWith(merchant)).count() >= 2L * done);
        }

        assertThat(mostAtOnce.get(merchant).get())
                .as("plans of one merchant at once, across both instances")
                .isEqualTo(1);
        assertThat(planners).filteredOn(p -> p.equals("first:" + merchant)).hasSize(rounds);
        assertThat(planners).filteredOn(p -> p.equals("second:" + merchant)).hasSize(rounds);
        assertThat(planners).contains("second:" + other);
        assertThat(lockSeenInRedis).isNotEmpty().containsOnly(true);
        assertThat(redis.hasKey("tiffin:locks:dispatch:" + merchant))
                .as("released after the plans")
                .isFalse();
    }
}
