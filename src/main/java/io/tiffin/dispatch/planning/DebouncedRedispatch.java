package io.tiffin.dispatch.planning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.dispatch.planning.DeliverySnapshot.Progress;
import io.tiffin.platform.cluster.ClusterLocks;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Re-plans a merchant's deliveries shortly after something changed. Requests for one merchant are
 * debounced (a plan starts once they stop for {@code quietPeriod}, or {@code maxWait} after the first),
 * one plan per merchant runs at a time, and a request during a plan makes one more plan after it.
 * Across instances a plan holds the merchant's {@link ClusterLocks} lock, so two instances never plan
 * one merchant at once; the second plans after the first, from what the first stored.
 * Plans run on their own threads, never the caller's, within {@code timeout}; a plan that fails or
 * times out is logged and counted ({@code tiffin.dispatch.plan.failures}) and leaves the deliveries as
 * they are: the next request plans them again.
 *
 * <p>Every {@code safetyEvery}, merchants with a delivery no available driver has, or whose drivers
 * fell {@code behindBy} behind their ETAs, are re-planned unasked: an order waiting for a driver is
 * planned as soon as one is online, even if nothing else happens.
 */
@Component
class DebouncedRedispatch implements Redispatch {

    private static final Logger log = LoggerFactory.getLogger(DebouncedRedispatch.class);
    private static final Set<Progress> UNSTARTED = Set.of(Progress.WAITING, Progress.ASSIGNED);

    /** The planner as this class uses it: replaceable in tests. */
    @FunctionalInterface
    interface Planning {
        DispatchPlan plan(
                String merchantId, List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries, Instant now);
    }

    /**
     * Keeps one merchant's plans apart across instances: two instances planning the same merchant at
     * once would each assign from a snapshot the other is about to change.
     */
    @FunctionalInterface
    interface PlanLock {

        /** One process only: the per-merchant debounce already keeps its plans apart. */
        PlanLock LOCAL = (merchantId, wait, work) -> {
            work.run();
            return true;
        };

        /** Runs {@code work} holding the merchant's lock; false, without running it, when it stayed taken for {@code wait}. */
        boolean withLock(String merchantId, Duration wait, Runnable work);
    }

    private final Supplier<DispatchState> state;
    private final Planning planning;
    private final PlanLock lock;
    private final PlanningProperties settings;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService workers;
    private final ExecutorService planners;
    private final Map<String, Merchant> merchants = new ConcurrentHashMap<>();
    /** The last plan applied per merchant, for the behind-schedule check; dropped once nothing is open. */
    private final Map<String, DispatchPlan> lastPlans = new ConcurrentHashMap<>();

    private final MeterRegistry meters;
    private final Counter errors;
    private final Counter timeouts;

    @Autowired
    DebouncedRedispatch(
            ObjectProvider<DispatchState> state,
            DispatchPlanner planner,
            PlanningProperties settings,
            ObjectProvider<MeterRegistry> meters,
            Clock clock,
            ClusterLocks locks) {
        this(
                state::getIfAvailable,
                planner::plan,
                clusterLock(locks),
                settings,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                clock);
    }

    DebouncedRedispatch(
            Supplier<DispatchState> state,
            Planning planning,
            PlanningProperties settings,
            MeterRegistry meters,
            Clock clock) {
        this(state, planning, PlanLock.LOCAL, settings, meters, clock);
    }

