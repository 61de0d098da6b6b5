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
import io.tiffin.dispatch.Vehicle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lateness is minimised first and measured exactly, delays passed on along a route included. */
class LatenessObjectiveUnitTest {

    final RoutePlanner planner = new JspritPlanner(2);

    static Vehicle openRoute(String id, int start) {
        return new Vehicle(id, start, -1, TimeWindow.ALWAYS, 10, 1, 1e9, List.of());
    }

    /**
     * One driver at 0 on a line, "east" at +100 due by 100, "west" at -50 due by 240: both cannot be on
     * time. West first makes east 100 late; east first makes west only 10 late, for 50 more travel.
     * Planning the cheap stop on time and the other one "somewhere later" picks the first; least
     * lateness is the second.
     */
    @Test
    void prefersTheOrderWithLeastLatenessOverShorterTravel() {
        double[][] xy = {{0, 0}, {100, 0}, {-50, 0}};
        List<Job> jobs = List.of(
                new Job.Single("east", new Stop("east", 1, 0, TimeWindow.until(100)), 1),
                new Job.Single("west", new Stop("west", 2, 0, TimeWindow.until(240)), 1));
        for (Objective objective : List.of(Objective.DISPATCH, Objective.LATENESS_THEN_DISTANCE)) {
            PlanningProblem problem =
                    new PlanningProblem(List.of(openRoute("a", 0)), jobs, Problems.plane(xy), objective);

            Plan plan = planner.plan(problem, Duration.ofMillis(500));

            assertThat(plan.unassignedJobs()).isEmpty();
            assertThat(stops(plan.routes().getFirst())).containsExactly("east", "west");
            assertThat(plan.lateness()).isCloseTo(10, within(1e-6));
        }
    }

    /**
     * Three orders from one kitchen, one driver: every order of the six stops that keeps each pickup
     * before its drop-off is tried, and the planner must reach the least total lateness (then the least
     * distance). Lateness here comes from delays passed on: the first drop-off pushes every later one.
     */
    @Test
    void reachesTheLeastLatenessOfEveryFeasibleSequence() {
        double[][] xy = {{0, 0}, {10, 0}, {300, 0}, {-200, 0}, {0, 250}};
        List<Job.Shipment> orders = List.of(
                new Job.Shipment(
                        "o1",
                        new Stop("p1", 1, 30, new TimeWindow(0, 1e9)),
                        new Stop("d1", 2, 20, TimeWindow.until(400)),
                        1),
                new Job.Shipment(
                        "o2",
                        new Stop("p2", 1, 30, new TimeWindow(100, 1e9)),
                        new Stop("d2", 3, 20, TimeWindow.until(450)),
                        1),
                new Job.Shipment(
                        "o3",
                        new Stop("p3", 1, 30, new TimeWindow(50, 1e9)),
                        new Stop("d3", 4, 20, TimeWindow.until(500)),
                        1));
        PlanningProblem problem = new PlanningProblem(
                List.of(openRoute("a", 0)), List.copyOf(orders), Problems.plane(xy), Objective.LATENESS_THEN_DISTANCE);

        Plan plan = planner.plan(problem, Duration.ofSeconds(1));

        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        double[] best = bestByBruteForce(problem, orders);
        assertThat(plan.lateness()).isCloseTo(best[0], within(1e-6));
        assertThat(plan.distance()).isCloseTo(best[1], within(1e-6));
        assertThat(best[0]).isPositive();
    }

    @Test
    void keepsPinnedAndOnBoardJobsOnTheirDriverInAnyOrder() {
        // Two drivers at the kitchen (0). "far" is pinned to b although a is as close; a carries "near"
        // and "mid" on board, listed in the worse order.
        double[][] xy = {{0, 0}, {100, 0}, {200, 0}, {0, 300}};
        List<Job> jobs = List.of(
                new Job.Onboard("mid", new Stop("mid", 2, 0, null), 1, "a"),
                new Job.Onboard("near", new Stop("near", 1, 0, null), 1, "a"),
                new Job.Shipment("far", new Stop("far-p", 0, 0, null), new Stop("far-d", 3, 0, null), 1));
        PlanningProblem problem = new PlanningProblem(
                List.of(openRoute("a", 0), openRoute("b", 0)),
                jobs,
                Problems.plane(xy),
                Objective.LATENESS_THEN_DISTANCE,
                Map.of("far", "b"));

        Plan plan = planner.plan(problem, Duration.ofMillis(500));

        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        Plan.Route a = plan.routes().stream()
                .filter(r -> r.vehicleId().equals("a"))
                .findFirst()
                .orElseThrow();
        Plan.Route b = plan.routes().stream()
                .filter(r -> r.vehicleId().equals("b"))
                .findFirst()
                .orElseThrow();
        assertThat(stops(a)).containsExactly("near", "mid");
        assertThat(stops(b)).containsExactly("far-p", "far-d");
    }

    @Test
    void putsNewWorkAfterTheFirstCommittedStop() {
        // The driver is at 0 and already heading to the kitchen at 100; a new order waits at 0.
        double[][] xy = {{0, 0}, {100, 0}, {150, 0}, {0, 10}};
        List<Job> jobs = List.of(
                new Job.Shipment("mine", new Stop("mine-p", 1, 0, null), new Stop("mine-d", 2, 0, null), 1),
                new Job.Shipment("new", new Stop("new-p", 0, 0, null), new Stop("new-d", 3, 0, null), 1));
        PlanningProblem problem = new PlanningProblem(
                List.of(openRoute("a", 0).withCommitted(List.of("mine-p"))),
                jobs,
                Problems.plane(xy),
                Objective.LATENESS_THEN_DISTANCE);

        Plan plan = planner.plan(problem, Duration.ofMillis(500));

        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        assertThat(stops(plan.routes().getFirst()).getFirst()).isEqualTo("mine-p");
    }

    private static List<String> stops(Plan.Route route) {
        return route.visits().stream().map(Plan.Visit::stopId).toList();
    }

    /** {least lateness, least distance among those} over every sequence with pickups before drop-offs. */
    private static double[] bestByBruteForce(PlanningProblem problem, List<Job.Shipment> orders) {
        List<Stop> all = new ArrayList<>();
        orders.forEach(o -> all.addAll(o.stops()));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        PlanBuilder builder = new PlanBuilder(problem);
        permute(all, 0, sequence -> {
            for (Job.Shipment o : orders) {
                if (sequence.indexOf(o.pickup()) > sequence.indexOf(o.delivery())) {
                    return;
                }
            }
            Plan plan = builder.build(List.of(List.copyOf(sequence)), List.of());
            if (plan.lateness() < best[0] - 1e-9 || (plan.lateness() < best[0] + 1e-9 && plan.distance() < best[1])) {
                best[0] = plan.lateness();
                best[1] = plan.distance();
            }
        });
        return best;
    }

    private static void permute(List<Stop> a, int k, java.util.function.Consumer<List<Stop>> visit) {
        if (k == a.size()) {
            visit.accept(a);
            return;
        }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, visit);
            java.util.Collections.swap(a, k, i);
        }
    }
}
