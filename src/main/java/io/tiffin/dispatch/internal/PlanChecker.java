package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.Vehicle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a plan against its problem without trusting the solver: times are recomputed from each
 * route's departure. Returns human-readable violations; an empty list means the plan is feasible.
 */
public final class PlanChecker {

    private static final double EPS = 1e-6;

    private PlanChecker() {}

    public static List<String> violations(PlanningProblem problem, Plan plan) {
        List<String> out = new ArrayList<>();
        TravelMatrix matrix = problem.matrix();
        Map<String, Stop> stops = new HashMap<>();
        Map<String, Job> jobOfStop = new HashMap<>();
        for (Job job : problem.jobs()) {
            for (Stop stop : job.stops()) {
                stops.put(stop.id(), stop);
                jobOfStop.put(stop.id(), job);
            }
        }
        Map<String, Vehicle> vehicles = new HashMap<>();
        problem.vehicles().forEach(v -> vehicles.put(v.id(), v));
        Map<String, String> vehicleOfStop = new HashMap<>();
        Map<String, Integer> positionOfStop = new HashMap<>();
        Set<String> usedVehicles = new HashSet<>();

        for (Plan.Route route : plan.routes()) {
            Vehicle vehicle = vehicles.get(route.vehicleId());
            if (vehicle == null || !usedVehicles.add(route.vehicleId())) {
                out.add("unknown or repeated vehicle " + route.vehicleId());
                continue;
            }
            if (route.departure() < vehicle.shift().start() - EPS) {
                out.add(vehicle.id() + " leaves before its shift starts");
            }
            int load = problem.jobs().stream()
                    .filter(j -> j instanceof Job.Onboard o && o.vehicleId().equals(vehicle.id()))
                    .mapToInt(Job::size)
                    .sum();
            if (load > vehicle.capacity()) {
                out.add(vehicle.id() + " starts over capacity");
            }
            double time = route.departure();
            int at = vehicle.start();
            int position = 0;
            for (Plan.Visit visit : route.visits()) {
                Stop stop = stops.get(visit.stopId());
                if (stop == null || vehicleOfStop.put(visit.stopId(), vehicle.id()) != null) {
                    out.add("unknown or repeated stop " + visit.stopId());
                    continue;
                }
                positionOfStop.put(stop.id(), position++);
                double arrival = time + matrix.duration(at, stop.location()) * vehicle.speedFactor();
                double start = Math.max(arrival, stop.window().start());
                if (Math.abs(start - visit.serviceStart()) > 1e-3) {
                    out.add(stop.id() + ": reported service start " + visit.serviceStart() + " but it is " + start);
                }
                if (problem.objective() == Objective.DISTANCE
                        && start > stop.window().end() + EPS) {
                    out.add(stop.id() + " served at " + start + " after its window ends at "
                            + stop.window().end());
                }
                load += loadChange(jobOfStop.get(stop.id()), stop);
                if (load > vehicle.capacity()) {
                    out.add(vehicle.id() + " over capacity at " + stop.id() + ": " + load + " > " + vehicle.capacity());
                }
                time = start + stop.serviceTime();
                at = stop.location();
            }
            if (vehicle.returnsToEnd()) {
                time += matrix.duration(at, vehicle.end()) * vehicle.speedFactor();
            }
            if (time > vehicle.shift().end() + EPS) {
                out.add(vehicle.id() + " finishes at " + time + " after its shift ends at "
                        + vehicle.shift().end());
            }
            if (time - route.departure() > vehicle.maxDuration() + EPS) {
                out.add(vehicle.id() + " route lasts longer than " + vehicle.maxDuration());
            }
        }

        Set<String> unassigned = new HashSet<>(plan.unassignedJobs());
        if (problem.objective() == Objective.DISTANCE && !unassigned.isEmpty()) {
            out.add("jobs left unassigned: " + unassigned);
        }
        for (Job job : problem.jobs()) {
            boolean anyServed = job.stops().stream().anyMatch(s -> vehicleOfStop.containsKey(s.id()));
            boolean allServed = job.stops().stream().allMatch(s -> vehicleOfStop.containsKey(s.id()));
            if (unassigned.contains(job.id())) {
                if (anyServed) {
                    out.add(job.id() + " is both unassigned and served");
                }
                continue;
            }
            if (!allServed) {
                out.add(job.id() + " is not served");
                continue;
            }
            String bound = problem.pinned().get(job.id());
            if (bound != null && job.stops().stream().anyMatch(st -> !bound.equals(vehicleOfStop.get(st.id())))) {
                out.add(job.id() + ": pinned to " + bound + " but served by another vehicle");
            }
            switch (job) {
                case Job.Shipment s -> {
                    if (!vehicleOfStop
                            .get(s.pickup().id())
                            .equals(vehicleOfStop.get(s.delivery().id()))) {
                        out.add(s.id() + ": pickup and delivery on different vehicles");
                    } else if (positionOfStop.get(s.pickup().id())
                            > positionOfStop.get(s.delivery().id())) {
                        out.add(s.id() + ": delivery before pickup");
                    }
                }
                case Job.Onboard o -> {
                    if (!o.vehicleId().equals(vehicleOfStop.get(o.delivery().id()))) {
                        out.add(o.id() + ": on board " + o.vehicleId() + " but delivered by another vehicle");
                    }
                }
                case Job.Single s -> {}
            }
        }
        for (Vehicle vehicle : problem.vehicles()) {
            int last = -1;
            for (String stopId : vehicle.committed()) {
                if (!vehicle.id().equals(vehicleOfStop.get(stopId))) {
                    out.add(stopId + " was committed to " + vehicle.id() + " but moved");
                } else if (positionOfStop.get(stopId) < last) {
                    out.add(stopId + " was committed to " + vehicle.id() + " but its order changed");
                } else {
                    last = positionOfStop.get(stopId);
                }
            }
        }
        return out;
    }

    static int loadChange(Job job, Stop stop) {
        return switch (job) {
            case Job.Shipment s -> stop.id().equals(s.pickup().id()) ? s.size() : -s.size();
            case Job.Single s -> s.size();
            case Job.Onboard o -> -o.size();
        };
    }
}
