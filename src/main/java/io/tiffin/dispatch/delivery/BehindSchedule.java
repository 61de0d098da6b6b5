package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.planning.Redispatch;
import io.tiffin.platform.cluster.ClusterJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds drivers who fell behind: a stop not done more than {@code tiffin.delivery.behind} after its
 * ETA asks for a new plan for that merchant, once per ETA (a new plan gives a new ETA). A sweep rather
 * than a check on every location ping keeps the pings to Redis alone.
 */
@Component
class BehindSchedule {

    private final Deliveries deliveries;
    private final Redispatch redispatch;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Map<String, Instant> asked = new ConcurrentHashMap<>();
    private final ClusterJobs jobs;
    private final Duration every;

    BehindSchedule(
            Deliveries deliveries,
            Redispatch redispatch,
            DeliveryProperties properties,
            Clock clock,
            ClusterJobs jobs,
            @Value("${tiffin.delivery.sweep-every:30s}") Duration every) {
        this.jobs = jobs;
        this.every = every;
        this.deliveries = deliveries;
        this.redispatch = redispatch;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tiffin.delivery.sweep-every:30s}",
            initialDelayString = "${tiffin.delivery.sweep-every:30s}")
    void sweep() {
        // one instance per round asks for re-plans; the once-per-ETA memory is then per instance, at worst one extra
        // plan
        jobs.runOnce("behind-schedule", every, this::sweepNow);
    }

    void sweepNow() {
        Instant late = clock.instant().minus(properties.behind());
        Map<String, Instant> seen = new ConcurrentHashMap<>();
        for (Delivery d : deliveries.findByStatusIn(DeliveryService.ON_A_ROUTE)) {
            Delivery.Stop next = d.status().carried() ? d.dropoffStop() : d.pickupStop();
            if (next.eta() == null || !next.eta().isBefore(late)) {
                continue;
            }
            seen.put(d.id(), next.eta());
            if (!next.eta().equals(asked.get(d.id()))) {
                redispatch.request(d.merchantId(), "driver behind");
            }
        }
        asked.clear();
        asked.putAll(seen);
    }
}
