package io.tiffin.platform.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.events.BatchEventHandler;
import io.tiffin.platform.events.DurableEventHandler;
import io.tiffin.platform.events.OutboxCollection;
import io.tiffin.platform.events.OutboxEntry;
import io.tiffin.platform.events.internal.Delivery.State;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay against the real store, run pass by pass on a clock the test moves, so retries are due
 * when the test says and no assertion depends on timing.
 */
class OutboxRelayIntegrationTest extends IntegrationTestSupport {

    private static final String COLLECTION = "relay_test_aggregates";

    /** An aggregate as a module would store it: its state and its outbox. */
    static class Aggregate {
        @Id
        String id;

        String name;
        List<OutboxEntry> outbox = new ArrayList<>();
    }

    /** A second event type, which only {@code other} handles. */
    record Renamed(String aggregateId, String name, Instant at) {}

    /** Fails its first {@code failures} calls, then succeeds; remembers every event it was handed. */
    static final class Recording<E> implements DurableEventHandler<E> {
        final String name;
        final Class<E> type;
        final List<E> calls = new CopyOnWriteArrayList<>();
        int failures;

        Recording(String name, Class<E> type, int failures) {
            this.name = name;
            this.type = type;
            this.failures = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<E> eventType() {
            return type;
        }

        @Override
        public void handle(E event) {
            calls.add(event);
            if (failures-- > 0) {
                throw new IllegalStateException("provider down");
            }
        }
    }

    /** Takes a pass's events at once; fails its first {@code failures} calls. */
    static final class Batching implements BatchEventHandler<Renamed> {
        final List<List<Renamed>> calls = new CopyOnWriteArrayList<>();
        int failures;

        Batching(int failures) {
            this.failures = failures;
        }

        @Override
        public String name() {
            return "test.batching";
        }

        @Override
        public Class<Renamed> eventType() {
            return Renamed.class;
        }

        @Override
        public void handleAll(List<Renamed> events) {
            calls.add(List.copyOf(events));
            if (failures-- > 0) {
                throw new IllegalStateException("store down");
            }
        }
    }

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private org.springframework.context.ConfigurableApplicationContext context;

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Outboxes outboxes;
    private DeliveryLog deliveries;

    @BeforeEach
    void store() {
        outboxes = new Outboxes(mongo);
        deliveries = new DeliveryLog(mongo);
    }

    private OutboxRelay relay(List<DurableEventHandler<?>> handlers, int maxAttempts) {
        return relay(outboxes, handlers, maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(10), clock);
    }

    /** A relay of its own on the test's collection: one lane, a one-minute lease, first backoff 1 s. */
    private OutboxRelay relay(
            Outboxes store,
            List<DurableEventHandler<?>> handlers,
            int maxAttempts,
            Duration maxBackoff,
            Duration fullSweepEvery,
            Clock at) {
        EventsProperties properties = new EventsProperties(
                new EventsProperties.Relay(true),
                maxAttempts,
                Duration.ofSeconds(1),
                maxBackoff,
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                1,
                Duration.ofDays(7),
                fullSweepEvery);
        return new OutboxRelay(
                store, deliveries, mongo, handlers, List.of(new OutboxCollection(COLLECTION)), properties, meters, at);
    }

    private static OrderStatusChanged changed(String orderId, OrderStatus from, OrderStatus to) {
        Instant at = Instant.parse("2026-11-30T10:15:30.123Z");
        return new OrderStatusChanged(
                orderId,
                "m1",
                "1001",
                from,
                to,
                "because",
                at.plusSeconds(900),
                "WHATSAPP",
                "9198",
                Order.FulfilmentType.DELIVERY,
                at,
                "hi",
                true);
    }

    private Aggregate saved(Object... events) {
        Aggregate aggregate = new Aggregate();
        aggregate.id = UUID.randomUUID().toString();
        aggregate.name = "first";
        for (Object event : events) {
            aggregate.outbox.add(OutboxEntry.of(event, clock.instant()));
        }
        mongo.save(aggregate, COLLECTION);
        return aggregate;
    }

