package io.tiffin.dispatch;

import java.util.List;

/**
 * A planner's answer: one route per used vehicle, jobs it could not fit, and the totals it was
 * judged by. Times are recomputed exactly from the matrix, not taken from the solver's rounding.
 */
public record Plan(
        List<Route> routes, List<String> unassignedJobs, double distance, double travelTime, double lateness) {

    public Plan {
        routes = List.copyOf(routes);
        unassignedJobs = List.copyOf(unassignedJobs);
    }

    public long vehiclesUsed() {
        return routes.stream().filter(route -> !route.visits().isEmpty()).count();
    }

    /** One vehicle's work in order. {@code returnTime} is when it reaches its end (or its last stop). */
    public record Route(String vehicleId, double departure, List<Visit> visits, double returnTime) {
        public Route {
            visits = List.copyOf(visits);
        }
    }

    /** A stop served: when the vehicle arrives and when service starts (after any wait). */
    public record Visit(String stopId, String jobId, int location, double arrival, double serviceStart) {}
}
