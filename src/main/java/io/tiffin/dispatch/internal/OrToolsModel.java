package io.tiffin.dispatch.internal;

import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.IntVar;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.Solver;
import com.google.ortools.constraintsolver.main;
import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
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
 * One OR-Tools routing model of a planning problem. Not thread-safe: each search builds its own.
 *
 * <p>Nodes are the stops, then one start and one end node per vehicle. Times and costs are scaled to
 * integers; travel times are rounded up so that a schedule the solver accepts is also feasible in
 * exact arithmetic.
 */
final class OrToolsModel {

    static final double TIME_SCALE = 1000;
    static final double COST_SCALE = 1000;
    /** Lateness outweighs a vehicle, which outweighs any travel (see {@link Objective#DISPATCH}). */
    static final long LATENESS_PER_SECOND = 100_000_000L / (long) TIME_SCALE;
    static final long VEHICLE_COST = 1_000_000_000L;
    static final long UNASSIGNED_PENALTY = 100_000_000_000_000L;
    private static final double UNBOUNDED = 1e15;

    record Result(Plan plan, long objective) {
    }

    private final PlanningProblem problem;
    private final List<Stop> stops = new ArrayList<>();
    private final List<Job> jobOfNode = new ArrayList<>();
    private final Map<String, Integer> nodeOfStop = new HashMap<>();
    private final int stopCount;
    private final int vehicleCount;
    private final long horizon;

    OrToolsModel(PlanningProblem problem) {
        this.problem = problem;
        for (Job job : problem.jobs()) {
            for (Stop stop : job.stops()) {
                nodeOfStop.put(stop.id(), stops.size());
                stops.add(stop);
                jobOfNode.add(job);
            }
        }
        this.stopCount = stops.size();
        this.vehicleCount = problem.vehicles().size();
        this.horizon = scaleTime(horizonSeconds());
    }

