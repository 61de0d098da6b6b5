package io.tiffin.dispatch.internal;

import com.graphhopper.jsprit.core.problem.constraint.SoftActivityConstraint;
import com.graphhopper.jsprit.core.problem.cost.VehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.misc.JobInsertionContext;
import com.graphhopper.jsprit.core.problem.solution.SolutionCostCalculator;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.End;
import com.graphhopper.jsprit.core.problem.solution.route.activity.PickupShipment;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import java.util.List;
import java.util.Map;

/**
 * Lateness measured exactly, for objectives whose time windows have soft ends. jsprit is given each
 * window's start only (its ends are opened to the horizon); the promised end of every stop is kept
 * here, and lateness is the service start after it.
 *
 * <p>Two uses. {@link #objective} prices a whole solution exactly: every route is walked from its
 * departure, so a delay early on is counted at every later stop it makes late. That is what the search
 * accepts and keeps solutions by. {@link #insertion} guides jsprit's construction and repair: the
 * inserted stop's own lateness plus the change it causes at the following stops, walked exactly until
 * the delay is absorbed by waiting, for up to {@link #WALK} stops and bounded beyond (walking every
 * stop of 50-stop routes made a plan three times slower: bench/dispatch/README.md). jsprit's own
 * activity costs would look at the next stop only, and not at all at the end of an open route, which
 * is where most dispatch insertions go.
 */
final class Lateness {

    /** Promised ends of one job's stops: the pickup's and the drop-off's (the same for single stops). */
    record Due(double pickup, double dropoff) {}

    /** Following stops an insertion is walked through exactly (see {@link #added}). */
    static final int WALK = 8;

    private final Map<String, Due> dues;
    private final VehicleRoutingTransportCosts costs;
    private final int walk;

    Lateness(Map<String, Due> dues, VehicleRoutingTransportCosts costs) {
        this(dues, costs, WALK);
    }

    Lateness(Map<String, Due> dues, VehicleRoutingTransportCosts costs, int walk) {
        this.dues = dues;
        this.costs = costs;
        this.walk = walk;
    }

    double due(TourActivity activity) {
        if (!(activity instanceof TourActivity.JobActivity jobActivity)) {
            return Double.MAX_VALUE;
        }
        Due due = dues.get(jobActivity.getJob().getId());
        if (due == null) {
            return Double.MAX_VALUE;
        }
        return activity instanceof PickupShipment ? due.pickup() : due.dropoff();
    }

    private double late(TourActivity activity, double serviceStart) {
        return Math.max(0, serviceStart - due(activity));
    }

    /** Total lateness of a route as jsprit holds it, recomputed from its departure. */
    double ofRoute(VehicleRoute route) {
        double time = route.getDepartureTime();
        TourActivity previous = route.getStart();
        double lateness = 0;
        for (TourActivity activity : route.getActivities()) {
            double arrival = time
                    + costs.getTransportTime(
                            previous.getLocation(),
                            activity.getLocation(),
                            time,
                            route.getDriver(),
                            route.getVehicle());
            double start = Math.max(arrival, activity.getTheoreticalEarliestOperationStartTime());
            lateness += late(activity, start);
            time = start + activity.getOperationTime();
            previous = activity;
        }
        return lateness;
    }

    /**
     * How much lateness grows when {@code inserted} is visited right after leaving {@code previous} at
     * {@code departure}, before the route's activities from {@code from} on. jsprit prices a shipment in
     * two such steps (the pickup into the route, then the drop-off into the route with the pickup in it,
     * departure times already shifted by the pickup), so the two sums add up to the exact difference
     * (beyond {@link #WALK} following stops, to a bound of it).
     */
    double added(
            TourActivity previous,
            double departure,
            TourActivity inserted,
            List<TourActivity> rest,
            int from,
            Driver driver,
            Vehicle vehicle) {
        double arrival = departure
                + costs.getTransportTime(previous.getLocation(), inserted.getLocation(), departure, driver, vehicle);
        double start = Math.max(arrival, inserted.getTheoreticalEarliestOperationStartTime());
        double added = late(inserted, start);
        double withTime = start + inserted.getOperationTime();
        TourActivity withAt = inserted;
        double withoutTime = departure;
        TourActivity withoutAt = previous;
        int last = Math.min(rest.size(), from + walk);
        for (int k = from; k < last; k++) {
            TourActivity next = rest.get(k);
            double withStart = Math.max(
                    next.getTheoreticalEarliestOperationStartTime(),
                    withTime
                            + costs.getTransportTime(
                                    withAt.getLocation(), next.getLocation(), withTime, driver, vehicle));
            double withoutStart = Math.max(
                    next.getTheoreticalEarliestOperationStartTime(),
                    withoutTime
                            + costs.getTransportTime(
                                    withoutAt.getLocation(), next.getLocation(), withoutTime, driver, vehicle));
            added += late(next, withStart) - late(next, withoutStart);
            withTime = withStart + next.getOperationTime();
            withoutTime = withoutStart + next.getOperationTime();
            withAt = next;
            withoutAt = next;
            if (withTime <= withoutTime) {
                return added; // the delay was absorbed by waiting: nothing after this changes
            }
        }
        // Past the walk, a stop is made later by at most the delay still carried: charge that to each.
        // Exact when those stops are late already and nobody waits, which is when routes grow this long.
        return added + (withTime - withoutTime) * (rest.size() - last);
    }

    /** Lateness added by an insertion, times {@code weight}, as a jsprit soft constraint. */
    SoftActivityConstraint insertion(double weight) {
        return (JobInsertionContext context,
                TourActivity previous,
                TourActivity inserted,
                TourActivity next,
                double departure) -> {
            List<TourActivity> activities = context.getRoute().getActivities();
            return weight
                    * added(
                            previous,
                            departure,
                            inserted,
                            activities,
                            positionOf(next, activities),
                            context.getNewDriver(),
                            context.getNewVehicle());
        };
    }

    private static int positionOf(TourActivity next, List<TourActivity> activities) {
        if (next instanceof End) {
            return activities.size();
        }
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i) == next) {
                return i;
            }
        }
        return activities.size();
    }

    /**
     * The solution's cost: each used vehicle's fixed cost, its travel cost, {@code weight} per unit of
     * lateness, and {@code unassignedCost} per job left out.
     */
    SolutionCostCalculator objective(double weight, double unassignedCost) {
        return (VehicleRoutingProblemSolution solution) -> {
            double total = 0;
            for (VehicleRoute route : solution.getRoutes()) {
                if (route.isEmpty()) {
                    continue;
                }
                total += route.getVehicle().getType().getVehicleCostParams().fix;
                TourActivity previous = route.getStart();
                double time = route.getDepartureTime();
                for (TourActivity activity : route.getActivities()) {
                    total += costs.getTransportCost(
                            previous.getLocation(),
                            activity.getLocation(),
                            time,
                            route.getDriver(),
                            route.getVehicle());
                    double arrival = time
                            + costs.getTransportTime(
                                    previous.getLocation(),
                                    activity.getLocation(),
                                    time,
                                    route.getDriver(),
                                    route.getVehicle());
                    time = Math.max(arrival, activity.getTheoreticalEarliestOperationStartTime())
                            + activity.getOperationTime();
                    previous = activity;
                }
                if (route.getVehicle().isReturnToDepot()) {
                    total += costs.getTransportCost(
                            previous.getLocation(),
                            route.getEnd().getLocation(),
                            time,
                            route.getDriver(),
                            route.getVehicle());
                }
                total += weight * ofRoute(route);
            }
            return total + unassignedCost * solution.getUnassignedJobs().size();
        };
    }
}