    private List<OutboxEntry> outboxOf(Aggregate aggregate) {
        return mongo.findById(aggregate.id, Aggregate.class, COLLECTION).outbox;
    }

    private void pass(OutboxRelay relay, Aggregate aggregate) {
        relay.deliver(new OutboxRelay.DocKey(COLLECTION, aggregate.id));
    }

    @Test
    void eventRecordsWithInstantsAndEnumsComeBackFromTheStoreAsTheyWent() {
        OrderStatusChanged event = changed("o-1", OrderStatus.PLACED, OrderStatus.ACCEPTED);
        Renamed renamed = new Renamed("a-1", "second", clock.instant());
        Aggregate aggregate = saved(event, renamed);

        assertThat(outboxOf(aggregate)).extracting(OutboxEntry::event).containsExactly(event, renamed);
        assertThat(outboxOf(aggregate))
                .extracting(OutboxEntry::id)
                .containsExactlyElementsOf(
                        aggregate.outbox.stream().map(OutboxEntry::id).toList());
    }

    @Test
    void aHandlerFailingTwiceIsCalledThreeTimesTheOtherOnceAndLaterEntriesWaitTheirTurn() {
        Recording<OrderStatusChanged> flaky = new Recording<>("test.flaky", OrderStatusChanged.class, 2);
        Recording<Object> other = new Recording<>("test.other", Object.class, 0);
        OutboxRelay relay = relay(List.of(flaky, other), 8);
        OrderStatusChanged accepted = changed("o-2", OrderStatus.PLACED, OrderStatus.ACCEPTED);
        OrderStatusChanged ready = changed("o-2", OrderStatus.ACCEPTED, OrderStatus.READY);
        Renamed renamed = new Renamed("a-2", "second", clock.instant());
        Aggregate aggregate = saved(accepted, ready, renamed);

        pass(relay, aggregate);
        // the flaky handler's retry is not due yet: a pass now changes nothing for it
        pass(relay, aggregate);
        assertThat(flaky.calls).containsExactly(accepted);
        assertThat(other.calls).containsExactly(accepted, ready, renamed);
        assertThat(outboxOf(aggregate)).extracting(OutboxEntry::event).containsExactly(accepted, ready);

        clock.advance(Duration.ofMinutes(1));
        pass(relay, aggregate);
        clock.advance(Duration.ofMinutes(1));
        pass(relay, aggregate);

        assertThat(flaky.calls).containsExactly(accepted, accepted, accepted, ready);
        assertThat(other.calls).containsExactly(accepted, ready, renamed);
        assertThat(outboxOf(aggregate)).isEmpty();
        String entryId = aggregate.outbox.get(0).id();
        assertThat(deliveries.find(Delivery.key(entryId, "test.flaky")))
                .satisfies(d -> assertThat(d.state()).isEqualTo(State.DONE))
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(3));
        assertThat(deliveries.find(Delivery.key(entryId, "test.other")).attempts())
                .isEqualTo(1);
        assertThat(meters.counter("tiffin.events.retried", "handler", "test.flaky")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void onePassOverSeveralDocumentsKeepsEachDocumentsOrderAndItsWaitingEntriesUnclaimed() {
        Recording<OrderStatusChanged> flaky = new Recording<>("test.batch.flaky", OrderStatusChanged.class, 1);
        Recording<Object> other = new Recording<>("test.batch.other", Object.class, 0);
        OutboxRelay relay = relay(List.of(flaky, other), 8);
        OrderStatusChanged accepted = changed("o-6", OrderStatus.PLACED, OrderStatus.ACCEPTED);
        OrderStatusChanged ready = changed("o-6", OrderStatus.ACCEPTED, OrderStatus.READY);
        Aggregate first = saved(accepted, ready);
        Renamed renamed = new Renamed("a-9", "batched", clock.instant());
        Aggregate second = saved(renamed);
        OrderStatusChanged cancelled = changed("o-7", OrderStatus.PLACED, OrderStatus.CANCELLED);
        Aggregate third = saved(cancelled);
        List<OutboxRelay.DocKey> all = List.of(
                new OutboxRelay.DocKey(COLLECTION, first.id),
                new OutboxRelay.DocKey(COLLECTION, second.id),
                new OutboxRelay.DocKey(COLLECTION, third.id));

        relay.deliver(all);

        // the flaky handler failed on the first document's first entry: its second waits, and is not left claimed
        assertThat(flaky.calls).containsExactly(accepted, cancelled);
        assertThat(other.calls).containsExactly(accepted, ready, renamed, cancelled);
        assertThat(outboxOf(first)).extracting(OutboxEntry::event).containsExactly(accepted, ready);
        assertThat(deliveries.find(Delivery.key(first.outbox.get(1).id(), "test.batch.flaky")))
                .isNull();
        assertThat(outboxOf(second)).isEmpty();
        assertThat(outboxOf(third)).isEmpty();
        assertThat(deliveries.find(Delivery.key(third.outbox.get(0).id(), "test.batch.flaky")))
                .satisfies(d -> assertThat(d.state()).isEqualTo(State.DONE))
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));

