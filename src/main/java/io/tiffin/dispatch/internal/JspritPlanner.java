package io.tiffin.dispatch.internal;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.acceptor.SolutionAcceptor;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.listener.IterationStartsListener;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.constraint.ConstraintManager;
import com.graphhopper.jsprit.core.problem.constraint.HardActivityConstraint;
import com.graphhopper.jsprit.core.problem.job.Delivery;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.misc.JobInsertionContext;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.Start;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.Vehicle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The route planner, on jsprit's ruin-and-recreate search (chosen over OR-Tools by measurement, see
 * bench/routing/README.md). Searches run on every core and stop at the caller's time limit.
 *
 * <p>Stops a driver committed to become jsprit "initial routes": jsprit never removes those jobs from
 * their vehicle or reorders them, and new work goes after the first of them (the driver is on the way
 * there, or already there). Jobs already on board are deliveries loaded at the start; they and pinned
 * jobs are bound to their vehicle by a jsprit skill only that vehicle has, so their order stays free.
 *
 * <p>Time windows are hard in jsprit. For the objectives that allow lateness ({@link Objective#DISPATCH},
 * {@link Objective#LATENESS_THEN_DISTANCE}) jsprit sees only each window's start, and {@link Lateness}
 * prices every solution and every insertion with the exact lateness of each stop against its promised
 * end, weighted far above travel, so a plan is on time first and short second.
 */
public final class JspritPlanner implements RoutePlanner {

    /** One unused driver costs more than any plausible amount of extra travel (seconds). */
    static final double VEHICLE_COST = 1_000_000;
    /**
     * A second of lateness costs more than a thousand drivers or ten thousand kilometres: lateness
     * comes first. Totals stay far inside a double's exact range (a day of lateness is about 1e12).
     */
    static final double LATENESS_WEIGHT = 1e7;
    /** A job left out costs more than any lateness a plan could have (about four months of it). */
    static final double UNASSIGNED_COST = 1e14;

    private static final double OPEN = 1e12;
    private static final long SEED = 4711;
    static final double THRESHOLD_INI = 0.02;
    static final double THRESHOLD_ALPHA = 0.15;

    private final int threads;
    /**
     * Owned here rather than by jsprit: left to itself, jsprit creates a pool per search and
     * registers a JVM shutdown hook for each one, which a long-running server would accumulate.
     */
    private final ExecutorService pool;

    public JspritPlanner(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "route-planner");
            thread.setDaemon(true);
            return thread;
        });
    }

    public JspritPlanner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Plan plan(PlanningProblem problem, Duration timeLimit) {
        long started = System.nanoTime();
        long budget = timeLimit.toNanos();
        PlanBuilder builder = new PlanBuilder(problem);
        if (problem.jobs().isEmpty()) {
            return builder.build(List.of(), List.of());
        }
        return solve(problem, builder, remaining(started, budget));
    }

    /** What is left of the budget, less a margin for building the problem and reading the answer. */
    private static long remaining(long started, long budgetNanos) {
        long left = budgetNanos - (System.nanoTime() - started);
        return Math.max(10_000_000L, (long) (left * 0.97) - 40_000_000L);
    }

    private Plan solve(PlanningProblem problem, PlanBuilder builder, long nanos) {
        // The deadline is fixed before anything is built, so problem translation, jsprit's set-up and its
        // first construction (slow in a cold JVM) all count against the caller's limit.
        long deadline = System.nanoTime() + nanos;
        Translation t = new Translation(problem);
        VehicleRoutingProblem vrp = t.build();
        // Independent searches with different seeds, one per core, best kept, rather than one search whose
        // insertion is split over the cores (thread hand-offs on every insertion); see bench/routing/README.md.
        List<Future<VehicleRoutingProblemSolution>> runs = new ArrayList<>();
        for (int run = 0; run < threads; run++) {
            long seed = SEED + run;
            runs.add(pool.submit(() -> search(vrp, t, seed, deadline)));
        }
        VehicleRoutingProblemSolution best = null;
        for (Future<VehicleRoutingProblemSolution> run : runs) {
            VehicleRoutingProblemSolution solution = await(run);
            if (best == null || better(solution, best)) {
                best = solution;
            }
        }
        return t.toPlan(best, builder);
    }

    private static boolean better(VehicleRoutingProblemSolution a, VehicleRoutingProblemSolution b) {
        if (a.getUnassignedJobs().size() != b.getUnassignedJobs().size()) {
            return a.getUnassignedJobs().size() < b.getUnassignedJobs().size();
        }
        return a.getCost() < b.getCost();
    }

    private static VehicleRoutingProblemSolution await(Future<VehicleRoutingProblemSolution> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("route planning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("route planning failed", e.getCause());
        }
    }

    private static VehicleRoutingProblemSolution search(
            VehicleRoutingProblem vrp, Translation t, long seed, long deadline) {
        long start = System.nanoTime();
        Objective objective = t.problem.objective();
        CoolingAcceptor acceptor = new CoolingAcceptor(start, deadline);
        Jsprit.Builder jsprit = Jsprit.Builder.newInstance(vrp)
                .setRandom(new Random(seed))
                .setCustomAcceptor(acceptor)
                // cheaper regret insertion buys more iterations within the time limit (bench/routing/README.md)
                .setProperty(Jsprit.Parameter.FAST_REGRET, "true");
        if (objective == Objective.DISPATCH) {
            // let insertion see what opening another route costs, so work goes to drivers already out
            jsprit.setProperty(Jsprit.Parameter.FIXED_COST_PARAM, "1.0");
        }
        if (t.softEnds() || !t.anchored.isEmpty()) {
            // per search: jsprit's state and constraint managers are not shared between threads
            StateManager states = new StateManager(vrp);
            ConstraintManager constraints = new ConstraintManager(vrp, states);
            if (!t.anchored.isEmpty()) {
                constraints.addConstraint(new AfterFirstCommittedStop(t.anchored), ConstraintManager.Priority.HIGH);
            }
            if (t.softEnds()) {
                Lateness lateness = new Lateness(t.dues, vrp.getTransportCosts());
                constraints.addConstraint(lateness.insertion(LATENESS_WEIGHT));
                jsprit.setObjectiveFunction(lateness.objective(LATENESS_WEIGHT, UNASSIGNED_COST));
            }
            jsprit.setStateAndConstraintManager(states, constraints);
        }
        VehicleRoutingAlgorithm algorithm = jsprit.buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        algorithm.addListener(acceptor);
        algorithm.setPrematureAlgorithmTermination(discovered -> System.nanoTime() >= deadline);
        return Solutions.bestOf(algorithm.searchSolutions());
    }

    /** New work on a vehicle with committed stops goes after the first of them: the driver is heading there. */
    private record AfterFirstCommittedStop(Set<String> vehicleIds) implements HardActivityConstraint {

        @Override
        public ConstraintsStatus fulfilled(
                JobInsertionContext context,
                TourActivity previous,
                TourActivity inserted,
                TourActivity next,
                double departure) {
            return previous instanceof Start
                            && vehicleIds.contains(context.getNewVehicle().getId())
                    ? ConstraintsStatus.NOT_FULFILLED
                    : ConstraintsStatus.FULFILLED;
        }
    }

    /**
     * Threshold accepting whose threshold falls with the time used rather than the iteration count:
     * jsprit's own schedule divides by the maximum number of iterations, which a time-bounded search
     * does not have, so it never cooled. Starts at {@link #THRESHOLD_INI} of the first solution's cost
     * and halves every {@link #THRESHOLD_ALPHA} of the time; the last stretch accepts improvements only.
     */
    static final class CoolingAcceptor implements SolutionAcceptor, IterationStartsListener {

        private final long start;
        private final long deadline;
        private double initial = -1;

        CoolingAcceptor(long start, long deadline) {
            this.start = start;
            this.deadline = Math.max(deadline, start + 1);
        }

        @Override
        public void informIterationStarts(
                int i, VehicleRoutingProblem problem, Collection<VehicleRoutingProblemSolution> solutions) {
            if (initial < 0 && !solutions.isEmpty()) {
                initial = Solutions.bestOf(solutions).getCost() * THRESHOLD_INI;
            }
        }

        double threshold() {
            double used = (double) (System.nanoTime() - start) / (deadline - start);
            if (initial < 0 || used >= 0.95) {
                return 0;
            }
            return initial * Math.exp(-Math.log(2) * used / THRESHOLD_ALPHA);
        }

        @Override
        public boolean acceptSolution(
                Collection<VehicleRoutingProblemSolution> memory, VehicleRoutingProblemSolution candidate) {
            if (memory.isEmpty()) {
                memory.add(candidate);
                return true;
            }
            VehicleRoutingProblemSolution current = memory.iterator().next();
            if (candidate.getCost() < current.getCost() + threshold()) {
                memory.clear();
                memory.add(candidate);
                return true;
            }
            return false;
        }
    }

    /** The planning problem in jsprit's terms, and back. */
    private static final class Translation {

        private final PlanningProblem problem;
        private final Map<String, Job> jobs = new HashMap<>();
        /** Promised ends, for objectives that price lateness instead of refusing it. */
        private final Map<String, Lateness.Due> dues = new HashMap<>();
        /** Vehicles with committed stops. */
        private final Set<String> anchored = new HashSet<>();

        private final Map<String, com.graphhopper.jsprit.core.problem.job.Job> jspritJobs = new HashMap<>();
        private final Map<String, VehicleImpl> vehicles = new HashMap<>();

        Translation(PlanningProblem problem) {
            this.problem = problem;
            problem.jobs().forEach(job -> jobs.put(job.id(), job));
            problem.vehicles().stream().filter(v -> !v.committed().isEmpty()).forEach(v -> anchored.add(v.id()));
        }

        boolean softEnds() {
            return problem.objective() != Objective.DISTANCE;
        }

        VehicleRoutingProblem build() {
            boolean dispatch = problem.objective() == Objective.DISPATCH;
            // Only vehicles that have bound jobs get a skill: a skill makes a vehicle unlike every other to
            // jsprit, which then prices insertions for it separately.
            Set<String> boundVehicles = new HashSet<>();
            problem.jobs().forEach(job -> {
                String vehicle = problem.vehicleBoundTo(job);
                if (vehicle != null) {
                    boundVehicles.add(vehicle);
                }
            });
            Map<String, Double> speeds = new HashMap<>();
            VehicleRoutingProblem.Builder vrp =
                    VehicleRoutingProblem.Builder.newInstance().setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
            for (Vehicle vehicle : problem.vehicles()) {
                speeds.put(vehicle.id(), vehicle.speedFactor());
                // Vehicles of one type are interchangeable to jsprit, which then prices an insertion once
                // per type instead of once per vehicle: group by everything that changes costs.
                VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance(
                                "capacity-" + vehicle.capacity() + "-speed-" + vehicle.speedFactor())
                        .addCapacityDimension(0, vehicle.capacity())
                        .setFixedCost(dispatch ? VEHICLE_COST : 0)
                        .build();
                // jsprit has no route-duration limit: returning by shift start + max duration is the safe bound.
                double latest = Math.min(
                        Math.min(vehicle.shift().end(), vehicle.shift().start() + vehicle.maxDuration()), OPEN);
                VehicleImpl.Builder b = VehicleImpl.Builder.newInstance(vehicle.id())
                        .setType(type)
                        .setStartLocation(Location.newInstance(vehicle.start()))
                        .setEarliestStart(vehicle.shift().start())
                        .setLatestArrival(latest)
                        .setReturnToDepot(vehicle.returnsToEnd());
                if (vehicle.returnsToEnd()) {
                    b.setEndLocation(Location.newInstance(vehicle.end()));
                }
                if (boundVehicles.contains(vehicle.id())) {
                    b.addSkill(skill(vehicle.id()));
                }
                VehicleImpl built = b.build();
                vehicles.put(vehicle.id(), built);
                vrp.addVehicle(built);
            }
            vrp.setRoutingCost(new MatrixCosts(problem.matrix(), speeds, problem.objective() != Objective.DISPATCH));
            for (Job job : problem.jobs()) {
                jspritJobs.put(job.id(), toJsprit(job));
            }
            Set<String> inInitialRoutes = new HashSet<>();
            for (Vehicle vehicle : problem.vehicles()) {
                VehicleRoute route = initialRoute(vehicle, inInitialRoutes);
                if (route != null) {
                    vrp.addInitialVehicleRoute(route);
                }
            }
            for (Job job : problem.jobs()) {
                if (!inInitialRoutes.contains(job.id())) {
                    vrp.addJob(jspritJobs.get(job.id()));
                }
            }
            return vrp.build();
        }

        /** The committed stops in their order, completed so that every shipment is whole and on-board jobs are delivered. */
        private VehicleRoute initialRoute(Vehicle vehicle, Set<String> used) {
            Map<String, Job> jobOfStop = new HashMap<>();
            problem.jobs().forEach(job -> job.stops().forEach(s -> jobOfStop.put(s.id(), job)));
            List<Stop> sequence = new ArrayList<>();
            vehicle.committed().forEach(id -> sequence.add(stopById(jobOfStop.get(id), id)));
            for (Job job : new LinkedHashSet<>(
                    vehicle.committed().stream().map(jobOfStop::get).toList())) {
                if (job instanceof Job.Shipment s) {
                    if (!sequence.contains(s.pickup())) {
                        sequence.add(sequence.indexOf(s.delivery()), s.pickup());
                    }
                    if (!sequence.contains(s.delivery())) {
                        sequence.add(s.delivery());
                    }
                }
            }
            if (sequence.isEmpty()) {
                return null;
            }
            VehicleRoute.Builder route = VehicleRoute.Builder.newInstance(vehicles.get(vehicle.id()));
            for (Stop stop : sequence) {
                Job job = jobOfStop.get(stop.id());
                used.add(job.id());
                com.graphhopper.jsprit.core.problem.job.Job jspritJob = jspritJobs.get(job.id());
                switch (job) {
                    case Job.Shipment s when stop.equals(s.pickup()) -> route.addPickup((Shipment) jspritJob);
                    case Job.Shipment s -> route.addDelivery((Shipment) jspritJob);
                    case Job.Single s -> route.addService((Service) jspritJob);
                    case Job.Onboard o -> route.addDelivery((Delivery) jspritJob);
                }
            }
            return route.build();
        }

        private static Stop stopById(Job job, String stopId) {
            return job.stops().stream()
                    .filter(s -> s.id().equals(stopId))
                    .findFirst()
                    .orElseThrow();
        }

        private com.graphhopper.jsprit.core.problem.job.Job toJsprit(Job job) {
            if (softEnds()) {
                Stop first = job.stops().getFirst();
                dues.put(
                        job.id(),
                        new Lateness.Due(
                                first.window().end(),
                                job.stops().getLast().window().end()));
            }
            String bound = problem.vehicleBoundTo(job);
            return switch (job) {
                case Job.Single s -> {
                    Service.Builder b = Service.Builder.newInstance(s.id())
                            .addSizeDimension(0, s.size())
                            .setLocation(Location.newInstance(s.stop().location()))
                            .setServiceTime(s.stop().serviceTime())
                            .setTimeWindow(window(s.stop()));
                    if (bound != null) {
                        b.addRequiredSkill(skill(bound));
                    }
                    yield b.build();
                }
                case Job.Shipment s -> {
                    Shipment.Builder b = Shipment.Builder.newInstance(s.id())
                            .addSizeDimension(0, s.size())
                            .setPickupLocation(Location.newInstance(s.pickup().location()))
                            .setDeliveryLocation(
                                    Location.newInstance(s.delivery().location()))
                            .setPickupServiceTime(s.pickup().serviceTime())
                            .setDeliveryServiceTime(s.delivery().serviceTime())
                            .setPickupTimeWindow(window(s.pickup()))
                            .setDeliveryTimeWindow(window(s.delivery()));
                    if (bound != null) {
                        b.addRequiredSkill(skill(bound));
                    }
                    yield b.build();
                }
                case Job.Onboard o ->
                    Delivery.Builder.newInstance(o.id())
                            .addSizeDimension(0, o.size())
                            .setLocation(Location.newInstance(o.delivery().location()))
                            .setServiceTime(o.delivery().serviceTime())
                            .setTimeWindow(window(o.delivery()))
                            .addRequiredSkill(skill(bound))
                            .build();
            };
        }

        private static String skill(String vehicleId) {
            return "vehicle:" + vehicleId;
        }

        /** Hard windows for {@link Objective#DISTANCE}; otherwise only the start is hard and the end is priced. */
        private TimeWindow window(Stop stop) {
            double end = softEnds()
                    ? Math.max(OPEN, stop.window().start())
                    : Math.min(stop.window().end(), OPEN);
            return TimeWindow.newInstance(stop.window().start(), end);
        }

        Plan toPlan(VehicleRoutingProblemSolution solution, PlanBuilder builder) {
            Map<String, Integer> vehicleIndex = new HashMap<>();
            List<List<Stop>> sequences = new ArrayList<>();
            for (int v = 0; v < problem.vehicles().size(); v++) {
                vehicleIndex.put(problem.vehicles().get(v).id(), v);
                sequences.add(new ArrayList<>());
            }
            for (VehicleRoute route : solution.getRoutes()) {
                List<Stop> sequence =
                        sequences.get(vehicleIndex.get(route.getVehicle().getId()));
                for (TourActivity activity : route.getActivities()) {
                    Job job = jobs.get(
                            ((TourActivity.JobActivity) activity).getJob().getId());
                    sequence.add(
                            switch (job) {
                                case Job.Shipment s ->
                                    activity.getName().startsWith("pickup") ? s.pickup() : s.delivery();
                                default -> job.stops().getFirst();
                            });
                }
            }
            List<String> unassigned = solution.getUnassignedJobs().stream()
                    .map(com.graphhopper.jsprit.core.problem.job.Job::getId)
                    .toList();
            return builder.build(sequences, unassigned);
        }
    }
}
