package io.tiffin.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TimeWindow;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.Vehicle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutePlannerUnitTest {

    static final Duration LIMIT = Duration.ofSeconds(1);

    final RoutePlanner planner = new JspritPlanner(2);

    @Test
    void findsTheBruteForceOptimumOfATinyInstance() {
        double[][] xy = {{50, 50}, {10, 80}, {20, 20}, {90, 85}, {75, 15}, {40, 95}, {95, 50}};
        int[] demand = {0, 4, 3, 5, 2, 4, 3};
        double[][] windows = {{0, 400}, {0, 150}, {0, 400}, {100, 250}, {0, 400}, {0, 120}, {50, 300}};
        TravelMatrix matrix = Problems.plane(xy);
        List<Job> jobs = new ArrayList<>();
        for (int i = 1; i < xy.length; i++) {
            jobs.add(new Job.Single(
                    "c" + i, new Stop("c" + i, i, 10, new TimeWindow(windows[i][0], windows[i][1])), demand[i]));
        }
        List<Vehicle> vehicles =
                List.of(Vehicle.of("a", 0, new TimeWindow(0, 400), 12), Vehicle.of("b", 0, new TimeWindow(0, 400), 12));
        PlanningProblem problem = new PlanningProblem(vehicles, jobs, matrix, Objective.DISTANCE);

        Plan plan = planner.plan(problem, LIMIT);

        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        assertThat(plan.distance())
                .isCloseTo(bruteForce(xy.length - 1, demand, windows, matrix, 12, 400), within(1e-6));
    }

    @Test
    void returnsFeasibleDispatchPlans() {
        PlanningProblem problem = Problems.dispatch(12, 4, 7);

        Plan plan = planner.plan(problem, LIMIT);

        assertThat(plan.unassignedJobs()).isEmpty();
        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        Map<String, String> vehicleOfStop = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (Plan.Route route : plan.routes()) {
            for (int i = 0; i < route.visits().size(); i++) {
                vehicleOfStop.put(route.visits().get(i).stopId(), route.vehicleId());
                position.put(route.visits().get(i).stopId(), i);
            }
        }
        for (Job job : problem.jobs()) {
            Job.Shipment shipment = (Job.Shipment) job;
            assertThat(vehicleOfStop.get(shipment.pickup().id()))
                    .isEqualTo(vehicleOfStop.get(shipment.delivery().id()));
            assertThat(position.get(shipment.pickup().id()))
                    .isLessThan(position.get(shipment.delivery().id()));
        }
    }

    @Test
    void respectsShiftEndsAndCapacityWhenWorkIsTight() {
        double[][] xy = {{0, 0}, {100, 0}, {0, 100}, {100, 100}, {50, 50}};
        TravelMatrix matrix = Problems.plane(xy);
        List<Job> jobs = List.of(
                new Job.Single("j1", new Stop("s1", 1, 0, null), 2),
                new Job.Single("j2", new Stop("s2", 2, 0, null), 2),
                new Job.Single("j3", new Stop("s3", 3, 0, null), 2),
                new Job.Single("j4", new Stop("s4", 4, 0, null), 2));
        // Each driver can carry two jobs and must be back within 350: the far corner pairs with the centre.
        List<Vehicle> vehicles =
                List.of(Vehicle.of("a", 0, new TimeWindow(0, 350), 4), Vehicle.of("b", 0, new TimeWindow(0, 350), 4));
        PlanningProblem problem = new PlanningProblem(vehicles, jobs, matrix, Objective.DISTANCE);

        Plan plan = planner.plan(problem, LIMIT);

        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        assertThat(plan.vehiclesUsed()).isEqualTo(2);
        assertThat(plan.routes())
                .allSatisfy(route -> assertThat(route.returnTime()).isLessThanOrEqualTo(350));
    }

    @Test
    void usesFewerDriversBeforeShorterTravelInDispatch() {
        double[][] xy = {{0, 0}, {100, 0}, {-100, 0}};
        List<Job> jobs = List.of(
                new Job.Single("east", new Stop("east", 1, 0, null), 1),
                new Job.Single("west", new Stop("west", 2, 0, null), 1));
        List<Vehicle> vehicles = List.of(
                new Vehicle("a", 0, -1, TimeWindow.ALWAYS, 5, 1, 1e6, List.of()),
                new Vehicle("b", 0, -1, TimeWindow.ALWAYS, 5, 1, 1e6, List.of()));
        PlanningProblem problem = new PlanningProblem(vehicles, jobs, Problems.plane(xy), Objective.DISPATCH);

        Plan plan = planner.plan(problem, LIMIT);

        assertThat(plan.vehiclesUsed()).isEqualTo(1);
        assertThat(plan.travelTime()).isCloseTo(300, within(1e-9));
    }

    @Test
    void replanningKeepsAcceptedAndPickedUpStopsFixed() {
        PlanningProblem first = Problems.dispatch(10, 3, 11);
        Plan plan = planner.plan(first, LIMIT);
        assertThat(PlanChecker.violations(first, plan)).isEmpty();

        // driver-2 accepted order-0 and order-1 in this order, and has already picked up order-2.
        Job.Shipment order0 = oneBag((Job.Shipment) first.jobs().get(0));
        Job.Shipment order1 = oneBag((Job.Shipment) first.jobs().get(1));
        Job.Shipment order2 = oneBag((Job.Shipment) first.jobs().get(2));
        List<String> committed = List.of(
                order0.pickup().id(),
                order1.pickup().id(),
                order0.delivery().id(),
                order1.delivery().id());
        List<Job> jobs = new ArrayList<>(first.jobs());
        jobs.set(0, order0);
        jobs.set(1, order1);
        jobs.set(2, new Job.Onboard(order2.id(), order2.delivery(), order2.size(), "driver-2"));
        // Same seed, more pairs: the first ten pairs and their locations are the same, four orders are new.
        PlanningProblem larger = Problems.dispatch(14, 3, 11);
        jobs.addAll(larger.jobs().subList(10, 14).stream()
                .map(j -> (Job.Shipment) j)
                .map(s -> new Job.Shipment("new-" + s.id(), rename(s.pickup()), rename(s.delivery()), s.size()))
                .toList());
        List<Vehicle> vehicles = new ArrayList<>(first.vehicles());
        vehicles.set(2, vehicles.get(2).withCommitted(committed));
        PlanningProblem replan = new PlanningProblem(vehicles, jobs, larger.matrix(), Objective.DISPATCH);

        Plan next = planner.plan(replan, LIMIT);

        assertThat(PlanChecker.violations(replan, next)).isEmpty();
        Plan.Route driver2 = next.routes().stream()
                .filter(r -> r.vehicleId().equals("driver-2"))
                .findFirst()
                .orElseThrow();
        List<String> stops = driver2.visits().stream().map(Plan.Visit::stopId).toList();
        assertThat(stops)
                .containsSubsequence(committed)
                .contains(order2.delivery().id());
        assertThat(next.routes().stream().flatMap(r -> r.visits().stream()).map(Plan.Visit::jobId))
                .contains("new-order-10", "new-order-13");
    }

    private static Job.Shipment oneBag(Job.Shipment s) {
        return new Job.Shipment(s.id(), s.pickup(), s.delivery(), 1);
    }

    private static Stop rename(Stop stop) {
        return new Stop("new-" + stop.id(), stop.location(), stop.serviceTime(), stop.window());
    }

    /** Every solution with two vehicles: a permutation of the customers split in two. */
    private static double bruteForce(
            int n, int[] demand, double[][] windows, TravelMatrix m, int capacity, double horizon) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i + 1;
        }
        double[] best = {Double.MAX_VALUE};
        permute(order, 0, () -> {
            for (int split = 0; split <= n; split++) {
                double a = route(order, 0, split, demand, windows, m, capacity, horizon);
                double b = route(order, split, n, demand, windows, m, capacity, horizon);
                best[0] = Math.min(best[0], a + b);
            }
        });
        return best[0];
    }

    private static double route(
            int[] order,
            int from,
            int to,
            int[] demand,
            double[][] windows,
            TravelMatrix m,
            int capacity,
            double horizon) {
        double time = 0;
        double distance = 0;
        int load = 0;
        int at = 0;
        for (int k = from; k < to; k++) {
            int c = order[k];
            time = Math.max(time + m.duration(at, c), windows[c][0]);
            if (time > windows[c][1]) {
                return Double.MAX_VALUE / 4;
            }
            distance += m.distance(at, c);
            load += demand[c];
            time += 10;
            at = c;
        }
        time += m.duration(at, 0);
        distance += m.distance(at, 0);
        return load > capacity || time > horizon ? Double.MAX_VALUE / 4 : distance;
    }

    private static void permute(int[] a, int k, Runnable visit) {
        if (k == a.length) {
            visit.run();
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, visit);
            t = a[k];
            a[k] = a[i];
            a[i] = t;
        }
    }
}