    DebouncedRedispatch(
            Supplier<DispatchState> state,
            Planning planning,
            PlanLock lock,
            PlanningProperties settings,
            MeterRegistry meters,
            Clock clock) {
        this.state = state;
        this.planning = planning;
        this.lock = lock;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.errors = failures(meters, "error");
        this.timeouts = failures(meters, "timeout");
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("dispatch-debounce"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), daemon("dispatch-replan"));
        this.planners = Executors.newFixedThreadPool(Math.max(1, settings.workers()), daemon("dispatch-plan"));
        long every = settings.safetyEvery().toMillis();
        if (every > 0) {
            timer.scheduleWithFixedDelay(() -> workers.execute(this::sweep), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The merchant's lock in Redis ({@code tiffin:locks:dispatch:<merchantId>}). Without Redis the plan
     * runs unlocked, as with one instance: a plan is never skipped for want of a lock.
     */
    static PlanLock clusterLock(ClusterLocks locks) {
        return (merchantId, wait, work) -> {
            try {
                return locks.withLock("dispatch:" + merchantId, wait, work);
            } catch (ClusterLocks.Unavailable e) {
                log.debug("Planning merchant {} without its cluster lock: {}", merchantId, e.getMessage());
                work.run();
                return true;
            }
        };
    }

    private static Counter failures(MeterRegistry meters, String reason) {
        return Counter.builder("tiffin.dispatch.plan.failures")
                .tag("reason", reason)
                .description("dispatch plans that failed or timed out; the deliveries were left as they were")
                .register(meters);
    }

    private Timer duration(String outcome) {
        return Timer.builder("tiffin.dispatch.plan.duration")
                .tag("outcome", outcome)
                .description("reading a merchant's deliveries, planning and storing the plan")
                .register(meters);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void request(String merchantId, String reason) {
        if (merchantId == null) {
            return;
        }
        try {
            merchants.computeIfAbsent(merchantId, Merchant::new).request(reason);
        } catch (RuntimeException e) {
            // shutting down, or the timer refused: the next request or the safety sweep plans it
            log.warn("Re-plan for merchant {} ({}) not scheduled: {}", merchantId, reason, e.toString());
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        planners.shutdownNow();
    }

    /** One merchant's debounce: pending requests, the scheduled start, and whether a plan is running. */
    private final class Merchant {

        private final String id;
        private long firstPending = -1;
        private long lastPending;
        private String reason;
        private ScheduledFuture<?> start;
        private boolean running;

        Merchant(String id) {
            this.id = id;
        }

        synchronized void request(String why) {
            long now = System.nanoTime();
            if (firstPending < 0) {
                firstPending = now;
            }
            lastPending = now;
            reason = why;
            if (!running) {
                schedule();
            }
        }

        private long due() {
            return Math.min(
                    lastPending + settings.quietPeriod().toNanos(),
                    firstPending + settings.maxWait().toNanos());
        }

        private void schedule() {
            if (start != null) {
                start.cancel(false);
            }
            start = timer.schedule(this::start, Math.max(0, due() - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        private synchronized void start() {
            if (running || firstPending < 0) {
                return;
            }
            if (System.nanoTime() < due() - 1_000_000) {
                schedule(); // a request moved the start while this one was about to run
                return;
            }
            running = true;
            firstPending = -1;
            start = null;
            String why = reason;
            try {
                workers.execute(() -> replan(this, why));
            } catch (RuntimeException e) {
                running = false;
                throw e;
            }
        }

        synchronized void done() {
            running = false;
            if (firstPending >= 0) {
                schedule();
            }
        }
    }

    private void replan(Merchant merchant, String reason) {
        boolean planned = false;
        try {
            // another instance plans it at most for the timeout; after its plan, ours reads what it stored
            planned = lock.withLock(
                    merchant.id,
                    settings.timeout().plus(settings.quietPeriod()),
                    () -> planHoldingTheLock(merchant, reason));
            if (!planned) {
                log.debug("Merchant {} stayed locked by another instance's plan; asked again", merchant.id);
            }
        } catch (RuntimeException e) {
            planned = true; // not asked again at once: the next request or the safety sweep plans it
            errors.increment();
            log.warn("Dispatch plan for merchant {} ({}) failed: deliveries left as they are", merchant.id, reason, e);
        } finally {
            merchant.done();
        }
        if (!planned && !Thread.currentThread().isInterrupted()) {
            request(merchant.id, reason);
        }
    }

    private void planHoldingTheLock(Merchant merchant, String reason) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            DispatchState deliveries = state.get();
            if (deliveries == null) {
                outcome = "skipped";
                log.debug("No dispatch state: re-plan for merchant {} skipped", merchant.id);
                return;
            }
            Instant now = clock.instant();
            List<DriverSnapshot> drivers = deliveries.availableDrivers(merchant.id);
            List<DeliverySnapshot> open = deliveries.openDeliveries(merchant.id);
            Future<DispatchPlan> planned = planners.submit(() -> planning.plan(merchant.id, drivers, open, now));
            DispatchPlan plan;
            try {
                plan = planned.get(
                        Math.max(1, settings.timeout().toNanos() - (System.nanoTime() - started)),
                        TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                planned.cancel(true);
                timeouts.increment();
                outcome = "timeout";
                log.warn(
                        "Dispatch plan for merchant {} ({}) took longer than {}: deliveries left as they are",
                        merchant.id,
                        reason,
                        settings.timeout());
                return;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            deliveries.apply(plan);
            remember(plan, open);
            outcome = "applied";
            log.debug(
                    "Planned merchant {} ({}): {} drivers, {} deliveries, {} waiting",
                    merchant.id,
                    reason,
                    drivers.size(),
                    open.size(),
                    plan.unassigned().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            errors.increment();
            log.warn("Dispatch plan for merchant {} ({}) failed: deliveries left as they are", merchant.id, reason, e);
        } finally {
            duration(outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void remember(DispatchPlan plan, List<DeliverySnapshot> open) {
        if (open.isEmpty()) {
            lastPlans.remove(plan.merchantId());
        } else {
            lastPlans.put(plan.merchantId(), plan);
        }
    }

    /** The safety re-plan: merchants with a delivery no available driver has, or far behind their plan. */
    void sweep() {
        DispatchState deliveries = state.get();
        if (deliveries == null) {
            return;
        }
        Set<String> candidates = new HashSet<>(lastPlans.keySet());
        try {
            candidates.addAll(deliveries.merchantsWithWaitingDeliveries());
        } catch (RuntimeException e) {
            log.warn("Merchants with waiting deliveries could not be read: {}", e.toString());
        }
        Instant now = clock.instant();
        for (String merchantId : candidates) {
            try {
                List<DeliverySnapshot> open = deliveries.openDeliveries(merchantId);
                if (open.isEmpty()) {
                    lastPlans.remove(merchantId);
                    continue;
                }
                Set<String> available = new HashSet<>();
                deliveries.availableDrivers(merchantId).forEach(d -> available.add(d.driverId()));
                if (open.stream()
                        .anyMatch(d -> UNSTARTED.contains(d.progress()) && !available.contains(d.driverId()))) {
                    request(merchantId, "waiting for a driver");
                } else if (behind(lastPlans.get(merchantId), open, now)) {
                    request(merchantId, "behind the plan");
                }
            } catch (RuntimeException e) {
                log.warn("Safety re-plan check for merchant {} failed: {}", merchantId, e.toString());
            }
        }
    }

    /** A stop still to do whose planned ETA passed more than {@code behindBy} ago. */
    private boolean behind(DispatchPlan plan, List<DeliverySnapshot> open, Instant now) {
        if (plan == null) {
            return false;
        }
        Instant limit = now.minus(settings.behindBy());
        Map<String, Progress> progress = new ConcurrentHashMap<>();
        open.forEach(d -> progress.put(d.deliveryId(), d.progress()));
        return plan.routes().values().stream().flatMap(List::stream).anyMatch(stop -> {
            Progress p = progress.get(stop.deliveryId());
            boolean todo = p != null && (stop.kind() == StopKind.DROPOFF || UNSTARTED.contains(p));
            return todo && stop.eta().isBefore(limit);
        });
    }
}
