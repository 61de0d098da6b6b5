package io.tiffin.analytics.internal;

import io.tiffin.ordering.Order;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The numbers of bench/analytics/README.md: 100,000 orders over 50 merchants on the embedded store,
 * a full rebuild, the summary of 30 days (all merchants, and one) and of a year over HTTP, and the live
 * path's cost per event. Not a test (surefire does not pick the name up); run it on purpose:
 * {@code ./mvnw -o test -Dtest=AnalyticsBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders=100000}
 */
class AnalyticsBench extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Rollups rollups;

    @Autowired
    ConversationRollups conversations;

    @Test
    void bench() {
        int orders = Integer.getInteger("bench.orders", 100_000);
        int merchantCount = Integer.getInteger("bench.merchants", 50);
        String admin = adminToken();
        List<String> merchants = new ArrayList<>();
        for (int i = 0; i < merchantCount; i++) {
            HttpResponse<String> created = postJson(
                    "/api/v1/merchants", admin, """
                    {"name":"Bench %d","currency":"INR","timezone":"%s","address":"1 Test Road","location":{"lat":12.97,"lng":77.59}}""".formatted(i, i % 5 == 0 ? "America/New_York" : "Asia/Kolkata"));
            merchants.add(parse(created).get("id").asString());
        }
        Random random = new Random(42);
        Instant start = Instant.parse("2025-09-01T00:00:00Z");
        long seeded = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        List<Document> deliveries = new ArrayList<>();
        List<String> sampleIds = new ArrayList<>();
        for (int n = 0; n < orders; n++) {
            Instant at = start.plusSeconds(random.nextInt(90 * 86_400));
            Order order = SeededOrders.order(
                    merchants.get(random.nextInt(merchantCount)),
                    random.nextInt(4) == 0 ? "web" : "whatsapp",
                    "bench-" + random.nextInt(2_000),
                    random.nextBoolean(),
                    at,
                    SeededOrders.line(
                            "item" + random.nextInt(30), "Item", 1 + random.nextInt(3), 50 + random.nextInt(400)));
            if (random.nextInt(10) > 0) {
                order.accept(10 + random.nextInt(30), at.plus(Duration.ofMinutes(random.nextInt(5))));
                order.markReady(at.plus(Duration.ofMinutes(20 + random.nextInt(30))));
                if (order.fulfilment() == Order.FulfilmentType.DELIVERY) {
                    order.pickUpByDriver(at.plus(Duration.ofMinutes(50)));
                    order.deliver(at.plus(Duration.ofMinutes(60 + random.nextInt(40))));
                    int driver = random.nextInt(5);
                    deliveries.add(new Document("_id", new org.bson.types.ObjectId())
                            .append("orderId", order.id())
                            .append("merchantId", order.merchantId())
                            .append("status", "DELIVERED")
                            .append("driverId", order.merchantId() + "-driver" + driver)
                            .append("driverName", "Driver " + driver)
                            .append("trackingToken", java.util.UUID.randomUUID().toString()));
                } else {
                    order.handOver(at.plus(Duration.ofMinutes(55)));
                }
            } else {
                order.rejectUnaccepted("Not accepted in time", at.plus(Duration.ofMinutes(10)));
            }
            Document document = new Document();
            mongo.getConverter().write(order, document);
            document.remove("outbox");
            document.remove("_class");
            batch.add(document);
            if (sampleIds.size() < 200 && random.nextInt(100) == 0) {
                sampleIds.add(order.id());
            }
            if (batch.size() == 1_000) {
                mongo.getCollection(Rollups.ORDERS).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(Rollups.ORDERS).insertMany(batch);
        }
        for (int i = 0; i < deliveries.size(); i += 1_000) {
            mongo.getCollection(Rollups.DELIVERIES)
                    .insertMany(deliveries.subList(i, Math.min(deliveries.size(), i + 1_000)));
        }
        // one session per customer and merchant, each holding its current conversation (what a rebuild folds in)
        int conversationCount = Integer.getInteger("bench.conversations", 20_000);
        String[] questions = {"confirm_cart", "address", "payment", "which_item", "not_understood", "what_to_order"};
        for (int n = 0; n < conversationCount; n++) {
            Instant at = start.plusSeconds(random.nextInt(90 * 86_400));
            String merchantId = merchants.get(random.nextInt(merchantCount));
            int messages = 1 + random.nextInt(8);
            int calls = random.nextInt(4) == 0 ? 1 : 0;
            boolean ordered = random.nextInt(3) > 0;
            Document conversation = new Document();
            mongo.getConverter()
                    .write(
                            new io.tiffin.conversation.ConversationUpdated(
                                    "bench-conv-" + n,
                                    merchantId,
                                    "WHATSAPP",
                                    "bench-conv-" + n,
                                    at,
                                    at.plusSeconds(60L * messages),
                                    messages,
                                    random.nextInt(2),
                                    random.nextInt(2),
                                    calls,
                                    calls,
                                    calls * (200L + random.nextInt(600)),
                                    ordered || random.nextBoolean(),
                                    ordered ? 1 : 0,
                                    ordered ? "order_placed" : questions[random.nextInt(questions.length)]),
                            conversation);
            conversation.remove("_class");
            batch.add(new Document("_id", new org.bson.types.ObjectId())
                    .append("merchantId", merchantId)
                    .append("channel", "WHATSAPP")
                    .append("customerId", "bench-conv-" + n)
                    .append("conversation", conversation));
            if (batch.size() == 1_000) {
                mongo.getCollection(ConversationRollups.SESSIONS).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(ConversationRollups.SESSIONS).insertMany(batch);
            batch.clear();
        }
        print(
                "seeded %d orders (%d deliveries) and %d sessions with a conversation over %d merchants in %.1f s",
                orders, deliveries.size(), conversationCount, merchantCount, (System.nanoTime() - seeded) / 1e9);

        long rebuilt = System.nanoTime();
        long read = rollups.rebuild();
        print(
                "full rebuild of the order roll-ups (drivers included): %d orders read, %d day roll-ups, %.1f s",
                read, mongo.getCollection(DayRollup.COLLECTION).countDocuments(), (System.nanoTime() - rebuilt) / 1e9);
        long folded = System.nanoTime();
        long sessions = conversations.rebuild();
        print(
                "rebuild of the conversation days: %d sessions folded in, %d conversation days, %.1f s",
                sessions,
                mongo.getCollection(ConversationDay.COLLECTION).countDocuments(),
                (System.nanoTime() - folded) / 1e9);

        LocalDate from = LocalDate.parse("2025-10-01");
        timed(
                "summary 30 days, all merchants (HTTP)",
                () -> get("/api/v1/analytics/summary?from=" + from + "&to=" + from.plusDays(29), admin));
        timed(
                "summary 30 days, one merchant (HTTP)",
                () -> get(
                        "/api/v1/analytics/summary?from=" + from + "&to=" + from.plusDays(29) + "&merchantId="
                                + merchants.get(7),
                        admin));
        timed(
                "summary 366 days, all merchants (HTTP)",
                () -> get("/api/v1/analytics/summary?from=2025-06-01&to=2026-06-01", admin));
        long[] live = new long[sampleIds.size()];
        for (int i = 0; i < live.length; i++) {
            long t = System.nanoTime();
            rollups.refresh(sampleIds.get(i));
            live[i] = System.nanoTime() - t;
        }
        report("live path, one order event (refresh)", live);
    }

    private void timed(String what, Runnable call) {
        for (int i = 0; i < 10; i++) {
            call.run();
        }
        long[] times = new long[100];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            call.run();
            times[i] = System.nanoTime() - t;
        }
        report(what, times);
    }

    private static void report(String what, long[] nanos) {
        if (nanos.length == 0) {
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        print(
                "%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCH " + String.format(Locale.ROOT, format, args));
    }
}
