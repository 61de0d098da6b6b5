package io.tiffin.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything a planner needs: who can drive, what must be done, and how long travel takes. */
public record PlanningProblem(List<Vehicle> vehicles, List<Job> jobs, TravelMatrix matrix, Objective objective) {

    public PlanningProblem {
        vehicles = List.copyOf(vehicles);
        jobs = List.copyOf(jobs);
        if (vehicles.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one vehicle");
        }
        Set<String> stopIds = new HashSet<>();
        for (Job job : jobs) {
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
                throw new IllegalArgumentException("vehicle " + vehicle.id() + " has committed stops that are not in the jobs");
            }
        }
    }
}
