package io.tiffin.dispatch.bench;

import io.tiffin.dispatch.internal.HaversineTravelTimes;
import io.tiffin.dispatch.internal.JspritPlanner;
import io.tiffin.dispatch.internal.PlanChecker;
import io.tiffin.dispatch.planning.DispatchPlanner;
import io.tiffin.platform.cli.CliTool;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dispatch-bench replan|evening [--option value]...}: the dispatch figures of
 * bench/dispatch/README.md. {@code replan} times whole re-plans (travel matrix, search, answer) of a busy
 * moment; {@code evening} simulates an evening with the route planner and with the nearest-idle-driver
 * baseline on the same orders.
 */
public final class DispatchBenchTool implements CliTool {

    @Override
    public String name() {
        return "dispatch-bench";
    }

    @Override
    public int run(String[] args) {
        RouteBenchTool.quietSolverLogs();
        return run(args, System.out, System.err);
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("replan") || args[0].equals("evening"))) {
            err.println(
                    "usage: dispatch-bench replan [--runs 30] [--orders 50] [--drivers 10] [--capacity 4] [--time-limit 0.7] [--seed 1]");
            err.println(
                    "       dispatch-bench evening [--orders 200] [--hours 3] [--radius 5] [--drivers 6] [--capacity 4] [--time-limit 0.7] [--seed 1] [--step 10]");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        double timeLimit = Double.parseDouble(options.getOrDefault("time-limit", "0.7"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int capacity = Integer.parseInt(options.getOrDefault("capacity", "4"));
        HaversineTravelTimes travel = new HaversineTravelTimes(1.3, 25);
        DispatchPlanner planner = new DispatchPlanner(
                new JspritPlanner(),
                travel,
                new DispatchPlanner.Settings(
                        Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofMillis(Math.round(timeLimit * 1000))));
        if (args[0].equals("replan")) {
            return replan(
                    out,
                    planner,
                    Integer.parseInt(options.getOrDefault("runs", "30")),
                    Integer.parseInt(options.getOrDefault("orders", "50")),
                    Integer.parseInt(options.getOrDefault("drivers", "10")),
                    capacity,
                    seed);
        }
        return evening(
                out,
                planner,
                travel,
                Integer.parseInt(options.getOrDefault("orders", "200")),
                Double.parseDouble(options.getOrDefault("hours", "3")),
                Double.parseDouble(options.getOrDefault("radius", "5")),
                Integer.parseInt(options.getOrDefault("drivers", "6")),
                capacity,
                seed,
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("step", "10"))));
    }

    private static int replan(
            PrintStream out, DispatchPlanner planner, int runs, int orders, int drivers, int capacity, long seed) {
        Instant now = Evening.START.plusSeconds(5400);
        // warm the JIT like a running server would be
        for (int i = 0; i < 3; i++) {
            ReplanLatency warm = ReplanLatency.moment(seed + 1000 + i, orders, drivers, capacity, now);
            planner.plan("bench", warm.drivers(), warm.deliveries(), now);
        }
        List<Double> seconds = new ArrayList<>();
        int violations = 0;
        for (int run = 0; run < runs; run++) {
            ReplanLatency moment = ReplanLatency.moment(seed + run, orders, drivers, capacity, now);
            long t0 = System.nanoTime();
            DispatchPlanner.Detailed result = planner.planInDetail("bench", moment.drivers(), moment.deliveries(), now);
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.add(s);
            int v = PlanChecker.violations(result.problem(), result.plan()).size();
            violations += v;
            out.println(String.format(
                    Locale.ROOT,
                    "run=%d seconds=%.3f unassigned=%d lateness_min=%.1f km=%.1f violations=%d",
                    run,
                    s,
                    result.dispatch().unassigned().size(),
                    result.plan().lateness() / 60,
                    result.plan().distance() / 1000,
                    v));
        }
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(null);
        out.println(String.format(
                Locale.ROOT,
                "replan orders=%d drivers=%d runs=%d p50=%.3f p95=%.3f max=%.3f violations=%d",
                orders,
                drivers,
                runs,
                percentile(sorted, 0.5),
                percentile(sorted, 0.95),
                sorted.getLast(),
                violations));
        return violations == 0 ? 0 : 1;
    }

    private static int evening(
            PrintStream out,
            DispatchPlanner planner,
            HaversineTravelTimes travel,
            int orders,
            double hours,
            double radius,
            int drivers,
            int capacity,
            long seed,
            Duration step) {
        List<Evening.Order> all = Evening.orders(seed, orders, hours, radius);
        Duration pickup = Duration.ofMinutes(3);
        Duration dropoff = Duration.ofMinutes(2);
        Duration limit = Duration.ofHours(6);
        Evening.Planned planned = new Evening.Planned(planner);
        List<Evening.Result> results = List.of(
                new Evening(drivers, capacity, travel, pickup, dropoff)
                        .run(all, new Evening.NearestIdleDriver(), step, limit),
                new Evening(drivers, capacity, travel, pickup, dropoff).run(all, planned, step, limit));
        out.println(String.format(
                Locale.ROOT,
                "evening orders=%d hours=%.1f radius_km=%.1f drivers=%d capacity=%d seed=%d step_s=%d",
                orders,
                hours,
                radius,
                drivers,
                capacity,
                seed,
                step.toSeconds()));
        out.println(
                "| policy | delivered | on time | on-time rate | mean lateness of late orders (min) | order to door, mean / p90 (min) | distance (km) | km per order |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Evening.Result r : results) {
            out.println(String.format(
                    Locale.ROOT,
                    "| %s | %d/%d | %d | %.1f%% | %.1f | %.1f / %.1f | %.1f | %.2f |",
                    r.policy(),
                    r.delivered(),
                    r.orders(),
                    r.onTime(),
                    100.0 * r.onTime() / r.orders(),
                    r.meanLateMinutes(),
                    r.meanDeliveryMinutes(),
                    r.p90DeliveryMinutes(),
                    r.km(),
                    r.km() / Math.max(1, r.delivered())));
        }
        List<Double> sorted = new ArrayList<>(planned.planSeconds);
        sorted.sort(null);
        out.println(String.format(
                Locale.ROOT,
                "plans=%d plan_seconds p50=%.3f p95=%.3f max=%.3f violations=%d",
                sorted.size(),
                percentile(sorted, 0.5),
                percentile(sorted, 0.95),
                sorted.isEmpty() ? 0 : sorted.getLast(),
                planned.violations));
        return planned.violations == 0 ? 0 : 1;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
