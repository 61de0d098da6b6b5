package io.tiffin.dispatch.bench;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.internal.HaversineTravelTimes;
import io.tiffin.dispatch.internal.PlanChecker;
import io.tiffin.dispatch.planning.DeliverySnapshot;
import io.tiffin.dispatch.planning.DeliverySnapshot.Progress;
import io.tiffin.dispatch.planning.DispatchPlan;
import io.tiffin.dispatch.planning.DispatchPlanner;
import io.tiffin.dispatch.planning.DriverSnapshot;
import io.tiffin.dispatch.planning.StopKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A simulated evening at one kitchen: orders arrive, a dispatch policy assigns them, drivers drive
 * their routes at the travel-time model's speed in fixed time steps. Both policies see the same
 * orders (one seed) and the same physics; only who carries what, and in which order, differs.
 */
final class Evening {

    static final GeoPoint KITCHEN = new GeoPoint(12.9756, 77.6050);
    static final Instant START = Instant.parse("2026-11-30T13:30:00Z"); // 19:00 in Bengaluru
    private static final double EARTH_KM_PER_DEGREE = 111.2;

    /** An order as the evening knows it. */
    record Order(String id, Instant placed, Instant readyAt, Instant dueBy, GeoPoint dropoff) {}

    /** Orders placed over {@code hours}, busiest in the middle; drop-offs spread evenly over a disc. */
    static List<Order> orders(long seed, int count, double hours, double radiusKm) {
        Random random = new Random(seed);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // triangular: the rush peaks half-way through the evening
            double share = (random.nextDouble() + random.nextDouble()) / 2;
            Instant placed = START.plusSeconds(Math.round(share * hours * 3600));
            Instant ready = placed.plusSeconds(600 + random.nextInt(901));
            double r = radiusKm * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            GeoPoint dropoff = new GeoPoint(
                    KITCHEN.lat() + r * Math.cos(angle) / EARTH_KM_PER_DEGREE,
                    KITCHEN.lng()
                            + r * Math.sin(angle) / (EARTH_KM_PER_DEGREE * Math.cos(Math.toRadians(KITCHEN.lat()))));
            orders.add(new Order("o" + i, placed, ready, ready.plusSeconds(1800), dropoff));
        }
        orders.sort(Comparator.comparing(Order::placed));
        List<Order> numbered = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            numbered.add(
                    new Order(String.format(Locale.ROOT, "o%03d", i), o.placed(), o.readyAt(), o.dueBy(), o.dropoff()));
        }
        return numbered;
    }

    /** Who gets which order: called every step with the evening as it stands. */
    interface Policy {
        String name();

        /** @return the new routes by driver (replacing theirs), or null to leave everything as it is */
        Map<String, List<DispatchPlan.PlannedStop>> step(Evening evening, boolean newOrders);
    }

    /** The route planner, re-planning on every step with a new order, and every 30 s while one waits. */
    static final class Planned implements Policy {
        private final DispatchPlanner planner;
        private Instant lastPlan = Instant.MIN;
        final List<Double> planSeconds = new ArrayList<>();
        int violations;

        Planned(DispatchPlanner planner) {
            this.planner = planner;
        }

        @Override
        public String name() {
            return "route planner";
        }

        @Override
        public Map<String, List<DispatchPlan.PlannedStop>> step(Evening evening, boolean newOrders) {
            boolean waiting = evening.orders.values().stream().anyMatch(s -> s.open() && s.driver == null);
            if (!newOrders
                    && !(waiting && Duration.between(lastPlan, evening.now).toSeconds() >= 30)) {
                return null;
            }
            lastPlan = evening.now;
            long t0 = System.nanoTime();
            DispatchPlanner.Detailed result =
                    planner.planInDetail("bench", evening.driverSnapshots(), evening.deliverySnapshots(), evening.now);
            planSeconds.add((System.nanoTime() - t0) / 1e9);
            if (result.problem() != null) {
                violations +=
                        PlanChecker.violations(result.problem(), result.plan()).size();
            }
            return result.dispatch().routes();
        }
    }

    /**
     * The baseline: the oldest waiting order goes to the idle driver nearest the kitchen, who fetches
     * it, delivers it and is idle again at the door; with nobody idle, orders wait.
     */
    static final class NearestIdleDriver implements Policy {
        @Override
        public String name() {
            return "nearest idle driver";
        }

        @Override
        public Map<String, List<DispatchPlan.PlannedStop>> step(Evening evening, boolean newOrders) {
            Map<String, List<DispatchPlan.PlannedStop>> routes = new HashMap<>();
            List<State> waiting = evening.orders.values().stream()
                    .filter(s -> s.open() && s.driver == null)
                    .sorted(Comparator.comparing(s -> s.order.placed()))
                    .toList();
            for (State order : waiting) {
                Driver nearest = evening.drivers.values().stream()
                        .filter(d -> d.route.isEmpty() && !routes.containsKey(d.id))
                        .min(Comparator.comparingDouble(d -> evening.travel.roadDistance(d.position, KITCHEN)))
                        .orElse(null);
                if (nearest == null) {
                    break;
                }
                routes.put(
                        nearest.id,
                        List.of(
                                new DispatchPlan.PlannedStop(order.order.id(), StopKind.PICKUP, evening.now),
                                new DispatchPlan.PlannedStop(order.order.id(), StopKind.DROPOFF, evening.now)));
            }
            return routes.isEmpty() ? null : routes;
        }
    }

    /** One order's life. */
    static final class State {
        final Order order;
        String driver;
        boolean pickedUp;
        /** At the door: what on time is judged by. */
        Instant deliveredAt;
        /** Handed over: the driver moves on. */
        boolean done;

        State(Order order) {
            this.order = order;
        }

        boolean open() {
            return !done;
        }
    }

    /** One driver: where they are, what they do next, and whether they are at that stop already. */
    static final class Driver {
        final String id;
        GeoPoint position;
        final Deque<DispatchPlan.PlannedStop> route = new ArrayDeque<>();
        /** At the head stop: arrived, waiting for the food or handing it over; serviceEnd once known. */
        boolean arrived;

        Instant serviceEnd;
        double metres;

        Driver(String id, GeoPoint position) {
            this.id = id;
            this.position = position;
        }
    }

    final Map<String, State> orders = new LinkedHashMap<>();
    final Map<String, Driver> drivers = new LinkedHashMap<>();
    final HaversineTravelTimes travel;
    private final int capacity;
    private final Duration pickupService;
    private final Duration dropoffService;
    Instant now = START;

    Evening(
            int driverCount,
            int capacity,
            HaversineTravelTimes travel,
            Duration pickupService,
            Duration dropoffService) {
        this.capacity = capacity;
        this.travel = travel;
        this.pickupService = pickupService;
        this.dropoffService = dropoffService;
        for (int i = 0; i < driverCount; i++) {
            drivers.put("driver-" + i, new Driver("driver-" + i, KITCHEN));
        }
    }

    /** Runs the evening to its last delivery (or {@code limit} past the last order) and sums it up. */
    Result run(List<Order> all, Policy policy, Duration step, Duration limit) {
        int next = 0;
        Instant end = all.getLast().placed().plus(limit);
        while (now.isBefore(end)
                && (next < all.size() || orders.values().stream().anyMatch(State::open))) {
            boolean newOrders = false;
            while (next < all.size() && !all.get(next).placed().isAfter(now)) {
                Order order = all.get(next++);
                orders.put(order.id(), new State(order));
                newOrders = true;
            }
            Map<String, List<DispatchPlan.PlannedStop>> routes = policy.step(this, newOrders);
            if (routes != null) {
                apply(routes);
            }
            Instant until = now.plus(step);
            drivers.values().forEach(d -> advance(d, until));
            now = until;
        }
        return Result.of(policy.name(), orders.values(), drivers.values());
    }

    private void apply(Map<String, List<DispatchPlan.PlannedStop>> routes) {
        routes.forEach((id, stops) -> {
            Driver driver = drivers.get(id);
            DispatchPlan.PlannedStop head = driver.route.peekFirst();
            driver.route.clear();
            driver.route.addAll(stops);
            if (driver.arrived && !same(head, driver.route.peekFirst())) {
                throw new IllegalStateException(id + " was moved off the stop it stands at: " + head);
            }
            stops.forEach(s -> orders.get(s.deliveryId()).driver = id);
        });
        // an order no longer on any route waits again (the planner left it unassigned)
        for (State s : orders.values()) {
            if (s.open()
                    && s.driver != null
                    && !s.pickedUp
                    && routes.containsKey(s.driver)
                    && routes.get(s.driver).stream()
                            .noneMatch(p -> p.deliveryId().equals(s.order.id()))) {
                s.driver = null;
            }
        }
    }

    private static boolean same(DispatchPlan.PlannedStop a, DispatchPlan.PlannedStop b) {
        return a != null && b != null && a.deliveryId().equals(b.deliveryId()) && a.kind() == b.kind();
    }

    /** Drives, waits and serves until {@code until}, stop after stop. */
    private void advance(Driver d, Instant until) {
        Instant t = now;
        while (t.isBefore(until) && !d.route.isEmpty()) {
            DispatchPlan.PlannedStop stop = d.route.peekFirst();
            State order = orders.get(stop.deliveryId());
            GeoPoint target = stop.kind() == StopKind.PICKUP ? KITCHEN : order.order.dropoff();
            if (!d.arrived) {
                double metres = travel.roadDistance(d.position, target);
                double seconds = travel.duration(metres);
                double left = Duration.between(t, until).toMillis() / 1000.0;
                if (seconds > left) {
                    double f = left / seconds;
                    d.position = new GeoPoint(
                            d.position.lat() + f * (target.lat() - d.position.lat()),
                            d.position.lng() + f * (target.lng() - d.position.lng()));
                    d.metres += f * metres;
                    return;
                }
                d.metres += metres;
                d.position = target;
                t = t.plusMillis(Math.round(seconds * 1000));
                d.arrived = true;
                if (stop.kind() == StopKind.PICKUP) {
                    Instant start = t.isAfter(order.order.readyAt()) ? t : order.order.readyAt();
                    d.serviceEnd = start.plus(pickupService);
                } else {
                    order.deliveredAt = t;
                    d.serviceEnd = t.plus(dropoffService);
                }
            }
            if (d.serviceEnd.isAfter(until)) {
                return;
            }
            t = d.serviceEnd;
            if (stop.kind() == StopKind.PICKUP) {
                order.pickedUp = true;
            } else {
                order.done = true;
            }
            d.route.pollFirst();
            d.arrived = false;
            d.serviceEnd = null;
        }
    }

    List<DriverSnapshot> driverSnapshots() {
        return drivers.values().stream()
                .map(d -> new DriverSnapshot(d.id, "bench", d.id, d.position, now, capacity))
                .toList();
    }

    List<DeliverySnapshot> deliverySnapshots() {
        List<DeliverySnapshot> out = new ArrayList<>();
        for (State s : orders.values()) {
            if (!s.open()) {
                continue;
            }
            Progress progress =
                    s.driver == null ? Progress.WAITING : s.pickedUp ? Progress.PICKED_UP : Progress.ASSIGNED;
            if (s.driver != null) {
                Driver d = drivers.get(s.driver);
                DispatchPlan.PlannedStop head = d.route.peekFirst();
                if (d.arrived && head != null && head.deliveryId().equals(s.order.id())) {
                    progress = head.kind() == StopKind.PICKUP ? Progress.AT_PICKUP : Progress.AT_DROPOFF;
                }
            }
            out.add(new DeliverySnapshot(
                    s.order.id(),
                    s.order.id(),
                    "bench",
                    KITCHEN,
                    s.order.dropoff(),
                    s.order.readyAt(),
                    s.order.dueBy(),
                    s.driver,
                    false,
                    progress));
        }
        return out;
    }

    /** What an evening came to. */
    record Result(
            String policy,
            int orders,
            int delivered,
            int onTime,
            double meanLateMinutes,
            double p90DeliveryMinutes,
            double meanDeliveryMinutes,
            double km) {

        static Result of(String policy, java.util.Collection<State> states, java.util.Collection<Driver> drivers) {
            int delivered = 0;
            int onTime = 0;
            double lateSum = 0;
            List<Double> deliveryMinutes = new ArrayList<>();
            for (State s : states) {
                if (s.deliveredAt == null) {
                    continue;
                }
                delivered++;
                double late = Duration.between(s.order.dueBy(), s.deliveredAt).toSeconds() / 60.0;
                if (late <= 0) {
                    onTime++;
                } else {
                    lateSum += late;
                }
                deliveryMinutes.add(
                        Duration.between(s.order.placed(), s.deliveredAt).toSeconds() / 60.0);
            }
            deliveryMinutes.sort(null);
            double mean = deliveryMinutes.stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(Double.NaN);
            double p90 = deliveryMinutes.isEmpty()
                    ? Double.NaN
                    : deliveryMinutes.get((int) Math.ceil(0.9 * deliveryMinutes.size()) - 1);
            double km = drivers.stream().mapToDouble(d -> d.metres).sum() / 1000;
            return new Result(
                    policy,
                    states.size(),
                    delivered,
                    onTime,
                    delivered - onTime == 0 ? 0 : lateSum / (delivered - onTime),
                    p90,
                    mean,
                    km);
        }
    }
}