    Result solve(FirstSolutionStrategy.Value strategy, long deadlineNanos) {
        int nodes = stopCount + 2 * vehicleCount;
        int[] starts = new int[vehicleCount];
        int[] ends = new int[vehicleCount];
        for (int v = 0; v < vehicleCount; v++) {
            starts[v] = stopCount + v;
            ends[v] = stopCount + vehicleCount + v;
        }
        RoutingIndexManager manager = new RoutingIndexManager(nodes, vehicleCount, starts, ends);
        RoutingModel routing = new RoutingModel(manager);
        Solver solver = routing.solver();
        boolean dispatch = problem.objective() == Objective.DISPATCH;

        // One matrix per distinct speed: native matrices avoid calling back into Java per arc.
        Map<Double, int[]> callbacksBySpeed = new HashMap<>();
        int[] timeCallbacks = new int[vehicleCount];
        for (int v = 0; v < vehicleCount; v++) {
            Vehicle vehicle = problem.vehicles().get(v);
            int[] callbacks = callbacksBySpeed.computeIfAbsent(vehicle.speedFactor(), speed -> new int[] {
                routing.registerTransitMatrix(matrix(nodes, speed, true)),
                routing.registerTransitMatrix(matrix(nodes, speed, false))});
            timeCallbacks[v] = callbacks[0];
            routing.setArcCostEvaluatorOfVehicle(callbacks[1], v);
        }
        if (dispatch) {
            routing.setFixedCostOfAllVehicles(VEHICLE_COST);
        }

        routing.addDimensionWithVehicleTransits(timeCallbacks, horizon, horizon, false, "Time");
        RoutingDimension time = routing.getMutableDimension("Time");
        for (int node = 0; node < stopCount; node++) {
            Stop stop = stops.get(node);
            long index = manager.nodeToIndex(node);
            long open = (long) Math.ceil(stop.window().start() * TIME_SCALE);
            long close = scaleTime(stop.window().end());
            if (dispatch) {
                time.cumulVar(index).setRange(Math.min(open, horizon), horizon);
                if (close < horizon) {
                    time.setCumulVarSoftUpperBound(index, close, LATENESS_PER_SECOND);
                }
            } else {
                time.cumulVar(index).setRange(open, Math.min(close, horizon));
            }
        }
        long[] capacities = new long[vehicleCount];
        for (int v = 0; v < vehicleCount; v++) {
            Vehicle vehicle = problem.vehicles().get(v);
            long shiftStart = (long) Math.ceil(vehicle.shift().start() * TIME_SCALE);
            long shiftEnd = scaleTime(vehicle.shift().end());
            time.cumulVar(routing.start(v)).setRange(Math.min(shiftStart, horizon), Math.min(shiftEnd, horizon));
            time.cumulVar(routing.end(v)).setMax(Math.min(shiftEnd, horizon));
            if (vehicle.maxDuration() < UNBOUNDED) {
                time.setSpanUpperBoundForVehicle(Math.min(scaleTime(vehicle.maxDuration()), horizon), v);
            }
            capacities[v] = vehicle.capacity();
            routing.addVariableMinimizedByFinalizer(time.cumulVar(routing.end(v)));
            routing.addVariableMaximizedByFinalizer(time.cumulVar(routing.start(v)));
        }

        long[] demands = new long[nodes];
        for (int node = 0; node < stopCount; node++) {
            demands[node] = PlanChecker.loadChange(jobOfNode.get(node), stops.get(node));
        }
        routing.addDimensionWithVehicleCapacity(routing.registerUnaryTransitVector(demands), 0, capacities, false, "Load");
        RoutingDimension load = routing.getMutableDimension("Load");
        for (int v = 0; v < vehicleCount; v++) {
            load.cumulVar(routing.start(v)).setValue(onboardLoad(problem.vehicles().get(v)));
        }

        List<Long> mandatory = new ArrayList<>();
        for (Vehicle vehicle : problem.vehicles()) {
            vehicle.committed().forEach(id -> mandatory.add(manager.nodeToIndex(nodeOfStop.get(id))));
        }
        for (Job job : problem.jobs()) {
            switch (job) {
                case Job.Shipment s -> {
                    long pickup = manager.nodeToIndex(nodeOfStop.get(s.pickup().id()));
                    long delivery = manager.nodeToIndex(nodeOfStop.get(s.delivery().id()));
                    routing.addPickupAndDelivery(pickup, delivery);
                    solver.addConstraint(solver.makeEquality(routing.vehicleVar(pickup), routing.vehicleVar(delivery)));
                    solver.addConstraint(solver.makeLessOrEqual(time.cumulVar(pickup), time.cumulVar(delivery)));
                    if (mandatory.contains(pickup) || mandatory.contains(delivery)) {
                        mandatory.add(pickup);
                        mandatory.add(delivery);
                    } else if (dispatch) {
                        solver.addConstraint(solver.makeEquality(routing.activeVar(pickup), routing.activeVar(delivery)));
                    }
                }
                case Job.Onboard o -> {
                    long delivery = manager.nodeToIndex(nodeOfStop.get(o.delivery().id()));
                    mandatory.add(delivery);
                    routing.vehicleVar(delivery).setValue(vehicleIndex(o.vehicleId()));
                }
                case Job.Single s -> {
                }
            }
        }
        if (dispatch) {
            for (int node = 0; node < stopCount; node++) {
                long index = manager.nodeToIndex(node);
                if (!mandatory.contains(index)) {
                    routing.addDisjunction(new long[] {index}, UNASSIGNED_PENALTY);
                }
            }
        }
        keepCommitments(routing, manager, solver);

        long remainingMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000 - 30);
        RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(strategy)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(remainingMillis / 1000)
                        .setNanos((int) (remainingMillis % 1000) * 1_000_000))
                .setLogSearch(Boolean.getBoolean("tiffin.routing.log-search"))
                .build();
        Assignment solution = routing.solveWithParameters(parameters);
        if (solution == null) {
            return new Result(null, Long.MAX_VALUE);
        }
        return new Result(toPlan(routing, manager, solution), solution.objectiveValue());
    }

    /** Committed stops stay on their vehicle, in their order, with new work allowed in between. */
    private void keepCommitments(RoutingModel routing, RoutingIndexManager manager, Solver solver) {
        boolean any = problem.vehicles().stream().anyMatch(v -> !v.committed().isEmpty());
        if (!any) {
            return;
        }
        routing.addConstantDimension(1, stopCount + 1, true, "Order");
        RoutingDimension order = routing.getMutableDimension("Order");
        for (int v = 0; v < vehicleCount; v++) {
            IntVar previous = null;
            for (String stopId : problem.vehicles().get(v).committed()) {
                long index = manager.nodeToIndex(nodeOfStop.get(stopId));
                routing.vehicleVar(index).setValue(v);
                IntVar position = order.cumulVar(index);
                if (previous != null) {
                    solver.addConstraint(solver.makeLess(previous, position));
                }
                previous = position;
            }
        }
    }

    private Plan toPlan(RoutingModel routing, RoutingIndexManager manager, Assignment solution) {
        List<List<Stop>> sequences = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (int v = 0; v < vehicleCount; v++) {
            List<Stop> sequence = new ArrayList<>();
            long index = solution.value(routing.nextVar(routing.start(v)));
            while (!routing.isEnd(index)) {
                Stop stop = stops.get(manager.indexToNode(index));
                sequence.add(stop);
                served.add(stop.id());
                index = solution.value(routing.nextVar(index));
            }
            sequences.add(sequence);
        }
        List<String> unassigned = problem.jobs().stream()
                .filter(job -> job.stops().stream().noneMatch(s -> served.contains(s.id())))
                .map(Job::id)
                .toList();
        return new PlanBuilder(problem).build(sequences, unassigned);
    }

    /** Transit from node to node: service at the origin plus travel (time), or the arc's cost. */
    private long[][] matrix(int nodes, double speed, boolean time) {
        TravelMatrix travel = problem.matrix();
        boolean byDistance = problem.objective() == Objective.DISTANCE;
        long[][] out = new long[nodes][nodes];
        for (int from = 0; from < nodes; from++) {
            int a = location(from);
            double service = from < stopCount ? stops.get(from).serviceTime() : 0;
            for (int to = 0; to < nodes; to++) {
                int b = location(to);
                if (from == to || a < 0 || b < 0 || isStart(to) || isEnd(from)) {
                    out[from][to] = time && a >= 0 ? (long) Math.ceil(service * TIME_SCALE) : 0;
                    continue;
                }
                if (time) {
                    out[from][to] = (long) Math.ceil((service + travel.duration(a, b) * speed) * TIME_SCALE);
                } else {
                    double cost = byDistance ? travel.distance(a, b) : travel.duration(a, b) * speed;
                    out[from][to] = Math.round(cost * COST_SCALE);
                }
            }
        }
        return out;
    }

    private boolean isStart(int node) {
        return node >= stopCount && node < stopCount + vehicleCount;
    }

    private boolean isEnd(int node) {
        return node >= stopCount + vehicleCount;
    }

    /** The matrix location of a node; -1 for the end of an open route (it costs nothing to get there). */
    private int location(int node) {
        if (node < stopCount) {
            return stops.get(node).location();
        }
        if (isStart(node)) {
            return problem.vehicles().get(node - stopCount).start();
        }
        return problem.vehicles().get(node - stopCount - vehicleCount).end();
    }

    private int vehicleIndex(String vehicleId) {
        for (int v = 0; v < vehicleCount; v++) {
            if (problem.vehicles().get(v).id().equals(vehicleId)) {
                return v;
            }
        }
        throw new IllegalArgumentException("job on board unknown vehicle " + vehicleId);
    }

    private int onboardLoad(Vehicle vehicle) {
        return problem.jobs().stream()
                .filter(j -> j instanceof Job.Onboard o && o.vehicleId().equals(vehicle.id()))
                .mapToInt(Job::size)
                .sum();
    }

    /** A time bound no schedule needs to exceed: the latest finite window or shift end plus all work. */
    private double horizonSeconds() {
        double latest = 0;
        for (Stop stop : stops) {
            latest = Math.max(latest, finite(stop.window().end(), stop.window().start()));
        }
        for (Vehicle vehicle : problem.vehicles()) {
            latest = Math.max(latest, finite(vehicle.shift().end(), vehicle.shift().start()));
        }
        double work = 0;
        double longest = 0;
        TravelMatrix travel = problem.matrix();
        double slowest = problem.vehicles().stream().mapToDouble(Vehicle::speedFactor).max().orElse(1);
        for (int i = 0; i < travel.size(); i++) {
            for (int j = 0; j < travel.size(); j++) {
                longest = Math.max(longest, travel.duration(i, j));
            }
        }
        for (Stop stop : stops) {
            work += stop.serviceTime();
        }
        return latest + work + (stops.size() + 2) * longest * slowest + 1;
    }

    private static double finite(double end, double start) {
        return end < UNBOUNDED ? end : start;
    }

    private static long scaleTime(double seconds) {
        return seconds >= UNBOUNDED ? Long.MAX_VALUE / 4 : (long) Math.floor(seconds * TIME_SCALE);
    }
}