        clock.advance(Duration.ofMinutes(1));
        relay.deliver(all);

        assertThat(flaky.calls).containsExactly(accepted, cancelled, accepted, ready);
        assertThat(other.calls).containsExactly(accepted, ready, renamed, cancelled);
        assertThat(outboxOf(first)).isEmpty();
        assertThat(deliveries.find(Delivery.key(first.outbox.get(1).id(), "test.batch.flaky")))
                .satisfies(d -> assertThat(d.state()).isEqualTo(State.DONE))
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
    }

    @Test
    void aPassThatDiedAfterItsClaimsIsDeliveredAgainOnceTheirLeaseIsOver() {
        Recording<Renamed> handler = new Recording<>("test.batch.crash", Renamed.class, 0);
        OutboxRelay relay = relay(List.of(handler), 8);
        Renamed renamed = new Renamed("a-10", "claimed", clock.instant());
        Aggregate aggregate = saved(renamed);
        // a pass claimed the first attempt, then its process died before handling or recording it
        assertThat(deliveries.claimNew(
                        COLLECTION,
                        List.of(new DeliveryLog.Wanted(
                                aggregate.outbox.get(0).id(), "test.batch.crash", aggregate.id, "Renamed")),
                        clock.instant(),
                        Duration.ofMinutes(1)))
                .hasSize(1);

        pass(relay, aggregate);
        assertThat(handler.calls).isEmpty();
        assertThat(outboxOf(aggregate)).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        pass(relay, aggregate);
        assertThat(handler.calls).containsExactly(renamed);
        assertThat(outboxOf(aggregate)).isEmpty();
        assertThat(deliveries.find(Delivery.key(aggregate.outbox.get(0).id(), "test.batch.crash")))
                .satisfies(d -> assertThat(d.state()).isEqualTo(State.DONE))
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    }

