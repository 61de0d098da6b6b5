package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.Vehicle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stop sequences into a {@link Plan} with exact times. Solvers work on scaled integers; the
 * plan a caller sees is recomputed here in double precision from the matrix itself.
 */
public final class PlanBuilder {

    private final PlanningProblem problem;
    private final Map<String, String> jobOfStop = new HashMap<>();

    public PlanBuilder(PlanningProblem problem) {
        this.problem = problem;
        for (Job job : problem.jobs()) {
            job.stops().forEach(stop -> jobOfStop.put(stop.id(), job.id()));
        }
    }

    /** @param sequences one list of stops per vehicle, in the order of {@code problem.vehicles()} */
    public Plan build(List<List<Stop>> sequences, List<String> unassignedJobs) {
        TravelMatrix matrix = problem.matrix();
        List<Plan.Route> routes = new ArrayList<>();
        double distance = 0;
        double travelTime = 0;
        double lateness = 0;
        for (int v = 0; v < sequences.size(); v++) {
            List<Stop> stops = sequences.get(v);
            if (stops.isEmpty()) {
                continue;
            }
            Vehicle vehicle = problem.vehicles().get(v);
            double departure = departure(vehicle, stops.getFirst(), matrix);
            double time = departure;
            int at = vehicle.start();
            List<Plan.Visit> visits = new ArrayList<>();
            for (Stop stop : stops) {
                double arrival = time + matrix.duration(at, stop.location()) * vehicle.speedFactor();
                double start = Math.max(arrival, stop.window().start());
                lateness += Math.max(0, start - stop.window().end());
                distance += matrix.distance(at, stop.location());
                travelTime += matrix.duration(at, stop.location()) * vehicle.speedFactor();
                visits.add(new Plan.Visit(stop.id(), jobOfStop.get(stop.id()), stop.location(), arrival, start));
                time = start + stop.serviceTime();
                at = stop.location();
            }
            if (vehicle.returnsToEnd()) {
                distance += matrix.distance(at, vehicle.end());
                travelTime += matrix.duration(at, vehicle.end()) * vehicle.speedFactor();
                time += matrix.duration(at, vehicle.end()) * vehicle.speedFactor();
            }
            routes.add(new Plan.Route(vehicle.id(), departure, visits, time));
        }
        return new Plan(routes, unassignedJobs, distance, travelTime, lateness);
    }

    /**
     * Leave as late as the first stop allows (never before the shift starts), so that waiting at the
     * start is not counted in the route's duration and later service times do not change.
     */
    public static double departure(Vehicle vehicle, Stop first, TravelMatrix matrix) {
        double travel = matrix.duration(vehicle.start(), first.location()) * vehicle.speedFactor();
        return Math.max(vehicle.shift().start(), first.window().start() - travel);
    }
}
