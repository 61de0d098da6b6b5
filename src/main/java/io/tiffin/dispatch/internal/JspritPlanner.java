package io.tiffin.dispatch.internal;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;
import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.Vehicle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * jsprit behind the same planner interface, kept to measure it against OR-Tools on the benchmarks
 * (bench/routing/README.md). Distance objective only; no commitments or on-board jobs.
 */
public final class JspritPlanner implements RoutePlanner {

    private final int threads;

    public JspritPlanner(int threads) {
        this.threads = threads;
    }

    @Override
    public Plan plan(PlanningProblem problem, Duration timeLimit) {
        if (problem.objective() != Objective.DISTANCE) {
            throw new UnsupportedOperationException("the jsprit planner only minimizes distance");
        }
        TravelMatrix matrix = problem.matrix();
        int n = matrix.size();
        FastVehicleRoutingTransportCostsMatrix.Builder costs = FastVehicleRoutingTransportCostsMatrix.Builder.newInstance(n, false);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                costs.addTransportTimeAndDistance(i, j, matrix.duration(i, j), matrix.distance(i, j));
            }
        }
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE)
                .setRoutingCost(costs.build());
        for (Vehicle vehicle : problem.vehicles()) {
            VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("t" + vehicle.capacity())
                    .addCapacityDimension(0, vehicle.capacity()).setCostPerDistance(1).setCostPerTransportTime(0).build();
            VehicleImpl.Builder builder = VehicleImpl.Builder.newInstance(vehicle.id()).setType(type)
                    .setStartLocation(Location.newInstance(vehicle.start()))
                    .setEarliestStart(vehicle.shift().start()).setLatestArrival(Math.min(vehicle.shift().end(), 1e12))
                    .setReturnToDepot(vehicle.returnsToEnd());
            if (vehicle.returnsToEnd()) {
                builder.setEndLocation(Location.newInstance(vehicle.end()));
            }
            vrp.addVehicle(builder.build());
        }
        Map<String, Stop> stops = new HashMap<>();
        for (Job job : problem.jobs()) {
            job.stops().forEach(s -> stops.put(s.id(), s));
            switch (job) {
                case Job.Single s -> vrp.addJob(Service.Builder.newInstance(s.id()).addSizeDimension(0, s.size())
                        .setLocation(Location.newInstance(s.stop().location())).setServiceTime(s.stop().serviceTime())
                        .setTimeWindow(window(s.stop())).build());
                case Job.Shipment s -> vrp.addJob(Shipment.Builder.newInstance(s.id()).addSizeDimension(0, s.size())
                        .setPickupLocation(Location.newInstance(s.pickup().location()))
                        .setDeliveryLocation(Location.newInstance(s.delivery().location()))
                        .setPickupServiceTime(s.pickup().serviceTime()).setDeliveryServiceTime(s.delivery().serviceTime())
                        .setPickupTimeWindow(window(s.pickup())).setDeliveryTimeWindow(window(s.delivery())).build());
                case Job.Onboard o -> throw new UnsupportedOperationException("jobs on board are not supported here");
            }
        }
        VehicleRoutingProblem built = vrp.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(built)
                .setProperty(Jsprit.Parameter.THREADS, String.valueOf(threads)).buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(timeLimit.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());

        Map<String, Integer> vehicleIndex = new HashMap<>();
        for (int v = 0; v < problem.vehicles().size(); v++) {
            vehicleIndex.put(problem.vehicles().get(v).id(), v);
        }
        List<List<Stop>> sequences = new ArrayList<>();
        problem.vehicles().forEach(v -> sequences.add(new ArrayList<>()));
        Map<String, Job> jobs = new HashMap<>();
        problem.jobs().forEach(j -> jobs.put(j.id(), j));
        for (VehicleRoute route : best.getRoutes()) {
            List<Stop> sequence = sequences.get(vehicleIndex.get(route.getVehicle().getId()));
            for (TourActivity activity : route.getActivities()) {
                Job job = jobs.get(((TourActivity.JobActivity) activity).getJob().getId());
                sequence.add(switch (job) {
                    case Job.Shipment s -> activity.getName().startsWith("pickup") ? s.pickup() : s.delivery();
                    default -> job.stops().getFirst();
                });
            }
        }
        List<String> unassigned = best.getUnassignedJobs().stream().map(j -> j.getId()).toList();
        return new PlanBuilder(problem).build(sequences, unassigned);
    }

    private static com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow window(Stop stop) {
        return com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow.newInstance(
                stop.window().start(), Math.min(stop.window().end(), 1e12));
    }
}
