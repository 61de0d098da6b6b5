package io.tiffin.dispatch.planning;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TimeWindow;
import io.tiffin.dispatch.TravelTimes;
import io.tiffin.dispatch.Vehicle;
import io.tiffin.dispatch.planning.DeliverySnapshot.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One merchant's deliveries planned onto its available drivers: a pure function of the fleet, the open
 * deliveries and the time, on the route planner with lateness first and distance second.
 *
 * <p>The model, on a clock of seconds from {@code now}:
 * <ul>
 * <li>each available driver is a vehicle at their last position whose route ends at its last stop;
 * <li>a waiting or assigned delivery is a pickup-and-drop-off pair: the pickup not before the kitchen's
 * ready time, the drop-off by the promised time (later is allowed, and is what the plan avoids first);
 * <li>a delivery picked up, or whose drop-off the driver is at, is on board: its drop-off stays with that
 * driver, in whatever order is best, except that the drop-off the driver is at comes first;
 * <li>a delivery whose pickup the driver is at is on board too, and the driver leaves once it is ready
 * and handed over; that pickup heads the driver's route with an ETA of now;
 * <li>a delivery the merchant assigned by hand (pinned) stays with its driver;
 * <li>a started delivery whose driver is not available is left out and kept as it is; a waiting or
 * assigned one is planned onto the others (a hand assignment to a driver who left is given up);
 * <li>a delivery without coordinates yet is reported unassigned, so it waits visibly.
 * </ul>
 */
public final class DispatchPlanner {

    private static final double OPEN = TimeWindow.ALWAYS.end();
    private static final Set<Progress> STARTED = Set.of(Progress.AT_PICKUP, Progress.PICKED_UP, Progress.AT_DROPOFF);

