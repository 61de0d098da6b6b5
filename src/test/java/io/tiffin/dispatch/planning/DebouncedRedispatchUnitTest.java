package io.tiffin.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.planning.DeliverySnapshot.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DebouncedRedispatchUnitTest {

    static final GeoPoint KITCHEN = new GeoPoint(12.9756, 77.6050);

    /** The fleet and deliveries in memory; records what was applied. */
    static final class InMemoryState implements DispatchState {
        final List<DriverSnapshot> drivers = new CopyOnWriteArrayList<>();
        final List<DeliverySnapshot> deliveries = new CopyOnWriteArrayList<>();
        final List<DispatchPlan> applied = new CopyOnWriteArrayList<>();
        volatile Set<String> waiting = Set.of();

        @Override
        public List<DriverSnapshot> availableDrivers(String merchantId) {
            return drivers.stream()
                    .filter(d -> d.merchantId().equals(merchantId))
                    .toList();
        }

        @Override
        public List<DeliverySnapshot> openDeliveries(String merchantId) {
            return deliveries.stream()
                    .filter(d -> d.merchantId().equals(merchantId))
                    .toList();
        }

        @Override
        public void apply(DispatchPlan plan) {
            applied.add(plan);
        }

        @Override
        public Set<String> merchantsWithWaitingDeliveries() {
            return waiting;
        }
    }

    final InMemoryState state = new InMemoryState();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger plans = new AtomicInteger();
    final List<DebouncedRedispatch> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(DebouncedRedispatch::close);
    }

    DebouncedRedispatch redispatch(
            DebouncedRedispatch.Planning planning, Duration quiet, Duration maxWait, Duration timeout) {
        PlanningProperties settings = new PlanningProperties(
                Duration.ofMinutes(3),
                Duration.ofMinutes(2),
                Duration.ofMillis(100),
                timeout,
                quiet,
                maxWait,
                Duration.ZERO,
                Duration.ofMinutes(10),
                2);
        DebouncedRedispatch redispatch =
                new DebouncedRedispatch(() -> state, planning, settings, meters, Clock.systemUTC());
        started.add(redispatch);
        return redispatch;
    }

    DispatchPlan counted(
            String merchantId, List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries, Instant now) {
        plans.incrementAndGet();
        return new DispatchPlan(
                merchantId,
                now,
                Map.of(),
                deliveries.stream().map(DeliverySnapshot::deliveryId).toList());
    }

    double failures(String reason) {
        return meters.get("tiffin.dispatch.plan.failures")
                .tag("reason", reason)
                .counter()
                .count();
    }

    @Test
    void manyRequestsInAMomentGiveOnePlanPerMerchant() {
        DebouncedRedispatch redispatch =
                redispatch(this::counted, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(5));

        for (int i = 0; i < 50; i++) {
            redispatch.request("m1", "order accepted");
            redispatch.request("m2", "driver on shift");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> state.applied.size() >= 2);
        // well past another quiet period: nothing more comes
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(plans.get()).isEqualTo(2);
        assertThat(state.applied).extracting(DispatchPlan::merchantId).containsExactlyInAnyOrder("m1", "m2");
        assertThat(meters.get("tiffin.dispatch.plan.duration")
                        .tag("outcome", "applied")
                        .timer()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void requestsThatNeverStopArePlannedAfterTheMaximumWait() {
        // a quiet period of a minute is never reached here: only the maximum wait can start the plan
        DebouncedRedispatch redispatch =
                redispatch(this::counted, Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofSeconds(5));
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();

        while (state.applied.isEmpty() && System.nanoTime() < until) {
            redispatch.request("m1", "location");
            await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        }

        assertThat(state.applied).isNotEmpty();
    }

    @Test
    void aFailingPlanLeavesDeliveriesAsTheyAreAndTheNextRequestPlansAgain() {
        AtomicInteger calls = new AtomicInteger();
        DebouncedRedispatch redispatch = redispatch(
                (merchantId, drivers, deliveries, now) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("solver blew up");
                    }
                    return counted(merchantId, drivers, deliveries, now);
                },
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5));

        redispatch.request("m1", "order accepted");
        await().atMost(Duration.ofSeconds(20)).until(() -> failures("error") == 1);
        assertThat(state.applied).isEmpty();

        redispatch.request("m1", "order cancelled");
        await().atMost(Duration.ofSeconds(20)).until(() -> state.applied.size() == 1);
        assertThat(failures("error")).isEqualTo(1);
    }

    @Test
    void aPlanPastTheTimeoutIsAbandonedAndCounted() {
        DebouncedRedispatch redispatch = redispatch(
                (merchantId, drivers, deliveries, now) -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return counted(merchantId, drivers, deliveries, now);
                },
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Duration.ofMillis(300));

        redispatch.request("m1", "order accepted");

        await().atMost(Duration.ofSeconds(20)).until(() -> failures("timeout") == 1);
        assertThat(state.applied).isEmpty();
    }

    @Test
    void theSafetySweepPlansAMerchantWhoseOrderWaits() {
        DebouncedRedispatch redispatch =
                redispatch(this::counted, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5));
        state.deliveries.add(new DeliverySnapshot(
                "d1",
                "o1",
                "m1",
                KITCHEN,
                KITCHEN,
                Instant.now(),
                Instant.now().plusSeconds(1800),
                null,
                false,
                Progress.WAITING));
        state.deliveries.add(new DeliverySnapshot(
                "d2",
                "o2",
                "m2",
                KITCHEN,
                KITCHEN,
                Instant.now(),
                Instant.now().plusSeconds(1800),
                "x",
                false,
                Progress.PICKED_UP));
        state.waiting = Set.of("m1");

        redispatch.sweep();

        await().atMost(Duration.ofSeconds(20)).until(() -> state.applied.size() == 1);
        assertThat(state.applied.getFirst().merchantId()).isEqualTo("m1");
        assertThat(state.applied.getFirst().unassigned()).containsExactly("d1");
    }
}
