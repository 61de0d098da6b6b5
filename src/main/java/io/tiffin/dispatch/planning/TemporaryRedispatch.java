package io.tiffin.dispatch.planning;

import io.tiffin.dispatch.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A stand-in until the route planner takes over: each waiting delivery goes to the nearest available
 * driver with room, and every driver's stops get straight-line ETAs in the order they were given.
 * Debounced per merchant (requests within {@link #DEBOUNCE} give one plan).
 */
@Component
public class TemporaryRedispatch implements Redispatch, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TemporaryRedispatch.class);
    private static final Duration DEBOUNCE = Duration.ofMillis(200);
    private static final Duration SERVICE = Duration.ofMinutes(2);
    private static final double METRES_PER_SECOND = 25 / 3.6;
    private static final double ROAD_FACTOR = 1.3;

    private final DispatchState state;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("redispatch").factory());

    public TemporaryRedispatch(@Lazy DispatchState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void request(String merchantId, String reason) {
        if (merchantId != null && pending.add(merchantId)) {
            executor.schedule(() -> run(merchantId), DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(String merchantId) {
        pending.remove(merchantId);
        try {
            state.apply(plan(merchantId, state.availableDrivers(merchantId), state.openDeliveries(merchantId), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("planning the deliveries of merchant {} failed: {}", merchantId, e.toString());
        }
    }

    static DispatchPlan plan(String merchantId, List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries, Instant now) {
        Map<String, DriverSnapshot> byId = new LinkedHashMap<>();
        drivers.forEach(d -> byId.put(d.driverId(), d));
        Map<String, List<DeliverySnapshot>> loads = new HashMap<>();
        drivers.forEach(d -> loads.put(d.driverId(), new ArrayList<>()));
        List<DeliverySnapshot> waiting = new ArrayList<>();
        for (DeliverySnapshot d : deliveries) {
            // a driver who is not available keeps only what they started; a hand assignment to them is given up
            boolean movable = d.progress() == DeliverySnapshot.Progress.WAITING
                    || d.progress() == DeliverySnapshot.Progress.ASSIGNED;
            if (d.driverId() != null && byId.containsKey(d.driverId())) {
                loads.get(d.driverId()).add(d);
            } else if (movable) {
                waiting.add(d);
            }
        }
        waiting.sort(Comparator.comparing(DeliverySnapshot::readyAt, Comparator.nullsLast(Comparator.naturalOrder())));
        List<String> unassigned = new ArrayList<>();
        for (DeliverySnapshot d : waiting) {
            DriverSnapshot nearest = drivers.stream()
                    .filter(driver -> loads.get(driver.driverId()).size() < driver.capacity())
                    .min(Comparator.comparingDouble(driver -> metres(driver.position(), d.pickup()))).orElse(null);
            if (nearest == null) {
                unassigned.add(d.deliveryId());
            } else {
                loads.get(nearest.driverId()).add(d);
            }
        }
        Map<String, List<DispatchPlan.PlannedStop>> routes = new LinkedHashMap<>();
        loads.forEach((driverId, load) -> routes.put(driverId, route(byId.get(driverId), load, now)));
        return new DispatchPlan(merchantId, now, routes, unassigned);
    }

    /** Carried orders first (their drop-offs), then each new one as pickup and drop-off. */
    private static List<DispatchPlan.PlannedStop> route(DriverSnapshot driver, List<DeliverySnapshot> load, Instant now) {
        List<DispatchPlan.PlannedStop> stops = new ArrayList<>();
        GeoPoint at = driver.position();
        Instant clockAt = now;
        List<DeliverySnapshot> ordered = new ArrayList<>(load);
        ordered.sort(Comparator.comparing((DeliverySnapshot d) -> carried(d) ? 0 : 1));
        for (DeliverySnapshot d : ordered) {
            if (!carried(d)) {
                clockAt = clockAt.plusSeconds(seconds(at, d.pickup()));
                if (d.readyAt() != null && clockAt.isBefore(d.readyAt())) {
                    clockAt = d.readyAt();
                }
                stops.add(new DispatchPlan.PlannedStop(d.deliveryId(), StopKind.PICKUP, clockAt));
                clockAt = clockAt.plus(SERVICE);
                at = d.pickup();
            }
            clockAt = clockAt.plusSeconds(seconds(at, d.dropoff()));
            stops.add(new DispatchPlan.PlannedStop(d.deliveryId(), StopKind.DROPOFF, clockAt));
            clockAt = clockAt.plus(SERVICE);
            at = d.dropoff();
        }
        return stops;
    }

    private static boolean carried(DeliverySnapshot d) {
        return d.progress() == DeliverySnapshot.Progress.PICKED_UP || d.progress() == DeliverySnapshot.Progress.AT_DROPOFF;
    }

    private static long seconds(GeoPoint a, GeoPoint b) {
        return Math.round(metres(a, b) / METRES_PER_SECOND);
    }

    private static double metres(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h))) * ROAD_FACTOR;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
