package io.tiffin.analytics.internal;

import static io.tiffin.analytics.internal.SeededOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A rebuild of the order days while order events of the same day keep arriving: every day is fenced
 * before the orders are read, so an event is neither written into a day that is then replaced by an
 * older reading (lost) nor left out. The live days come out equal to a quiet recount from the orders.
 */
class OrderRebuildRaceIntegrationTest extends IntegrationTestSupport {

    private static final int LANES = 3;
    /** Days of another merchant, so the rebuild spends a while reading and writing days. */
    private static final int OTHER_DAYS = 300;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Rollups rollups;

    @Test
    void orderEventsOfADayBeingRebuiltAreAllCounted() throws Exception {
        String merchantId = newMerchant("Orders Rebuilt While Busy").id();
        SeededOrders seeded = new SeededOrders(mongo);
        // in the future: the platform's sweep of unaccepted orders leaves them alone
        Instant opening = Instant.parse("2031-05-10T05:00:00Z");
        otherDays(seeded);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            for (int i = 0; i < 4; i++) {
                Order order = order(merchantId, lane, i, opening, new Random(i));
                seeded.store(order);
                assertThat(RaceReports.deliver(() -> rollups.refresh(order.id()), failures))
                        .isTrue();
            }
        }
        rollups.rebuild(); // the other merchant's days exist before the rebuilds below: they are fenced first

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Thread> lanes = new ArrayList<>();
        int[] created = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            int lane = l;
            lanes.add(Thread.ofPlatform().start(() -> {
                // each lane changes its own orders and places new ones, one event after another, as the relay does
                Random random = new Random(lane);
                List<Order> mine = new ArrayList<>();
                int rounds = 0;
                while (rebuilding.get() || rounds < 2) {
                    Order order = order(merchantId, lane, 100 + rounds, opening, random);
                    mine.add(order);
                    seeded.store(order);
                    if (!RaceReports.deliver(() -> rollups.refresh(order.id()), failures)) {
                        return;
                    }
                    for (Order changed : mine) {
                        if (advance(changed, opening.plus(Duration.ofMinutes(30 + rounds)))) {
                            seeded.store(changed);
                            if (!RaceReports.deliver(() -> rollups.refresh(changed.id()), failures)) {
                                return;
                            }
                            break;
                        }
                    }
                    rounds++;
                }
                created[lane] = rounds;
            }));
        }
        try {
            for (int i = 0; i < 2; i++) {
                rollups.rebuild();
            }
        } finally {
            rebuilding.set(false);
        }
        for (Thread lane : lanes) {
            lane.join(60_000);
        }

        assertThat(failures).isEmpty();
        List<DayRollup> live = days(merchantId);
        long orders = LANES * 4L;
        for (int rounds : created) {
            orders += rounds;
        }
        assertThat(live).hasSize(1);
        assertThat(live.get(0).orders()).isEqualTo(orders);
        assertThat(mongo.getCollection(Rollups.DAY_FACTS)
                        .countDocuments(new Document(DayFences.FENCE, new Document("$exists", true))))
                .as("no fence left")
                .isZero();
        rollups.rebuild(); // a quiet recount from the orders themselves
        assertThat(days(merchantId)).isEqualTo(live);
    }

    /**
     * A rebuild that died after fencing a day and writing it from an older reading: the fence runs out,
     * and the next event of the day takes it over and recounts the day from the orders.
     */
    @Test
    void aFenceLeftByARebuildThatDiedIsTakenOverByTheNextEvent() {
        String merchantId = newMerchant("Order Rebuild Died Kitchen").id();
        SeededOrders seeded = new SeededOrders(mongo);
        Instant opening = Instant.parse("2031-06-02T05:00:00Z");
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Order order = order(merchantId, 0, i, opening, new Random(i));
            seeded.store(order);
            rollups.refresh(order.id());
            orders.add(order);
        }
        String dayId = DayRollup.idOf(merchantId, days(merchantId).get(0).day());
        // the died rebuild's reading held one order fewer, and its fence was never lifted
        Document stale = mongo.getCollection(Rollups.DAY_FACTS)
                .find(new Document("_id", dayId))
                .first();
        stale.get("facts", Document.class).remove(orders.get(2).id());
        stale.put(
                DayFences.FENCE,
                new Document("token", "died").append("until", new java.util.Date(System.currentTimeMillis() - 1_000)));
        mongo.getCollection(Rollups.DAY_FACTS).replaceOne(new Document("_id", dayId), stale);

        advance(orders.get(0), opening.plus(Duration.ofMinutes(20)));
        seeded.store(orders.get(0));
        rollups.refresh(orders.get(0).id());

        List<DayRollup> live = days(merchantId);
        assertThat(live.get(0).orders()).isEqualTo(3);
        assertThat(live.get(0).accepted()).isEqualTo(1);
        assertThat(mongo.getCollection(Rollups.DAY_FACTS)
                        .find(new Document("_id", dayId))
                        .first())
                .doesNotContainKey(DayFences.FENCE);
        rollups.rebuild();
        assertThat(days(merchantId)).isEqualTo(live);
    }

    /** A pickup order of the lane's few customers (so some are returning), placed on the test's day. */
    private static Order order(String merchantId, int lane, int n, Instant opening, Random random) {
        return SeededOrders.order(
                merchantId,
                "WHATSAPP",
                "l" + lane + "-" + random.nextInt(3),
                false,
                opening.plus(Duration.ofSeconds(n * (long) LANES + lane)),
                line("dosa", "Dosa", 1 + random.nextInt(3), 12_000),
                line("chai", "Chai", 1, 3_000));
    }

    /** One step along a pickup's way; false when it is done. */
    private static boolean advance(Order order, Instant now) {
        switch (order.status()) {
            case PLACED -> order.accept(15, now);
            case ACCEPTED -> order.startPreparing(now);
            case PREPARING -> order.markReady(now);
            case READY -> order.handOver(now);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** One order on each of many days of another merchant. */
    private void otherDays(SeededOrders seeded) {
        String other = newMerchant("Many Order Days Kitchen").id();
        for (int d = 0; d < OTHER_DAYS; d++) {
            seeded.store(SeededOrders.order(
                    other,
                    "WHATSAPP",
                    "o" + d,
                    false,
                    Instant.parse("2030-01-01T06:00:00Z").plus(Duration.ofDays(d)),
                    line("dosa", "Dosa", 1, 12_000)));
        }
    }

    private List<DayRollup> days(String merchantId) {
        return mongo.find(
                Query.query(Criteria.where("merchantId").is(merchantId)).with(Sort.by("_id")), DayRollup.class);
    }
}
