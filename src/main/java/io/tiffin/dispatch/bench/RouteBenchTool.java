package io.tiffin.dispatch.bench;

import io.tiffin.dispatch.Plan;
import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.internal.JspritPlanner;
import io.tiffin.dispatch.internal.PlanChecker;
import io.tiffin.platform.cli.CliTool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code route-bench FILE... [--time-limit SECONDS] [--bks FILE]}: solves Solomon and CVRPLIB
 * instances with the platform's planner, checks every route itself and prints one line per instance.
 */
public final class RouteBenchTool implements CliTool {

    @Override
    public String name() {
        return "route-bench";
    }

    @Override
    public int run(String[] args) throws Exception {
        quietSolverLogs();
        return run(args, System.out, System.err, new JspritPlanner());
    }

    int run(String[] args, PrintStream out, PrintStream err, RoutePlanner planner) throws IOException {
        List<Path> files = new ArrayList<>();
        double timeLimit = 10;
        Path bksFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> timeLimit = Double.parseDouble(args[++i]);
                case "--bks" -> bksFile = Path.of(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println("usage: route-bench FILE... [--time-limit SECONDS] [--bks FILE]");
            return 2;
        }
        Map<String, Double> bks = bksFile == null ? Map.of() : readBks(bksFile);
        Duration limit = Duration.ofMillis(Math.round(timeLimit * 1000));
        int failures = 0;
        double gapSum = 0;
        int gapCount = 0;
        for (Path file : files) {
            BenchInstance instance = read(file);
            long started = System.nanoTime();
            Plan plan = planner.plan(instance.problem(), limit);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> violations = PlanChecker.violations(instance.problem(), plan);
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%s vehicles=%d distance=%.2f seconds=%.2f",
                    instance.name(),
                    plan.vehiclesUsed(),
                    plan.distance(),
                    seconds));
            Double best = bks.get(instance.name());
            if (best != null) {
                double gap = 100 * (plan.distance() - best) / best;
                gapSum += gap;
                gapCount++;
                line.append(String.format(Locale.ROOT, " bks=%.2f gap=%.2f%%", best, gap));
            }
            if (!violations.isEmpty()) {
                failures++;
                line.append(" INFEASIBLE");
                violations.forEach(v -> err.println(instance.name() + ": " + v));
            }
            out.println(line);
            out.flush();
        }
        if (bksFile != null) {
            out.println(String.format(
                    Locale.ROOT, "average_gap=%.2f%% n=%d", gapCount == 0 ? 0 : gapSum / gapCount, gapCount));
        }
        return failures == 0 ? 0 : 1;
    }

    /** The tool prints its own lines; jsprit's progress logging would bury them. */
    static void quietSolverLogs() {
        if (LoggerFactory.getLogger("com.graphhopper.jsprit") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static BenchInstance read(Path file) throws IOException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vrp")
                ? CvrplibReader.read(file)
                : SolomonReader.read(file);
    }

    /** A CSV with a header; the instance is the first column, the value the {@code distance} column or else the last. */
    static Map<String, Double> readBks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        List<String> header = List.of(lines.getFirst().split(","));
        int column = header.contains("distance") ? header.indexOf("distance") : header.size() - 1;
        Map<String, Double> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[0].strip(), Double.parseDouble(f[column].strip()));
        }
        return out;
    }
}