    @Test
    void aHandlerThatAlwaysFailsIsDeadLetteredAndARedriveDeliversItToThatHandlerOnly() {
        Recording<OrderStatusChanged> broken =
                new Recording<>("test.broken", OrderStatusChanged.class, Integer.MAX_VALUE);
        Recording<OrderStatusChanged> fine = new Recording<>("test.fine", OrderStatusChanged.class, 0);
        OutboxRelay relay = relay(List.of(broken, fine), 3);
        OrderStatusChanged cancelled = changed("o-3", OrderStatus.PLACED, OrderStatus.CANCELLED);
        Aggregate aggregate = saved(cancelled);
        String id = Delivery.key(aggregate.outbox.get(0).id(), "test.broken");

        for (int i = 0; i < 3; i++) {
            pass(relay, aggregate);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(broken.calls).hasSize(3);
        assertThat(fine.calls).hasSize(1);
        assertThat(outboxOf(aggregate)).isEmpty();
        Delivery dead = deliveries.find(id);
        assertThat(dead.state()).isEqualTo(State.DEAD);
        assertThat(dead.lastError()).contains("provider down");
        assertThat(dead.documentId()).isEqualTo(aggregate.id);
        assertThat(deliveries.inState(State.DEAD, 1000))
                .extracting(Delivery::id)
                .contains(id);
        assertThat(meters.counter("tiffin.events.dead", "handler", "test.broken")
                        .count())
                .isEqualTo(1);

        broken.failures = 0;
        assertThat(new Redrive(deliveries, outboxes, relay, clock).redrive(id)).isTrue();
        assertThat(outboxOf(aggregate)).extracting(OutboxEntry::event).containsExactly(cancelled);
        pass(relay, aggregate);

        assertThat(broken.calls).hasSize(4).allMatch(cancelled::equals);
        assertThat(fine.calls).hasSize(1);
        assertThat(outboxOf(aggregate)).isEmpty();
        assertThat(deliveries.find(id).state()).isEqualTo(State.DONE);
        assertThat(new Redrive(deliveries, outboxes, relay, clock).redrive(id)).isFalse();
    }

    @Test
    void aDeliveryInAnotherWorkersHandsWaitsForItsLeaseAndIsTakenOverAfterACrash() {
        Recording<OrderStatusChanged> handler = new Recording<>("test.lease", OrderStatusChanged.class, 0);
        OutboxRelay relay = relay(List.of(handler), 8);
        OrderStatusChanged ready = changed("o-4", OrderStatus.PREPARING, OrderStatus.READY);
        Aggregate aggregate = saved(ready);
        // a worker claimed it, then its process died before recording the outcome
        deliveries.claim(
                aggregate.outbox.get(0).id(),
                "test.lease",
                COLLECTION,
                aggregate.id,
                "OrderStatusChanged",
                clock.instant(),
                Duration.ofMinutes(1));

        pass(relay, aggregate);
        assertThat(handler.calls).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        pass(relay, aggregate);
        assertThat(handler.calls).containsExactly(ready);
        assertThat(outboxOf(aggregate)).isEmpty();
    }

    @Test
    void anEntryNoHandlerWantsIsRemovedAndTheAggregateIsNotRewritten() {
        OutboxRelay relay = relay(List.of(new Recording<>("test.none", Renamed.class, 0)), 8);
        Aggregate aggregate = saved(changed("o-5", OrderStatus.READY, OrderStatus.PICKED_UP));

        pass(relay, aggregate);

        Document stored = mongo.getCollection(COLLECTION)
                .find(new Document("_id", aggregate.id))
                .first();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.getString("name")).isEqualTo("first");
    }

