package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.Vehicle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the dispatch-sized timing quoted in bench/routing/README.md (timings stay out of unit
 * tests). 30 pickup-delivery pairs and 8 drivers are planned; each used driver then commits to its first
 * two stops, five new orders arrive, and the whole thing is re-planned within the given limit.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:<test classpath> io.tiffin.dispatch.internal.ReplanTiming [seconds] [seeds]}
 */
public final class ReplanTiming {

    public static void main(String[] args) {
        Duration limit = Duration.ofMillis(Math.round(1000 * (args.length > 0 ? Double.parseDouble(args[0]) : 0.8)));
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        JspritPlanner planner = new JspritPlanner();
        planner.plan(Problems.dispatch(30, 8, 999), limit); // warm the JIT like a running server would be
        for (int seed = 1; seed <= seeds; seed++) {
            PlanningProblem larger = Problems.dispatch(35, 8, seed);
            PlanningProblem first = new PlanningProblem(
                    larger.vehicles(), larger.jobs().subList(0, 30), larger.matrix(), larger.objective());
            long t0 = System.nanoTime();
            Plan plan = planner.plan(first, limit);
            double planSeconds = (System.nanoTime() - t0) / 1e9;

            List<Vehicle> vehicles = new ArrayList<>();
            for (Vehicle vehicle : first.vehicles()) {
                List<String> committed = plan.routes().stream()
                        .filter(r -> r.vehicleId().equals(vehicle.id()))
                        .flatMap(r -> r.visits().stream().limit(2))
                        .map(Plan.Visit::stopId)
                        .toList();
                vehicles.add(vehicle.withCommitted(committed));
            }
            List<Job> jobs = new ArrayList<>(larger.jobs());
            PlanningProblem replan = new PlanningProblem(vehicles, jobs, larger.matrix(), larger.objective());
            long t1 = System.nanoTime();
            Plan next = planner.plan(replan, limit);
            double replanSeconds = (System.nanoTime() - t1) / 1e9;

            System.out.println(String.format(
                    Locale.ROOT,
                    "seed=%d plan: seconds=%.2f drivers=%d unassigned=%d lateness=%.0f | replan(+5 orders, %d committed stops): "
                            + "seconds=%.2f drivers=%d unassigned=%d lateness=%.0f violations=%d",
                    seed,
                    planSeconds,
                    plan.vehiclesUsed(),
                    plan.unassignedJobs().size(),
                    plan.lateness(),
                    vehicles.stream().mapToInt(v -> v.committed().size()).sum(),
                    replanSeconds,
                    next.vehiclesUsed(),
                    next.unassignedJobs().size(),
                    next.lateness(),
                    PlanChecker.violations(replan, next).size()));
        }
    }
}
