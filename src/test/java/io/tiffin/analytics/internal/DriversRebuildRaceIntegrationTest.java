package io.tiffin.analytics.internal;

import static io.tiffin.analytics.internal.SeededOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A rebuild clears the drivers copied beside the orders ({@value Rollups#ORDER_DRIVERS}) and copies
 * them again from the completed deliveries, while deliveries keep being completed and their events
 * copy drivers too: no completed delivery's driver is lost, and the live days' per-driver figures come
 * out equal to a quiet recount.
 */
class DriversRebuildRaceIntegrationTest extends IntegrationTestSupport {

    private static final int LANES = 3;
    /** Delivered orders of another merchant, so the rebuild spends a while copying drivers. */
    private static final int OTHER_ORDERS = 300;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Rollups rollups;

    @Test
    void driversOfDeliveriesCompletedDuringARebuildAreAllKept() throws Exception {
        String merchantId = newMerchant("Drivers Rebuilt While Busy").id();
        SeededOrders seeded = new SeededOrders(mongo);
        // in the future: the platform's sweep of unaccepted orders leaves them alone
        Instant opening = Instant.parse("2031-07-10T05:00:00Z");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Map<String, String> driverOf = new ConcurrentHashMap<>(); // order id -> driver id
        otherMerchant(seeded, opening);
        for (int i = 0; i < 3; i++) {
            deliveredOrder(seeded, merchantId, 0, i, opening, driverOf, failures);
        }
        rollups.rebuild();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger duringRebuilds = new AtomicInteger();
        List<Thread> lanes = new ArrayList<>();
        for (int l = 0; l < LANES; l++) {
            int lane = l;
            lanes.add(Thread.ofPlatform().start(() -> {
                // each lane completes its own deliveries, one event after another, as the relay does
                int rounds = 0;
                while (rebuilding.get() || rounds < 2) {
                    if (!deliveredOrder(seeded, merchantId, lane, 100 + rounds, opening, driverOf, failures)) {
                        return;
                    }
                    if (rebuilding.get()) {
                        duringRebuilds.incrementAndGet();
                    }
                    rounds++;
                }
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
        assertThat(duringRebuilds)
                .as("deliveries completed while the rebuilds ran")
                .hasPositiveValue();
        driverOf.forEach((orderId, driverId) -> {
            Document copied = mongo.getCollection(Rollups.ORDER_DRIVERS)
                    .find(new Document("_id", orderId))
                    .first();
            assertThat(copied == null ? null : copied.getString("driverId"))
                    .as("the driver of order %s", orderId)
                    .isEqualTo(driverId);
        });
        List<DayRollup> live = days(merchantId);
        assertThat(live).hasSize(1);
        assertThat(live.get(0).drivers().stream()
                        .mapToLong(DayRollup.DriverTotal::deliveries)
                        .sum())
                .isEqualTo(driverOf.size());
        rollups.rebuild(); // a quiet recount from the orders and deliveries themselves
        assertThat(days(merchantId)).isEqualTo(live);
    }

    /**
     * A delivery order taken all the way to delivered, its own events handled, then its delivery
     * completed by one of the lane's two drivers and that event handled.
     */
    private boolean deliveredOrder(
            SeededOrders seeded,
            String merchantId,
            int lane,
            int n,
            Instant opening,
            Map<String, String> driverOf,
            List<Throwable> failures) {
        Instant placed = opening.plus(Duration.ofSeconds(n * (long) LANES + lane));
        Order order = SeededOrders.order(
                merchantId, "WHATSAPP", "l" + lane + "-" + n % 3, true, placed, line("dosa", "Dosa", 2, 12_000));
        order.accept(15, placed.plus(Duration.ofMinutes(1)));
        order.startPreparing(placed.plus(Duration.ofMinutes(2)));
        order.markReady(placed.plus(Duration.ofMinutes(12)));
        order.pickUpByDriver(placed.plus(Duration.ofMinutes(14)));
        order.deliver(placed.plus(Duration.ofMinutes(30)));
        seeded.store(order);
        if (!RaceReports.deliver(() -> rollups.refresh(order.id()), failures)) {
            return false;
        }
        String driverId = "driver-" + lane + "-" + n % 2 + "-" + merchantId;
        ObjectId deliveryId = new ObjectId();
        mongo.getCollection(Rollups.DELIVERIES)
                .insertOne(new Document("_id", deliveryId)
                        .append("orderId", order.id())
                        .append("merchantId", merchantId)
                        .append("status", "DELIVERED")
                        .append("driverId", driverId)
                        .append("driverName", "Driver " + lane)
                        .append("trackingToken", UUID.randomUUID().toString()));
        driverOf.put(order.id(), driverId);
        return RaceReports.deliver(() -> rollups.delivered(deliveryId.toHexString()), failures);
    }

    /** Delivered orders of another merchant on one day, their drivers copied. */
    private void otherMerchant(SeededOrders seeded, Instant opening) {
        String other = newMerchant("Many Deliveries Kitchen").id();
        List<Document> deliveries = new ArrayList<>();
        for (int i = 0; i < OTHER_ORDERS; i++) {
            Order order = SeededOrders.order(
                    other,
                    "WHATSAPP",
                    "o" + i,
                    true,
                    opening.plus(Duration.ofSeconds(i)),
                    line("dosa", "Dosa", 1, 12_000));
            seeded.store(order);
            deliveries.add(new Document("_id", new ObjectId())
                    .append("orderId", order.id())
                    .append("merchantId", other)
                    .append("status", "DELIVERED")
                    .append("driverId", "other-" + i % 7)
                    .append("driverName", "Other")
                    .append("trackingToken", UUID.randomUUID().toString()));
        }
        mongo.getCollection(Rollups.DELIVERIES).insertMany(deliveries);
    }

    private List<DayRollup> days(String merchantId) {
        return mongo.find(
                Query.query(Criteria.where("merchantId").is(merchantId)).with(Sort.by("_id")), DayRollup.class);
    }
}