    @Test
    void savingAnAggregateWakesTheRelayWithoutWaitingForTheSweep() {
        Recording<Renamed> handler = new Recording<>("test.woken", Renamed.class, 0);
        OutboxRelay relay =
                relay(outboxes, List.of(handler), 8, Duration.ofHours(1), Duration.ofMinutes(10), Clock.systemUTC());
        OutboxSaveListener listener = new OutboxSaveListener(relay);
        Renamed beforeStart = new Renamed("a-7", "canary", clock.instant());
        saved(beforeStart);
        context.addApplicationListener(listener);
        relay.start();
        try {
            // the sweep at start finds what was stored before; the next one is an hour away
            await().atMost(Duration.ofSeconds(20)).until(() -> handler.calls.contains(beforeStart));
            Renamed afterStart = new Renamed("a-8", "woken", clock.instant());
            Aggregate aggregate = saved(afterStart);

            await().atMost(Duration.ofSeconds(20)).until(() -> handler.calls.contains(afterStart));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> outboxOf(aggregate).isEmpty());
        } finally {
            relay.stop();
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void theSweepFindsOnlyDocumentsWithPendingEntries() {
        OutboxRelay relay = relay(List.of(), 8);
        Aggregate pending = saved(new Renamed("a-6", "x", clock.instant()));
        Aggregate empty = saved();

        List<Object> found = outboxes.withPendingEntries(COLLECTION, 10_000);

        assertThat(found).contains(pending.id).doesNotContain(empty.id);
        assertThat(relay.watches(COLLECTION)).isTrue();
    }

    @Test
    void aBatchHandlerGetsEveryEventOfAPassInOneCallAndAFailedBatchIsRetriedWhole() {
        Batching batching = new Batching(1);
        Recording<Renamed> single = new Recording<>("test.single", Renamed.class, 0);
        OutboxRelay relay = relay(List.of(batching, single), 8);
        Renamed a1 = new Renamed("a-20", "one", clock.instant());
        Renamed a2 = new Renamed("a-20", "two", clock.instant());
        Renamed b1 = new Renamed("a-21", "one", clock.instant());
        Aggregate first = saved(a1, a2);
        Aggregate second = saved(b1);
        List<OutboxRelay.DocKey> both =
                List.of(new OutboxRelay.DocKey(COLLECTION, first.id), new OutboxRelay.DocKey(COLLECTION, second.id));

        relay.deliver(both);

        assertThat(batching.calls).containsExactly(List.of(a1, a2, b1));
        assertThat(single.calls).containsExactly(a1, a2, b1);
        assertThat(outboxOf(first)).hasSize(2);
        assertThat(outboxOf(second)).hasSize(1);
        assertThat(deliveries.find(Delivery.key(first.outbox.get(0).id(), "test.batching")))
                .satisfies(d -> assertThat(d.state()).isEqualTo(State.RETRYING));

        clock.advance(Duration.ofMinutes(1));
        relay.deliver(both);

        assertThat(batching.calls).containsExactly(List.of(a1, a2, b1), List.of(a1, a2, b1));
        assertThat(single.calls).containsExactly(a1, a2, b1);
        assertThat(outboxOf(first)).isEmpty();
        assertThat(outboxOf(second)).isEmpty();
        assertThat(deliveries.find(Delivery.key(first.outbox.get(1).id(), "test.batching")))
                .satisfies(d -> assertThat(d.state()).isEqualTo(State.DONE))
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(meters.counter("tiffin.events.delivered", "handler", "test.batching")
                        .count())
                .isEqualTo(3);
    }

    @Test
    void aPassThatFailedIsTriedAgainByTheSweepWithoutSearchingEveryDocument() {
        java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean storeDown = new java.util.concurrent.atomic.AtomicBoolean();
        Outboxes flaky = new Outboxes(mongo) {
            @Override
            java.util.Map<String, Pending> readAll(String collection, java.util.Collection<Object> ids) {
                if (storeDown.getAndSet(false)) {
                    throw new IllegalStateException("store unreachable");
                }
                return super.readAll(collection, ids);
            }

            @Override
            List<Object> withPendingEntries(String collection, int limit) {
                searches.incrementAndGet();
                return super.withPendingEntries(collection, limit);
            }
        };
        Recording<Renamed> handler = new Recording<>("test.swept", Renamed.class, 0);
        OutboxRelay relay =
                relay(flaky, List.of(handler), 8, Duration.ofHours(1), Duration.ofHours(1), Clock.systemUTC());
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> searches.get() == 1); // the search at start
            Renamed renamed = new Renamed("a-22", "lost", clock.instant());
            Aggregate aggregate = saved(renamed);
            storeDown.set(true);
            relay.wake(COLLECTION, aggregate.id);
            await().atMost(Duration.ofSeconds(20)).until(() -> !storeDown.get());

            relay.sweep(); // woken after the last sweep: its pass may still be under way
            relay.sweep();

            await().atMost(Duration.ofSeconds(20)).until(() -> handler.calls.contains(renamed));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> outboxOf(aggregate).isEmpty());
            assertThat(searches).hasValue(1);
        } finally {
            relay.stop();
        }
    }
}