    /**
     * @param pickupService  time at the kitchen to take the food
     * @param dropoffService time at the door to hand it over
     * @param searchTime     how long the route search may take
     */
    public record Settings(Duration pickupService, Duration dropoffService, Duration searchTime) {

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofMillis(700));
        }
    }

    /** The plan with the routing problem and route plan it came from (both null without drivers), for checks and benchmarks. */
    public record Detailed(DispatchPlan dispatch, PlanningProblem problem, Plan plan) {}

    private final RoutePlanner planner;
    private final TravelTimes travelTimes;
    private final Settings settings;

    public DispatchPlanner(RoutePlanner planner, TravelTimes travelTimes, Settings settings) {
        this.planner = planner;
        this.travelTimes = travelTimes;
        this.settings = settings;
    }

    public DispatchPlan plan(
            String merchantId, List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries, Instant now) {
        return planInDetail(merchantId, drivers, deliveries, now).dispatch();
    }

    public Detailed planInDetail(
            String merchantId, List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries, Instant now) {
        Map<String, DriverSnapshot> available = new LinkedHashMap<>();
        drivers.stream()
                .filter(d -> d.position() != null)
                .forEach(driver -> available.putIfAbsent(driver.driverId(), driver));
        Map<String, DeliverySnapshot> planned = new LinkedHashMap<>();
        List<String> unplaceable = new ArrayList<>();
        for (DeliverySnapshot d : deliveries) {
            if (STARTED.contains(d.progress()) && !available.containsKey(d.driverId())) {
                continue; // kept as it is
            }
            if (d.pickup() == null || d.dropoff() == null) {
                unplaceable.add(d.deliveryId()); // waits for the merchant to place it on the map
            } else {
                planned.putIfAbsent(d.deliveryId(), d);
            }
        }
        if (available.isEmpty()) {
            List<String> waiting = new ArrayList<>(planned.keySet());
            waiting.addAll(unplaceable);
            return new Detailed(new DispatchPlan(merchantId, now, Map.of(), waiting), null, null);
        }
        Translation t = new Translation(now, available);
        planned.values().forEach(t::add);
        PlanningProblem problem = t.problem();
        Plan plan = planner.plan(problem, settings.searchTime());
        DispatchPlan dispatch = t.dispatchPlan(merchantId, plan);
        if (!unplaceable.isEmpty()) {
            List<String> waiting = new ArrayList<>(dispatch.unassigned());
            waiting.addAll(unplaceable);
            dispatch = new DispatchPlan(merchantId, now, dispatch.routes(), waiting);
        }
        return new Detailed(dispatch, problem, plan);
    }

    private static String pickupId(String deliveryId) {
        return "pickup:" + deliveryId;
    }

    private static String dropoffId(String deliveryId) {
        return "dropoff:" + deliveryId;
    }

    /** Snapshots into a routing problem, and its plan back into deliveries and ETAs. */
    private final class Translation {

        private final Instant now;
        private final Map<String, DriverSnapshot> drivers;
        private final List<GeoPoint> points = new ArrayList<>();
        private final List<Job> jobs = new ArrayList<>();
        private final Map<String, String> pinned = new HashMap<>();
        private final Map<String, List<String>> atDropoff = new HashMap<>();
        private final Map<String, List<String>> atPickup = new HashMap<>();
        private final Map<String, Double> leaveAfter = new HashMap<>();
        private final Map<String, Integer> onBoard = new HashMap<>();

        Translation(Instant now, Map<String, DriverSnapshot> drivers) {
            this.now = now;
            this.drivers = drivers;
            drivers.values().forEach(driver -> points.add(driver.position()));
        }

        private double clock(Instant at) {
            return at == null ? 0 : Math.max(0, Duration.between(now, at).toMillis() / 1000.0);
        }

        private int location(GeoPoint point) {
            points.add(point);
            return points.size() - 1;
        }

        void add(DeliverySnapshot d) {
            double pickupService = settings.pickupService().toMillis() / 1000.0;
            double ready = clock(d.readyAt());
            TimeWindow promised = new TimeWindow(0, d.dueBy() == null ? OPEN : clock(d.dueBy()));
            Stop dropoff = new Stop(
                    dropoffId(d.deliveryId()),
                    location(d.dropoff()),
                    settings.dropoffService().toMillis() / 1000.0,
                    promised);
            String driver = drivers.containsKey(d.driverId()) ? d.driverId() : null;
            switch (d.progress()) {
                case PICKED_UP, AT_DROPOFF, AT_PICKUP -> {
                    jobs.add(new Job.Onboard(d.deliveryId(), dropoff, 1, driver));
                    onBoard.merge(driver, 1, Integer::sum);
                    if (d.progress() == Progress.AT_DROPOFF) {
                        atDropoff
                                .computeIfAbsent(driver, k -> new ArrayList<>())
                                .add(dropoff.id());
                    } else if (d.progress() == Progress.AT_PICKUP) {
                        // at the kitchen already: leaves once the food is ready and handed over
                        atPickup.computeIfAbsent(driver, k -> new ArrayList<>()).add(d.deliveryId());
                        leaveAfter.merge(driver, ready + pickupService, Math::max);
                    }
                }
                case WAITING, ASSIGNED -> {
                    Stop pickup = new Stop(
                            pickupId(d.deliveryId()), location(d.pickup()), pickupService, new TimeWindow(ready, OPEN));
                    jobs.add(new Job.Shipment(d.deliveryId(), pickup, dropoff, 1));
                    if (d.pinned() && driver != null) {
                        pinned.put(d.deliveryId(), driver);
                    }
                }
            }
        }

        PlanningProblem problem() {
            List<Vehicle> vehicles = new ArrayList<>();
            int index = 0;
            for (DriverSnapshot driver : drivers.values()) {
                // more on board than the stated capacity (handed over by hand) must not make the plan fail
                int capacity = Math.max(driver.capacity(), onBoard.getOrDefault(driver.driverId(), 0));
                TimeWindow shift = new TimeWindow(leaveAfter.getOrDefault(driver.driverId(), 0.0), OPEN);
                vehicles.add(new Vehicle(
                        driver.driverId(),
                        index++,
                        -1,
                        shift,
                        capacity,
                        1.0,
                        OPEN,
                        atDropoff.getOrDefault(driver.driverId(), List.of())));
            }
            return new PlanningProblem(
                    vehicles, jobs, travelTimes.matrix(points), Objective.LATENESS_THEN_DISTANCE, pinned);
        }

        DispatchPlan dispatchPlan(String merchantId, Plan plan) {
            Map<String, List<DispatchPlan.PlannedStop>> routes = new LinkedHashMap<>();
            drivers.keySet().forEach(driver -> {
                List<DispatchPlan.PlannedStop> stops = new ArrayList<>();
                atPickup.getOrDefault(driver, List.of())
                        .forEach(id -> stops.add(new DispatchPlan.PlannedStop(id, StopKind.PICKUP, now)));
                routes.put(driver, stops);
            });
            for (Plan.Route route : plan.routes()) {
                List<DispatchPlan.PlannedStop> stops = routes.get(route.vehicleId());
                for (Plan.Visit visit : route.visits()) {
                    StopKind kind = visit.stopId().startsWith("pickup:") ? StopKind.PICKUP : StopKind.DROPOFF;
                    stops.add(new DispatchPlan.PlannedStop(
                            visit.jobId(), kind, now.plusMillis(Math.round(visit.arrival() * 1000))));
                }
            }
            List<String> unassigned = new ArrayList<>();
            for (String jobId : plan.unassignedJobs()) {
                Job job = jobs.stream()
                        .filter(j -> j.id().equals(jobId))
                        .findFirst()
                        .orElseThrow();
                if (job instanceof Job.Onboard onboard) {
                    // cannot happen with open shifts; if it does, the food stays with its driver, last
                    List<DispatchPlan.PlannedStop> stops = routes.get(onboard.vehicleId());
                    Instant eta = stops.isEmpty() ? now : stops.getLast().eta();
                    stops.add(new DispatchPlan.PlannedStop(jobId, StopKind.DROPOFF, eta));
                } else {
                    unassigned.add(jobId);
                }
            }
            return new DispatchPlan(merchantId, now, routes, unassigned);
        }
    }
}
