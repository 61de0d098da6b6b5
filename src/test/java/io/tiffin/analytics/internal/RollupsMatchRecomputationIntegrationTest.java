package io.tiffin.analytics.internal;

import static io.tiffin.analytics.internal.SeededOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderCommand;
import io.tiffin.ordering.OrderLifecycle;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Property: whatever the sequence of order changes, and however their events arrive (late, twice,
 * other orders' in between, on parallel lanes), once every change has been delivered at least once
 * the live roll-ups equal a full recomputation from the orders. Seeded random runs, so a failure
 * names the seed that reproduces it.
 */
class RollupsMatchRecomputationIntegrationTest extends IntegrationTestSupport {

    private static final String[] CHANNELS = {"whatsapp", "web", "sms"};
    private static final SeededOrders.Line[] MENU = {
        line("dosa", "Dosa", 1, 150), line("chai", "Chai", 1, 50), line("idli", "Idli", 1, 90)
    };

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Rollups rollups;

    @Autowired
    OrderAnalytics handler;

    @Test
    void liveRollupsEqualARebuildAfterRandomEvents() throws Exception {
        String kolkata = newMerchant("Property Kolkata").id();
        String newYork = parse(postJson("/api/v1/merchants", adminToken(), """
                {"name":"Property New York","currency":"INR","timezone":"America/New_York","address":"1 Test Road",
                 "location":{"lat":40.7,"lng":-74.0}}"""))
                .get("id")
                .asString();
        SeededOrders seeded = new SeededOrders(mongo);
        ExecutorService lanes = Executors.newFixedThreadPool(4);
        try {
            for (long seed = 1; seed <= 4; seed++) {
                Random random = new Random(seed);
                List<Order> orders = new ArrayList<>();
                List<String> pending = new ArrayList<>();
                // in the future: the platform's sweep of unaccepted orders leaves them alone (it would change
                // them behind the test's back and deliver its events while the rebuild runs)
                Instant clock = Instant.parse("2031-03-0" + seed + "T16:00:00Z");
                for (int step = 0; step < 120; step++) {
                    clock = clock.plus(Duration.ofMinutes(random.nextInt(25)));
                    Order changed;
                    if (orders.isEmpty() || random.nextInt(3) == 0) {
                        SeededOrders.Line item = MENU[random.nextInt(MENU.length)];
                        // few customers, so many orders are a returning customer's
                        changed = SeededOrders.order(
                                random.nextBoolean() ? kolkata : newYork,
                                CHANNELS[random.nextInt(2)],
                                "p" + seed + "-" + random.nextInt(3),
                                random.nextBoolean(),
                                clock,
                                line(item.itemId(), item.name(), 1 + random.nextInt(3), item.unitPrice()));
                        orders.add(changed);
                    } else {
                        changed = orders.get(random.nextInt(orders.size()));
                        if (!apply(changed, random, clock)) {
                            continue;
                        }
                    }
                    seeded.store(changed);
                    pending.add(changed.id());
                    if (random.nextInt(4) == 0) {
                        // a redelivery of something already handled, or an early one handled again later
                        pending.add(pending.get(random.nextInt(pending.size())));
                    }
                    if (random.nextInt(10) == 0) {
                        deliver(pending, random, lanes);
                    }
                }
                deliver(pending, random, lanes);
                List<DayRollup> live = days(kolkata, newYork);
                rollups.rebuild();
                assertThat(days(kolkata, newYork)).as("seed " + seed).isEqualTo(live);
            }
        } finally {
            lanes.shutdownNow();
        }
    }

    /** Hands the pending deliveries to parallel lanes in a shuffled order and waits for them. */
    private void deliver(List<String> pending, Random random, ExecutorService lanes) throws Exception {
        Collections.shuffle(pending, random);
        List<Future<?>> running = new ArrayList<>();
        for (String orderId : pending) {
            running.add(lanes.submit(() -> rollups.refresh(orderId)));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pending.clear();
    }

    private static boolean apply(Order order, Random random, Instant now) {
        List<OrderCommand> allowed = new ArrayList<>(OrderLifecycle.allowed(order.status()));
        allowed.removeIf(c -> c == OrderCommand.DELIVER && order.fulfilment() == Order.FulfilmentType.PICKUP);
        if (allowed.isEmpty()) {
            return false;
        }
        Collections.sort(allowed);
        switch (allowed.get(random.nextInt(allowed.size()))) {
            case ACCEPT -> order.accept(5 + random.nextInt(35), now);
            case START_PREPARING -> order.startPreparing(now);
            case MARK_READY -> order.markReady(now);
            case HAND_OVER -> order.handOver(now);
            case DRIVER_PICK_UP -> order.pickUpByDriver(now);
            case DELIVER -> order.deliver(now);
            case REJECT -> {
                if (random.nextBoolean()) {
                    order.rejectUnaccepted("Not accepted in time", now);
                } else {
                    order.reject("Too busy", now);
                }
            }
            case CANCEL -> order.cancel("Customer asked", now);
            case CANCEL_UNDELIVERED -> order.cancelUndelivered("Nobody home", now);
        }
        return true;
    }

    private List<DayRollup> days(String... merchants) {
        return mongo.find(
                Query.query(Criteria.where("merchantId").in((Object[]) merchants))
                        .with(Sort.by("_id")),
                DayRollup.class);
    }
}
