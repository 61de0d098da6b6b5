package io.tiffin.dispatch.internal;

import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
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
import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.Vehicle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The route planner on Google OR-Tools' routing library: guided local search from different first
 * solutions, one independent search per core, the best answer wins. Every search is bounded by the
 * caller's time limit.
 */
public final class OrToolsPlanner implements RoutePlanner {

    /** First solutions differ per thread so that the searches explore different regions. */
    private static final List<FirstSolutionStrategy.Value> STRATEGIES = List.of(
            FirstSolutionStrategy.Value.PARALLEL_CHEAPEST_INSERTION,
            FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC,
            FirstSolutionStrategy.Value.LOCAL_CHEAPEST_INSERTION,
            FirstSolutionStrategy.Value.SAVINGS);

    private final int threads;

    public OrToolsPlanner(int threads) {
        this.threads = Math.max(1, Math.min(threads, STRATEGIES.size()));
    }

    public OrToolsPlanner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Plan plan(PlanningProblem problem, Duration timeLimit) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        OrTools.load();
        if (problem.jobs().isEmpty()) {
            return new PlanBuilder(problem).build(List.of(), List.of());
        }
        List<OrToolsModel.Result> results = new ArrayList<>();
        if (threads == 1) {
            results.add(new OrToolsModel(problem).solve(STRATEGIES.getFirst(), deadline));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "route-planner");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<OrToolsModel.Result>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    FirstSolutionStrategy.Value strategy = STRATEGIES.get(i);
                    futures.add(pool.submit(() -> new OrToolsModel(problem).solve(strategy, deadline)));
                }
                for (Future<OrToolsModel.Result> future : futures) {
                    results.add(future.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException("route planning failed", e);
            } finally {
                pool.shutdownNow();
            }
        }
        OrToolsModel.Result best = results.stream()
                .filter(r -> r.plan() != null)
                .min(Comparator.comparingLong(OrToolsModel.Result::objective))
                .orElseThrow(() -> new IllegalStateException("no feasible plan found within " + timeLimit));
        return best.plan();
    }
}
