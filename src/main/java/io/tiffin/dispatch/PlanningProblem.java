package io.tiffin.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a planner needs: who can drive, what must be done, and how long travel takes.
 *
 * @param pinned jobs that only the given vehicle may serve (job id to vehicle id), in whatever order
 *               and position suits the plan: a driver chosen by hand. {@link Job.Onboard} jobs are
 *               bound to their vehicle anyway.
 */
public record PlanningProblem(
        List<Vehicle> vehicles, List<Job> jobs, TravelMatrix matrix, Objective objective, Map<String, String> pinned) {

    public PlanningProblem(List<Vehicle> vehicles, List<Job> jobs, TravelMatrix matrix, Objective objective) {
        this(vehicles, jobs, matrix, objective, Map.of());
    }

    public PlanningProblem {
        vehicles = List.copyOf(vehicles);
        jobs = List.copyOf(jobs);
        pinned = pinned == null ? Map.of() : Map.copyOf(pinned);
        if (vehicles.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one vehicle");
        }
        Set<String> stopIds = new HashSet<>();
        Set<String> jobIds = new HashSet<>();
        for (Job job : jobs) {
            if (!jobIds.add(job.id())) {
                throw new IllegalArgumentException("duplicate job id " + job.id());
            }
            for (Stop stop : job.stops()) {
                if (!stopIds.add(stop.id())) {
                    throw new IllegalArgumentException("duplicate stop id " + stop.id());
                }
                if (stop.location() >= matrix.size()) {
                    throw new IllegalArgumentException("stop " + stop.id() + " is outside the matrix");
                }
            }
        }
        Set<String> vehicleIds = new HashSet<>();
        for (Vehicle vehicle : vehicles) {
            if (!vehicleIds.add(vehicle.id())) {
                throw new IllegalArgumentException("duplicate vehicle id " + vehicle.id());
            }
            if (!stopIds.containsAll(vehicle.committed())) {
                throw new IllegalArgumentException(
                        "vehicle " + vehicle.id() + " has committed stops that are not in the jobs");
            }
        }
        pinned.forEach((job, vehicle) -> {
            if (!jobIds.contains(job) || !vehicleIds.contains(vehicle)) {
                throw new IllegalArgumentException(
                        "job " + job + " is pinned to " + vehicle + ": unknown job or vehicle");
            }
        });
    }

    /** The vehicle a job must stay on, or null when any vehicle may take it. */
    public String vehicleBoundTo(Job job) {
        return job instanceof Job.Onboard onboard ? onboard.vehicleId() : pinned.get(job.id());
    }
}
