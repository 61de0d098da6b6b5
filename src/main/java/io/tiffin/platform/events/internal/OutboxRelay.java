package io.tiffin.platform.events.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiffin.platform.events.BatchEventHandler;
import io.tiffin.platform.events.DurableEventHandler;
import io.tiffin.platform.events.EventRelay;
import io.tiffin.platform.events.OutboxCollection;
import io.tiffin.platform.events.OutboxEntry;
import io.tiffin.platform.events.internal.DeliveryLog.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers the outboxes of every declared collection. A document's entries go in order; each entry goes
 * to every handler of its type, and is removed from the document once each of them is done or dead.
 * A failing handler is retried with backoff while its later entries of the same document wait (other
 * handlers go on), and is dead-lettered after its last attempt. Work arrives by {@link #wake} (a save),
 * by a search of every document at start and every {@code full-sweep-every}, and by a sweep every
 * {@code sweep-every} of the documents woken whose pass failed; one document is always handled on the same
 * lane, so two passes over it never overlap in one process, and claims in the delivery log keep
 * several processes apart.
 */
@Component
class OutboxRelay implements EventRelay, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 1000;
    /** Documents delivered in one pass, their store work shared. */
    private static final int PASS_BATCH = 64;

    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Outboxes outboxes;
    private final DeliveryLog deliveries;
    private final MongoTemplate mongo;
    private final List<DurableEventHandler<?>> handlers;
    private final Set<String> collections;
    private final EventsProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    private final Set<DocKey> queued = ConcurrentHashMap.newKeySet();
    private final Map<DocKey, Instant> timers = new ConcurrentHashMap<>();
    private volatile Lane[] lanes;
    private volatile ScheduledExecutorService timer;
    private volatile boolean running;
    private volatile Instant lastPurge = Instant.EPOCH;
    private volatile Instant lastFullSweep = Instant.EPOCH;
    /** Documents woken and not yet seen through by a pass, by the number of their latest wake-up. */
    private final Map<DocKey, Long> unsettled = new ConcurrentHashMap<>();

    private final AtomicLong wakes = new AtomicLong();
    private volatile long sweptUpTo;

    OutboxRelay(
            Outboxes outboxes,
            DeliveryLog deliveries,
            MongoTemplate mongo,
            List<DurableEventHandler<?>> handlers,
            List<OutboxCollection> collections,
            EventsProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.outboxes = outboxes;
        this.deliveries = deliveries;
        this.mongo = mongo;
        this.handlers = List.copyOf(handlers);
        this.collections = collections.stream().map(OutboxCollection::name).collect(Collectors.toUnmodifiableSet());
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        Set<String> names = new HashSet<>();
        for (DurableEventHandler<?> handler : handlers) {
            if (!names.add(handler.name()) || handler.name().contains("/")) {
                throw new IllegalStateException(
                        "event handler names must be unique and contain no '/': " + handler.name());
            }
        }
    }

    /** The document's key: the same document may be named by its ObjectId or by that id's string form. */
    record DocKey(String collection, Object id) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DocKey k
                    && k.collection.equals(collection)
                    && String.valueOf(k.id).equals(String.valueOf(id));
        }

        @Override
        public int hashCode() {
            return Objects.hash(collection, String.valueOf(id));
        }
    }

    boolean watches(String collection) {
        return collections.contains(collection);
    }

    @Override
    public void wake(String collection, Object documentId) {
        if (!running || documentId == null || !collections.contains(collection)) {
            return;
        }
        DocKey key = new DocKey(collection, documentId);
        unsettled.put(key, wakes.incrementAndGet());
        enqueue(key);
    }

    private void enqueue(DocKey key) {
        if (!queued.add(key)) {
            return;
        }
        Lane[] current = lanes;
        Lane lane = current[Math.floorMod(key.hashCode(), current.length)];
        lane.keys.add(key);
        if (lane.scheduled.compareAndSet(false, true)) {
            try {
                lane.executor.execute(() -> drain(lane));
            } catch (RejectedExecutionException stopping) {
                lane.keys.clear();
                queued.clear();
            }
        }
    }

    /** One thread and its queue of documents to deliver; what is queued meanwhile goes in the next pass, together. */
    private record Lane(ExecutorService executor, Queue<DocKey> keys, AtomicBoolean scheduled) {}

    private void drain(Lane lane) {
        while (true) {
            Set<DocKey> batch = new LinkedHashSet<>();
            Map<DocKey, Long> stamps = new LinkedHashMap<>();
            DocKey key;
            while (batch.size() < PASS_BATCH && (key = lane.keys.poll()) != null) {
                // the wake-up seen through by this pass, taken before a save can wake the document again
                stamps.putIfAbsent(key, unsettled.getOrDefault(key, 0L));
                queued.remove(key); // before the read: a save after it wakes the document again
                batch.add(key);
            }
            if (batch.isEmpty()) {
                lane.scheduled.set(false);
                // a key queued between the last poll and the reset found the lane still scheduled
                if (lane.keys.isEmpty() || !lane.scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                deliver(List.copyOf(batch));
                // each document is now empty of what the pass read, or has a timer for what waits
                stamps.forEach(unsettled::remove);
            } catch (RuntimeException e) {
                // the store is unreachable or similar: the next sweep comes back to these documents
                log.warn("Delivering the outboxes of {} documents failed: {}", batch.size(), e.toString());
            }
        }
    }

    /** One pass over one document's outbox. */
    void deliver(DocKey key) {
        deliver(List.of(key));
    }

    /**
     * One pass over several documents' outboxes: each document's entries in order, as if passed one by
     * one, while the store work is shared. The outboxes are read in one query per collection, the first
     * attempts of all their deliveries claimed in one insert, the handled ones recorded done in one
     * write and their entries removed in another. A crash before those writes leaves the deliveries in
     * hand until their lease ends, and they are handled again (at least once, as before).
     */
    void deliver(List<DocKey> keys) {
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        for (DocKey key : keys) {
            byCollection
                    .computeIfAbsent(key.collection(), c -> new ArrayList<>())
                    .add(key.id());
        }
        byCollection.forEach(this::deliver);
    }

    /** An entry of a document read for a pass, with the handlers it goes to. */
    private record Step(Document stored, OutboxEntry entry, List<DurableEventHandler<?>> handlers) {}

    /** A delivery claimed in a pass and handed to its batch handler with the others of the pass. */
    private record Held(Object documentId, Step step, String id, int attempt) {}

    private void deliver(String collection, List<Object> ids) {
        Map<String, Outboxes.Pending> found = outboxes.readAll(collection, ids);
        Map<Object, List<Step>> plan = new LinkedHashMap<>();
        List<DeliveryLog.Wanted> wanted = new ArrayList<>();
        Map<Object, List<Document>> removals = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Object id : ids) {
            Outboxes.Pending pending = found.get(String.valueOf(id));
            if (pending == null || pending.entries().isEmpty() || !seen.add(String.valueOf(pending.documentId()))) {
                continue;
            }
            Object documentId = pending.documentId();
            List<Step> steps = new ArrayList<>();
            for (Document stored : pending.entries()) {
                OutboxEntry entry = read(new DocKey(collection, documentId), stored);
                if (entry == null) {
                    removals.computeIfAbsent(documentId, d -> new ArrayList<>()).add(stored);
                    continue;
                }
                List<DurableEventHandler<?>> targets = handlersOf(entry, stored);
                targets.forEach(handler -> wanted.add(new DeliveryLog.Wanted(
                        entry.id(),
                        handler.name(),
                        documentId,
                        entry.event().getClass().getSimpleName())));
                steps.add(new Step(stored, entry, targets));
            }
            plan.put(documentId, steps);
        }
        Set<String> mine = deliveries.claimNew(collection, wanted, clock.instant(), properties.lease());
        List<String> done = new ArrayList<>();
        List<String> unstarted = new ArrayList<>();
        Map<Object, Instant> wakeAt = new LinkedHashMap<>();
        // deliveries to batch handlers, run after the walk; a step they hold leaves its document once they are done
        Map<BatchEventHandler<?>, List<Held>> held = new LinkedHashMap<>();
        Map<Step, Integer> outstanding = new IdentityHashMap<>();
        RuntimeException failed = null;
        try {
            for (Map.Entry<Object, List<Step>> document : plan.entrySet()) {
                Object documentId = document.getKey();
                Set<String> waiting = new HashSet<>();
                for (Step step : document.getValue()) {
                    boolean finished = true;
                    int deferred = 0;
                    for (DurableEventHandler<?> handler : step.handlers()) {
                        String id = Delivery.key(step.entry().id(), handler.name());
                        boolean claimed = mine.remove(id);
                        if (waiting.contains(handler.name())) {
                            finished = false; // an earlier entry of this document waits for the same handler
                            if (claimed) {
                                unstarted.add(id);
                            }
                            continue;
                        }
                        Instant until;
                        if (handler instanceof BatchEventHandler<?> batch) {
                            Claim claim = claimed
                                    ? new Claim.Mine(1)
                                    : deliveries.claimSeen(id, clock.instant(), properties.lease());
                            if (claim instanceof Claim.Mine taken) {
                                // a later entry of this document for the same handler goes in the same batch, after it
                                held.computeIfAbsent(batch, b -> new ArrayList<>())
                                        .add(new Held(documentId, step, id, taken.attempt()));
                                deferred++;
                                continue;
                            }
                            until = claim instanceof Claim.Busy busy ? busy.until() : null;
                        } else {
                            until = deliver(collection, documentId, step, handler, claimed, done);
                        }
                        if (until != null) {
                            waiting.add(handler.name());
                            finished = false;
                            wakeAt.merge(documentId, until, (a, b) -> a.isBefore(b) ? a : b);
                        }
                    }
                    if (finished && deferred == 0) {
                        removals.computeIfAbsent(documentId, d -> new ArrayList<>())
                                .add(step.stored());
                    } else if (finished) {
                        outstanding.put(step, deferred);
                    }
                }
            }
        } catch (RuntimeException e) {
            failed = e; // record what was handled before it, then report it
            unstarted.addAll(mine);
        }
        for (Map.Entry<BatchEventHandler<?>, List<Held>> batch : held.entrySet()) {
            for (Held h : deliverAll(collection, batch.getKey(), batch.getValue(), done, wakeAt)) {
                if (outstanding.containsKey(h.step()) && outstanding.merge(h.step(), -1, Integer::sum) == 0) {
                    removals.computeIfAbsent(h.documentId(), d -> new ArrayList<>())
                            .add(h.step().stored());
                }
            }
        }
        try {
            Instant now = clock.instant();
            deliveries.doneAll(done, now);
            deliveries.release(unstarted);
            // only after the done marks: an entry leaves its document once every handler has it
            outboxes.removeAll(
                    collection,
                    removals.keySet(),
                    removals.values().stream().flatMap(List::stream).toList());
        } catch (RuntimeException e) {
            if (failed == null) {
                failed = e;
            } else {
                failed.addSuppressed(e);
            }
        }
        wakeAt.forEach((documentId, at) -> wakeAt(new DocKey(collection, documentId), at));
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Hands a pass's deliveries to their batch handler in one call. Answers those settled (done, or dead
     * after their last attempt); the others are retried, each on its own backoff, and their documents'
     * later entries for the handler wait for them as after a failure of one.
     */
    @SuppressWarnings("unchecked")
    private List<Held> deliverAll(
            String collection,
            BatchEventHandler<?> handler,
            List<Held> batch,
            List<String> done,
            Map<Object, Instant> wakeAt) {
        try {
            ((BatchEventHandler<Object>) handler)
                    .handleAll(batch.stream().map(h -> h.step().entry().event()).toList());
            batch.forEach(h -> done.add(h.id()));
            meters.counter("tiffin.events.delivered", "handler", handler.name()).increment(batch.size());
            return batch;
        } catch (Exception e) {
            List<Held> settled = new ArrayList<>();
            for (Held h : batch) {
                try {
                    Instant next = failed(collection, h.documentId(), h.step(), handler, h.id(), h.attempt(), e);
                    if (next == null) {
                        settled.add(h);
                    } else {
                        wakeAt.merge(h.documentId(), next, (a, b) -> a.isBefore(b) ? a : b);
                    }
                } catch (RuntimeException unrecorded) {
                    // the store is unreachable: the delivery stays in hand until its lease ends
                    log.warn("Recording the failure of {} failed: {}", h.id(), unrecorded.toString());
                }
            }
            return settled;
        }
    }

    private List<DurableEventHandler<?>> handlersOf(OutboxEntry entry, Document stored) {
        String only = stored.getString(Outboxes.REDRIVE_FOR);
        List<DurableEventHandler<?>> targets = new ArrayList<>();
        for (DurableEventHandler<?> handler : handlers) {
            if (handler.eventType().isInstance(entry.event()) && (only == null || only.equals(handler.name()))) {
                targets.add(handler);
            }
        }
        return targets;
    }

    /**
     * Delivers one entry to one handler; answers when to look again, or null when it is done (its id
     * added to {@code done}, recorded with the pass) or dead.
     */
    @SuppressWarnings("unchecked")
    private Instant deliver(
            String collection,
            Object documentId,
            Step step,
            DurableEventHandler<?> handler,
            boolean claimedNew,
            List<String> done) {
        OutboxEntry entry = step.entry();
        String id = Delivery.key(entry.id(), handler.name());
        Claim claim = claimedNew ? new Claim.Mine(1) : deliveries.claimSeen(id, clock.instant(), properties.lease());
        if (claim instanceof Claim.Settled) {
            return null;
        }
        if (claim instanceof Claim.Busy busy) {
            return busy.until();
        }
        int attempt = ((Claim.Mine) claim).attempt();
        try {
            ((DurableEventHandler<Object>) handler).handle(entry.event());
            done.add(id);
            meters.counter("tiffin.events.delivered", "handler", handler.name()).increment();
            return null;
        } catch (Exception e) {
            return failed(collection, documentId, step, handler, id, attempt, e);
        }
    }

    /** Records a failed attempt: dead after the last one (answers null), else retrying (answers when). */
    private Instant failed(
            String collection,
            Object documentId,
            Step step,
            DurableEventHandler<?> handler,
            String id,
            int attempt,
            Exception e) {
        OutboxEntry entry = step.entry();
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        Instant now = clock.instant();
        if (attempt >= properties.maxAttempts()) {
            deliveries.dead(id, error, step.stored(), now);
            meters.counter("tiffin.events.dead", "handler", handler.name()).increment();
            log.warn(
                    "Event {} ({} of {} {}) is dead for handler {} after {} attempts: {}",
                    entry.id(),
                    entry.event().getClass().getSimpleName(),
                    collection,
                    documentId,
                    handler.name(),
                    attempt,
                    error);
            return null;
        }
        Instant next = now.plus(backoff(attempt));
        deliveries.retrying(id, error, next, now);
        meters.counter("tiffin.events.retried", "handler", handler.name()).increment();
        log.info(
                "Event {} failed in handler {} (attempt {}), retrying at {}: {}",
                entry.id(),
                handler.name(),
                attempt,
                next,
                error);
        return next;
    }

    private OutboxEntry read(DocKey key, Document stored) {
        try {
            return mongo.getConverter().read(OutboxEntry.class, stored);
        } catch (RuntimeException e) {
            // an event class that no longer exists: nothing here can handle it, keep it visible and move on
            String entryId = Outboxes.entryId(stored);
            deliveries.claim(
                    entryId,
                    "unreadable",
                    key.collection(),
                    key.id(),
                    "unreadable",
                    clock.instant(),
                    properties.lease());
            deliveries.dead(Delivery.key(entryId, "unreadable"), e.toString(), stored, clock.instant());
            meters.counter("tiffin.events.dead", "handler", "unreadable").increment();
            log.warn(
                    "Outbox entry {} of {} {} cannot be read, dead-lettered: {}",
                    entryId,
                    key.collection(),
                    key.id(),
                    e.toString());
            return null;
        }
    }

    Duration backoff(int attempt) {
        long base = properties.firstBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.max(1, Math.min(base, properties.maxBackoff().toMillis()));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void wakeAt(DocKey key, Instant at) {
        ScheduledExecutorService current = timer;
        if (current == null || !running) {
            return; // not started (or stopping): the next start's sweep finds the document
        }
        Instant earlier = timers.get(key);
        if (earlier != null && !earlier.isAfter(at)) {
            return;
        }
        timers.put(key, at);
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            current.schedule(
                    () -> {
                        timers.remove(key, at);
                        wake(key.collection(), key.id());
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            timers.remove(key, at);
        }
    }

    /**
     * Wakes again the documents woken before the last sweep whose pass has not been seen through (it
     * failed, or was lost); at start, and every {@code full-sweep-every}, finds every document with
     * pending entries instead, whatever its wake-up was lost to (a crash, or another process that
     * stopped). The full search reads every document of a collection where the store keeps no index
     * of pending outboxes (the embedded one), so it is not what runs every few seconds.
     */
    void sweep() {
        if (!running) {
            return;
        }
        try {
            Instant now = clock.instant();
            long upTo = sweptUpTo;
            sweptUpTo = wakes.get();
            if (Duration.between(lastFullSweep, now).compareTo(properties.fullSweepEvery()) >= 0) {
                lastFullSweep = now;
                for (String collection : collections) {
                    outboxes.withPendingEntries(collection, SWEEP_BATCH).forEach(id -> wake(collection, id));
                }
            } else {
                unsettled.forEach((key, stamp) -> {
                    if (stamp <= upTo && !timers.containsKey(key)) {
                        enqueue(key);
                    }
                });
            }
            if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
                lastPurge = now;
                deliveries.purgeDone(now.minus(properties.keepDone()));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.relay().enabled()) {
            log.info("Event relay is off: module events are stored and not delivered");
            return;
        }
        Lane[] started = new Lane[properties.threads()];
        for (int i = 0; i < started.length; i++) {
            started[i] = new Lane(
                    Executors.newSingleThreadExecutor(Thread.ofPlatform()
                            .name("event-relay-" + i)
                            .daemon()
                            .factory()),
                    new ConcurrentLinkedQueue<>(),
                    new AtomicBoolean());
        }
        lanes = started;
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("event-relay-timer").daemon().factory());
        running = true;
        timer.scheduleWithFixedDelay(this::sweep, 0, properties.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (lanes != null) {
            for (Lane lane : lanes) {
                lane.executor().shutdown();
            }
            for (Lane lane : lanes) {
                try {
                    // what is not finished by then stays in its outbox for the next start
                    lane.executor().awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        queued.clear();
        timers.clear();
        unsettled.clear();
        lastFullSweep = Instant.EPOCH; // the next start searches every document again
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
