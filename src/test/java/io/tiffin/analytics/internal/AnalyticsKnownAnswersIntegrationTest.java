package io.tiffin.analytics.internal;

import static io.tiffin.analytics.internal.SeededOrders.line;
import static io.tiffin.analytics.internal.SeededOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Seven orders of two merchants, one in Kolkata (UTC+05:30) and one in New York (UTC-05:00), around
 * the 15th/16th of January 2021, with every figure worked out by hand below. K2 is still the 15th in
 * UTC but the 16th in Kolkata; N1 is already the 16th in UTC but still the 15th in New York.
 *
 * <pre>
 * order  merchant day(local) channel  customer lines                  status     accept  prep ready pick deliver
 * K1     K        01-15      whatsapp c1       2 dosa @150 = 300      DELIVERED  +2m     20   +18m +25m  +40m (on time)
 * K2     K        01-16      whatsapp c1 (ret) 1 dosa + 1 chai = 200  DELIVERED  +1m     15   +24m +26m  +59m (late)
 * K3     K        01-15      web      w1       3 chai @50 = 150       PICKED_UP  +3m     10   +8m  pickup
 * K4     K        01-15      whatsapp c2       1 dosa = 150           REJECTED by the platform (not accepted in time)
 * N1     N        01-15      whatsapp n1       2 burger @400 = 800    DELIVERED  +4m     30   +25m +31m  +60m (on time)
 * N2     N        01-16      web      n2       burger + fries = 550   CANCELLED before acceptance
 * N3     N        01-16      whatsapp n1 (ret) 1 fries @150 = 150     ACCEPTED   +5m     10
 * </pre>
 * Times after "accept" count from acceptance except "accept" itself (from placement) and pick/deliver
 * (from placement). Drivers: Ravi delivered K1 (on time, 15 min on the road) and K2 (late, 33 min),
 * Maya N1 (on time, 29 min).
 *
 * <p>Five conversations, as their last reports say (an older report of C1 arrives after the newer one
 * and must change nothing):
 * <pre>
 * conv merchant started (UTC)     day(local) msgs notUnderstood clarif modelMsgs calls ms   cart orders lastQuestion
 * C1   K        01-15 18:20       01-15      4    1             1      1         1     400  yes  1      order_placed
 * C2   K        01-15 18:40       01-16      3    0             0      0         0     0    yes  0      address
 * C3   K        01-15 09:00       01-15      2    2             0      2         2     1000 no   0      not_understood
 * D1   N        01-16 02:00       01-15      5    0             2      1         1     200  yes  1      order_placed
 * D2   N        01-16 06:00       01-16      2    1             0      0         0     0    yes  0      confirm_cart
 * </pre>
 * C1 is 23:50 in Kolkata (the 15th), C2 00:10 (the 16th); D1 is 21:00 in New York (the 15th).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsKnownAnswersIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Rollups rollups;

    @Autowired
    ConversationRollups conversations;

    TestMerchant kolkata;
    String newYork;
    String admin;

    @BeforeAll
    void seed() {
        admin = adminToken();
        kolkata = newMerchant("Kolkata Kitchen");
        HttpResponse<String> created = postJson("/api/v1/merchants", admin, """
                {"name":"New York Grill","currency":"INR","timezone":"America/New_York","address":"1 Test Road",
                 "location":{"lat":40.7,"lng":-74.0}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        newYork = parse(created).get("id").asString();
        SeededOrders seeded = new SeededOrders(mongo);
        String c1 = "c1-" + UUID.randomUUID(), c2 = "c2-" + UUID.randomUUID(), w1 = "w1-" + UUID.randomUUID();
        String n1 = "n1-" + UUID.randomUUID(), n2 = "n2-" + UUID.randomUUID();
        List<Order> orders = new ArrayList<>();

        Instant t = Instant.parse("2021-01-15T18:00:00Z");
        Order k1 = order(kolkata.id(), "whatsapp", c1, true, t, line("dosa", "Dosa", 2, 150));
        k1.accept(20, t.plus(min(2)));
        k1.markReady(t.plus(min(20)));
        k1.pickUpByDriver(t.plus(min(25)));
        k1.deliver(t.plus(min(40)));
        orders.add(k1);

        t = Instant.parse("2021-01-15T18:45:00Z");
        Order k2 =
                order(kolkata.id(), "whatsapp", c1, true, t, line("dosa", "Dosa", 1, 150), line("chai", "Chai", 1, 50));
        k2.accept(15, t.plus(min(1)));
        k2.markReady(t.plus(min(25)));
        k2.pickUpByDriver(t.plus(min(26)));
        k2.deliver(t.plus(min(59)));
        orders.add(k2);

        t = Instant.parse("2021-01-15T10:00:00Z");
        Order k3 = order(kolkata.id(), "web", w1, false, t, line("chai", "Chai", 3, 50));
        k3.accept(10, t.plus(min(3)));
        k3.markReady(t.plus(min(11)));
        k3.handOver(t.plus(min(15)));
        orders.add(k3);

        t = Instant.parse("2021-01-15T11:00:00Z");
        Order k4 = order(kolkata.id(), "whatsapp", c2, true, t, line("dosa", "Dosa", 1, 150));
        k4.rejectUnaccepted("Not accepted in time", t.plus(min(10)));
        orders.add(k4);

        t = Instant.parse("2021-01-16T03:00:00Z");
        Order nOne = order(newYork, "whatsapp", n1, true, t, line("burger", "Burger", 2, 400));
        nOne.accept(30, t.plus(min(4)));
        nOne.markReady(t.plus(min(29)));
        nOne.pickUpByDriver(t.plus(min(31)));
        nOne.deliver(t.plus(min(60)));
        orders.add(nOne);

        t = Instant.parse("2021-01-16T06:00:00Z");
        Order nTwo =
                order(newYork, "web", n2, true, t, line("burger", "Burger", 1, 400), line("fries", "Fries", 1, 150));
        nTwo.cancel("Out of buns", t.plus(min(2)));
        orders.add(nTwo);

        t = Instant.parse("2021-01-16T07:00:00Z");
        Order nThree = order(newYork, "whatsapp", n1, true, t, line("fries", "Fries", 1, 150));
        nThree.accept(10, t.plus(min(5)));
        orders.add(nThree);

        // the live path, newest first, so the returning customers' first orders arrive last
        for (Order o : orders.reversed()) {
            seeded.store(o);
            rollups.refresh(o.id());
        }
        // the deliveries complete after the orders' own events were handled
        deliveredBy(k1, "ravi-" + kolkata.id(), "Ravi");
        deliveredBy(k2, "ravi-" + kolkata.id(), "Ravi");
        deliveredBy(nOne, "maya-" + newYork, "Maya");

        conversation(kolkata.id(), "C1", "2021-01-15T18:20:00Z", 4, 1, 1, 1, 1, 400, true, 1, "order_placed");
        conversation(kolkata.id(), "C1", "2021-01-15T18:20:00Z", 2, 1, 0, 1, 1, 400, false, 0, "which_item");
        conversation(kolkata.id(), "C2", "2021-01-15T18:40:00Z", 3, 0, 0, 0, 0, 0, true, 0, "address");
        conversation(kolkata.id(), "C3", "2021-01-15T09:00:00Z", 2, 2, 0, 2, 2, 1000, false, 0, "not_understood");
        conversation(kolkata.id(), "C3", "2021-01-15T09:00:00Z", 2, 2, 0, 2, 2, 1000, false, 0, "not_understood");
        conversation(newYork, "D1", "2021-01-16T02:00:00Z", 5, 0, 2, 1, 1, 200, true, 1, "order_placed");
        conversation(newYork, "D2", "2021-01-16T06:00:00Z", 2, 1, 0, 0, 0, 0, true, 0, "confirm_cart");
    }

    private void deliveredBy(Order order, String driverId, String driverName) {
        String deliveryId = new org.bson.types.ObjectId().toHexString();
        mongo.getCollection(Rollups.DELIVERIES)
                .insertOne(new org.bson.Document("_id", new org.bson.types.ObjectId(deliveryId))
                        .append("orderId", order.id())
                        .append("merchantId", order.merchantId())
                        .append("status", "DELIVERED")
                        .append("driverId", driverId)
                        .append("driverName", driverName)
                        .append("trackingToken", UUID.randomUUID().toString()));
        rollups.delivered(deliveryId);
    }

    private void conversation(
            String merchantId,
            String name,
            String startedAt,
            int messages,
            int notUnderstood,
            int clarifications,
            int modelMessages,
            int modelCalls,
            long modelMillis,
            boolean cart,
            int orders,
            String last) {
        Instant started = Instant.parse(startedAt);
        conversations.record(new io.tiffin.conversation.ConversationUpdated(
                merchantId + "-" + name,
                merchantId,
                "WHATSAPP",
                "customer-" + name,
                started,
                started.plus(min(messages)),
                messages,
                notUnderstood,
                clarifications,
                modelMessages,
                modelCalls,
                modelMillis,
                cart,
                orders,
                last));
    }

    private static Duration min(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    private JsonNode summary(String query, String token) {
        HttpResponse<String> response = get("/api/v1/analytics/summary?" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response);
    }

    @Test
    void bothDaysOfBothMerchants() {
        JsonNode s = summary("from=2021-01-15&to=2021-01-16", admin);
        assertThat(s.get("orders").asLong()).isEqualTo(7);
        assertThat(s.get("gmv").asLong()).isEqualTo(300 + 200 + 150 + 800 + 150);
        assertThat(s.get("currency").asString()).isEqualTo("INR");
        assertThat(s.get("averageOrderValue").asLong()).isEqualTo(320);
        assertThat(s.at("/byChannel/whatsapp/orders").asLong()).isEqualTo(5);
        assertThat(s.at("/byChannel/whatsapp/gmv").asLong()).isEqualTo(1450);
        assertThat(s.at("/byChannel/web/orders").asLong()).isEqualTo(2);
        assertThat(s.at("/byChannel/web/gmv").asLong()).isEqualTo(150);
        assertThat(s.at("/byStatus/DELIVERED").asLong()).isEqualTo(3);
        assertThat(s.at("/byStatus/PICKED_UP").asLong()).isEqualTo(1);
        assertThat(s.at("/byStatus/REJECTED").asLong()).isEqualTo(1);
        assertThat(s.at("/byStatus/CANCELLED").asLong()).isEqualTo(1);
        assertThat(s.at("/funnel/confirmed").asLong()).isEqualTo(7);
        assertThat(s.at("/funnel/paid").asLong()).isEqualTo(5);
        assertThat(s.at("/funnel/delivered").asLong()).isEqualTo(4);
        assertThat(s.get("onTimeRate").asDouble()).isEqualTo(0.6667);
        assertThat(s.at("/delivery/delivered").asLong()).isEqualTo(3);
        assertThat(s.at("/delivery/averageDeliveryMinutes").asDouble()).isEqualTo(25.7); // (15 + 33 + 29) / 3
        List<String> top = new ArrayList<>();
        s.get("topItems")
                .forEach(i -> top.add(
                        i.get("itemId").asString() + "x" + i.get("quantity").asLong()));
        assertThat(top).containsExactly("chaix4", "dosax3", "burgerx2", "friesx1");
        assertThat(s.at("/kitchen/accepted").asLong()).isEqualTo(5);
        assertThat(s.at("/kitchen/averageSecondsToAccept").asDouble()).isEqualTo(180.0);
        assertThat(s.at("/kitchen/readyLateRate").asDouble()).isEqualTo(0.25);
        assertThat(s.at("/kitchen/averagePromisedMinutes").asDouble()).isEqualTo(18.8);
        assertThat(s.at("/kitchen/averageReadyMinutes").asDouble()).isEqualTo(18.8);
        assertThat(s.at("/kitchen/autoRejections").asLong()).isEqualTo(1);
        assertThat(s.at("/customers/newCustomers").asLong()).isEqualTo(5);
        assertThat(s.at("/customers/returningOrders").asLong()).isEqualTo(2);
        assertThat(s.at("/customers/repeatRate").asDouble()).isEqualTo(0.2857);
        assertThat(s.get("byDay").toString())
                .isEqualTo(
                        "[{\"period\":\"2021-01-15\",\"orders\":4,\"gmv\":1250},{\"period\":\"2021-01-16\",\"orders\":3,\"gmv\":350}]");
    }

    @Test
    void conversationsUnderstandingAndWhereCustomersLeft() {
        JsonNode s = summary("from=2021-01-15&to=2021-01-16", admin);
        assertThat(s.at("/funnel/conversations").asLong()).isEqualTo(5);
        assertThat(s.at("/funnel/carts").asLong()).isEqualTo(4); // C1, C2, D1, D2
        assertThat(s.at("/funnel/dropOuts/0").toString())
                .isEqualTo("{\"from\":\"conversations\",\"to\":\"carts\",\"lost\":1}");
        // carts shown in conversations that placed no order: C2 and D2
        assertThat(s.at("/funnel/dropOuts/1/lost").asLong()).isEqualTo(2);
        assertThat(s.at("/funnel/leftAt").toString())
                .isEqualTo(
                        "[{\"question\":\"address\",\"conversations\":1},"
                                + "{\"question\":\"confirm_cart\",\"conversations\":1},{\"question\":\"not_understood\",\"conversations\":1}]");
        JsonNode u = s.get("understanding");
        assertThat(u.get("recorded").asBoolean()).isTrue();
        assertThat(u.get("messages").asLong()).isEqualTo(16); // 4 + 3 + 2 + 5 + 2
        assertThat(u.get("notUnderstoodRate").asDouble()).isEqualTo(0.25); // (1 + 2 + 1) / 16
        assertThat(u.get("clarificationsPerOrder").asDouble()).isEqualTo(1.5); // (1 + 2) / 2 orders placed
        assertThat(u.get("llmFallbackRate").asDouble()).isEqualTo(0.25); // (1 + 2 + 1) / 16
        assertThat(u.get("llmAverageMillis").asDouble()).isEqualTo(400.0); // (400 + 1000 + 200) / 4 calls

        JsonNode fifteenth = summary("from=2021-01-15&to=2021-01-15", admin);
        // C1 (23:50 in Kolkata), C3 and D1 (21:00 in New York); not C2 (00:10 on the 16th in Kolkata)
        assertThat(fifteenth.at("/funnel/conversations").asLong()).isEqualTo(3);
        assertThat(fifteenth.at("/funnel/carts").asLong()).isEqualTo(2);
        assertThat(fifteenth.at("/understanding/messages").asLong()).isEqualTo(11);
        assertThat(fifteenth.at("/understanding/notUnderstoodRate").asDouble()).isEqualTo(0.2727); // 3 / 11
        assertThat(fifteenth.at("/funnel/leftAt").toString())
                .isEqualTo("[{\"question\":\"not_understood\",\"conversations\":1}]");

        JsonNode own = summary("from=2021-01-15&to=2021-01-16", kolkata.ownerToken());
        assertThat(own.at("/funnel/conversations").asLong()).isEqualTo(3);
        assertThat(own.at("/understanding/clarificationsPerOrder").asDouble()).isEqualTo(1.0); // 1 / 1
        assertThat(own.at("/understanding/llmAverageMillis").asDouble()).isEqualTo(466.7); // 1400 / 3
    }

    @Test
    void perDriverDeliveries() {
        JsonNode s = summary("from=2021-01-15&to=2021-01-16", admin);
        assertThat(s.at("/delivery/perDriver").toString())
                .isEqualTo("[{\"driverId\":\"ravi-" + kolkata.id()
                        + "\",\"name\":\"Ravi\",\"deliveries\":2,\"onTimeRate\":0.5,\"averageDeliveryMinutes\":24.0},"
                        + "{\"driverId\":\"maya-" + newYork
                        + "\",\"name\":\"Maya\",\"deliveries\":1,\"onTimeRate\":1.0,"
                        + "\"averageDeliveryMinutes\":29.0}]");
        // K2 (Ravi's late one) is the 16th in Kolkata
        JsonNode fifteenth = summary("from=2021-01-15&to=2021-01-15&merchantId=" + kolkata.id(), admin);
        assertThat(fifteenth.at("/delivery/perDriver/0/deliveries").asLong()).isEqualTo(1);
        assertThat(fifteenth.at("/delivery/perDriver/0/onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(fifteenth.at("/delivery/perDriver")).hasSize(1);
    }

    @Test
    void theDayBoundaryFollowsEachMerchantsTimeZone() {
        JsonNode s = summary("from=2021-01-15&to=2021-01-15", admin);
        // K1, K3, K4 and N1; not K2 (the 16th in Kolkata) though it is the 15th in UTC
        assertThat(s.get("orders").asLong()).isEqualTo(4);
        assertThat(s.get("gmv").asLong()).isEqualTo(300 + 150 + 800);
        assertThat(s.get("averageOrderValue").asLong()).isEqualTo(417); // 1250 / 3, rounded half up
        assertThat(s.at("/byChannel/whatsapp/orders").asLong()).isEqualTo(3);
        assertThat(s.at("/byChannel/whatsapp/gmv").asLong()).isEqualTo(1100);
    }

    @Test
    void oneMerchantAndItsOwner() {
        JsonNode s = summary("from=2021-01-15&to=2021-01-16&merchantId=" + kolkata.id(), admin);
        assertThat(s.get("orders").asLong()).isEqualTo(4);
        assertThat(s.get("gmv").asLong()).isEqualTo(650);
        assertThat(s.get("onTimeRate").asDouble()).isEqualTo(0.5);
        JsonNode own = summary("from=2021-01-15&to=2021-01-16", kolkata.ownerToken());
        assertThat(own.get("merchantId").asString()).isEqualTo(kolkata.id());
        assertThat(own.get("gmv").asLong()).isEqualTo(650);
        assertThat(own.get("byMerchant")).hasSize(1);
    }

    @Test
    void aRebuildFromTheOrdersGivesTheSameDays() {
        List<DayRollup> live = days();
        List<ConversationDay> liveConversations = conversationDays();
        assertThat(live).anyMatch(d -> !d.drivers().isEmpty());
        assertThat(liveConversations).hasSize(4);
        rollups.rebuild();
        conversations.rebuild();
        assertThat(days()).isEqualTo(live);
        // no collection but the facts holds these conversations: the rebuild recomputes their days from them
        assertThat(conversationDays()).isEqualTo(liveConversations);
    }

    @Test
    void aRebuildFoldsInTheConversationASessionHoldsWhenItsReportNeverArrived() {
        TestMerchant quiet = newMerchant("Quiet Kitchen");
        Instant started = Instant.parse("2021-02-01T10:00:00Z");
        org.bson.Document conversation = new org.bson.Document();
        mongo.getConverter()
                .write(
                        new io.tiffin.conversation.ConversationUpdated(
                                "fold-" + quiet.id(),
                                quiet.id(),
                                "WEB",
                                "web-1",
                                started,
                                started.plus(min(3)),
                                3,
                                1,
                                0,
                                0,
                                0,
                                0,
                                true,
                                0,
                                "confirm_cart"),
                        conversation);
        mongo.getCollection(ConversationRollups.SESSIONS)
                .insertOne(new org.bson.Document("merchantId", quiet.id())
                        .append("channel", "WEB")
                        .append("customerId", "web-1")
                        .append("conversation", conversation));
        assertThat(summary("from=2021-02-01&to=2021-02-01&merchantId=" + quiet.id(), admin)
                        .at("/funnel/conversations")
                        .asLong())
                .isZero();
        conversations.rebuild();
        JsonNode s = summary("from=2021-02-01&to=2021-02-01&merchantId=" + quiet.id(), admin);
        assertThat(s.at("/funnel/conversations").asLong()).isEqualTo(1);
        assertThat(s.at("/funnel/carts").asLong()).isEqualTo(1);
        assertThat(s.at("/understanding/notUnderstoodRate").asDouble()).isEqualTo(0.3333);
        assertThat(s.at("/funnel/leftAt/0/question").asString()).isEqualTo("confirm_cart");
    }

    @Test
    void factsStoredTheOlderWaysAreMovedIntoDocumentsOfTheirOwnByARebuild() {
        TestMerchant busy = newMerchant("Busy Kitchen");
        Instant started = Instant.parse("2020-06-01T10:00:00Z");
        String dayId = DayRollup.idOf(busy.id(), "2020-06-01");
        java.util.function.BiFunction<String, Integer, io.tiffin.conversation.ConversationUpdated> report =
                (name, messages) -> new io.tiffin.conversation.ConversationUpdated(
                        name + "-" + busy.id(),
                        busy.id(),
                        "WHATSAPP",
                        "c-" + name,
                        started,
                        started.plus(min(messages)),
                        messages,
                        0,
                        0,
                        0,
                        0,
                        0,
                        messages > 2,
                        messages > 4 ? 1 : 0,
                        messages > 4 ? "order_placed" : "address");
        for (int i = 0; i < 20; i++) {
            conversations.record(report.apply("spread-" + i, 2));
        }
        String range = "from=2020-06-01&to=2020-06-01&merchantId=" + busy.id();
        assertThat(summary(range, admin).at("/funnel/conversations").asLong()).isEqualTo(20);

        // a day of facts as stored before the buckets (one document), with a later report of spread-0
        mongo.getCollection(ConversationRollups.FACTS)
                .insertOne(new org.bson.Document("_id", dayId)
                        .append(
                                "facts",
                                new org.bson.Document("spread-0-" + busy.id(), shared(report.apply("spread-0", 5)))
                                        .append("alone-" + busy.id(), shared(report.apply("alone", 3))))
                        .append("rev", 1L));
        // and one of the 64 documents a day was spread over since, with an older report of spread-1
        mongo.getCollection(ConversationRollups.FACTS)
                .insertOne(new org.bson.Document("_id", dayId + "#2a")
                        .append(
                                "facts",
                                new org.bson.Document("bucketed-" + busy.id(), shared(report.apply("bucketed", 1)))
                                        .append("spread-1-" + busy.id(), shared(report.apply("spread-1", 1))))
                        .append("rev", 2L));
        conversations.rebuild();

        JsonNode s = summary(range, admin);
        assertThat(s.at("/funnel/conversations").asLong()).isEqualTo(22);
        // spread-0's later report (5 messages) replaced its earlier one (2); spread-1's older one (1) changed nothing
        assertThat(s.at("/understanding/messages").asLong()).isEqualTo(19 * 2 + 5 + 3 + 1);
        assertThat(s.at("/funnel/leftAt/0/question").asString()).isEqualTo("address");
        assertThat(s.at("/funnel/leftAt/0/conversations").asLong()).isEqualTo(21);
        assertThat(mongo.getCollection(ConversationRollups.FACTS)
                        .countDocuments(new org.bson.Document(
                                "_id", new org.bson.Document("$in", List.of(dayId, dayId + "#2a")))))
                .isZero();
        assertThat(mongo.getCollection(ConversationRollups.FACTS)
                        .countDocuments(new org.bson.Document("merchantId", busy.id()).append("day", "2020-06-01")))
                .isEqualTo(22);
        // reports go on by difference from the rebuilt day
        conversations.record(report.apply("alone", 6));
        conversations.record(report.apply("new", 1));
        s = summary(range, admin);
        assertThat(s.at("/funnel/conversations").asLong()).isEqualTo(23);
        assertThat(s.at("/understanding/messages").asLong()).isEqualTo(19 * 2 + 5 + 6 + 1 + 1);
        assertThat(s.at("/funnel/leftAt/0/conversations").asLong()).isEqualTo(21);
    }

    /** A conversation's fact as earlier versions kept it among others (written by the mapping). */
    private org.bson.Document shared(io.tiffin.conversation.ConversationUpdated report) {
        org.bson.Document fact = new org.bson.Document();
        mongo.getConverter().write(ConversationFact.of(report, java.time.ZoneOffset.UTC), fact);
        fact.remove("_class");
        return fact;
    }

    @Test
    void aDayKeptInPartsByAnEarlierVersionAddsItsPartsToWhatReportsAddedSince() {
        org.bson.Document day = new org.bson.Document("_id", "m/2020-01-01")
                .append("merchantId", "m")
                .append("day", "2020-01-01")
                .append("conversations", 1L)
                .append("messages", 2L)
                .append("left", new org.bson.Document("address", 1L).append("payment", 0L))
                .append(
                        ConversationDay.PARTS,
                        new org.bson.Document(
                                        "00",
                                        new org.bson.Document("conversations", 2L)
                                                .append("messages", 5L)
                                                .append(
                                                        "leftAt",
                                                        List.of(new org.bson.Document("question", "address")
                                                                .append("conversations", 2L))))
                                .append("01", new org.bson.Document("conversations", 1L).append("messages", 1L)));
        ConversationDay read = ConversationDay.from(day);
        assertThat(read.conversations()).isEqualTo(4);
        assertThat(read.messages()).isEqualTo(8);
        assertThat(read.leftAt()).containsExactly(new ConversationDay.QuestionCount("address", 3));
    }

    /**
     * A report moves its day by the difference its fact made; the day must be what summing its facts
     * gives, through new conversations, later reports, an older report arriving late, a repeat, a
     * report whose day was never moved (a crash after the fact), one whose fact never caught up (a
     * crash after the day), and a late attempt of a report whose token was settled meanwhile.
     */
    @Test
    void daysMovedByDifferencesAreTheSumsOfTheirFacts() {
        TestMerchant busy = newMerchant("Counting Kitchen");
        Instant started = Instant.parse("2020-07-01T10:00:00Z");
        String dayId = DayRollup.idOf(busy.id(), "2020-07-01");
        java.util.function.BiFunction<Integer, Integer, io.tiffin.conversation.ConversationUpdated> report =
                (i, messages) -> new io.tiffin.conversation.ConversationUpdated(
                        "diff-" + i + "-" + busy.id(),
                        busy.id(),
                        "WHATSAPP",
                        "c-" + i,
                        started,
                        started.plus(min(messages)),
                        messages,
                        i % 3 == 0 ? 1 : 0,
                        i % 4 == 0 ? 1 : 0,
                        messages / 2,
                        1,
                        10L * messages,
                        messages > 1,
                        messages > 3 ? 1 : 0,
                        messages > 3 ? "order_placed" : i % 2 == 0 ? "confirm_cart" : "address");
        for (int i = 0; i < 150; i++) {
            conversations.record(report.apply(i, 1));
        }
        for (int i = 0; i < 150; i += 2) {
            conversations.record(report.apply(i, 4));
        }
        conversations.record(report.apply(10, 2)); // older than the stored report of 4 messages: changes nothing
        conversations.record(report.apply(12, 4)); // a repeat

        // the process died after setting a fact, before moving the day: its token stays pending
        var lost = ConversationFact.of(report.apply(7, 3), java.time.ZoneOffset.UTC);
        mongo.getCollection(ConversationRollups.FACTS)
                .updateOne(
                        new org.bson.Document("_id", ConversationRollups.idOf(lost)),
                        new org.bson.Document(
                                "$set",
                                new org.bson.Document("fact", ConversationFact.write(lost)).append("pending", "lost")));
        // and after moving the day by another fact's change, before that fact caught up
        var moved = ConversationFact.of(report.apply(9, 5), java.time.ZoneOffset.UTC);
        var counted = ConversationFact.of(report.apply(9, 1), java.time.ZoneOffset.UTC);
        ConversationDay change = ConversationDay.of(busy.id(), "2020-07-01", List.of(moved))
                .plus(ConversationDay.of(busy.id(), "2020-07-01", List.of(counted)), -1);
        mongo.getCollection(ConversationRollups.FACTS)
                .updateOne(
                        new org.bson.Document("_id", ConversationRollups.idOf(moved)),
                        new org.bson.Document(
                                "$set",
                                new org.bson.Document("fact", ConversationFact.write(moved))
                                        .append("pending", "moved")));
        assertThat(conversations.move(change, "moved")).isTrue();
        assertThat(conversations.move(change, "moved"))
                .as("a token moves its day once")
                .isFalse();

        conversations.record(report.apply(7, 3)); // delivered again, as the relay does after a crash
        conversations.record(report.apply(9, 5));
        // the attempt that set "lost" wakes up late: its token was cancelled when the fact was settled
        var late = ConversationDay.of(busy.id(), "2020-07-01", List.of(lost));
        assertThat(conversations.move(late, "lost")).isFalse();
        for (int i = 1; i < 150; i += 10) {
            conversations.record(report.apply(i, 5));
        }

        List<ConversationFact> all = new ArrayList<>();
        mongo.getCollection(ConversationRollups.FACTS)
                .find(new org.bson.Document("merchantId", busy.id()).append("day", "2020-07-01"))
                .forEach(f -> {
                    assertThat(f.get("pending")).as(f.getString("_id")).isNull();
                    assertThat(f.get("counted")).as(f.getString("_id")).isEqualTo(f.get("fact"));
                    all.add(ConversationFact.read(
                            f.getString("_id"), busy.id(), "2020-07-01", f.get("fact", org.bson.Document.class)));
                });
        assertThat(all).hasSize(150);
        org.bson.Document day = mongo.getCollection(ConversationDay.COLLECTION)
                .find(new org.bson.Document("_id", dayId).append("merchantId", busy.id()))
                .first();
        ConversationDay expected = ConversationDay.of(busy.id(), "2020-07-01", all);
        assertThat(ConversationDay.from(day)).isEqualTo(expected);
        assertThat(ConversationDay.from(day).messages())
                .isEqualTo(150 + 75 * (4 - 1) + (3 - 1) + (5 - 1) + 15 * (5 - 1));
        // the tokens of settled reports do not pile up in the day: a later write removes them
        assertThat(day.get(ConversationRollups.APPLIED, org.bson.Document.class).size())
                .as(day.toJson())
                .isLessThanOrEqualTo(3);

        conversations.rebuild();
        day = mongo.getCollection(ConversationDay.COLLECTION)
                .find(new org.bson.Document("_id", dayId).append("merchantId", busy.id()))
                .first();
        assertThat(ConversationDay.from(day)).isEqualTo(expected);
    }

    /**
     * Reports of the same conversations from four threads at once, in every order (as several relay
     * workers, or a delivery retried while the first is still under way): settling each other's
     * pending tokens, they still move the day exactly by the last report of each conversation.
     */
    @Test
    void reportsOfTheSameConversationsAtOnceMoveTheDayOnceEach() throws Exception {
        TestMerchant busy = newMerchant("Crowded Kitchen");
        Instant started = Instant.parse("2020-08-01T10:00:00Z");
        java.util.function.BiFunction<Integer, Integer, io.tiffin.conversation.ConversationUpdated> report =
                (i, messages) -> new io.tiffin.conversation.ConversationUpdated(
                        "crowd-" + i + "-" + busy.id(),
                        busy.id(),
                        "WHATSAPP",
                        "c-" + i,
                        started,
                        started.plus(min(messages)),
                        messages,
                        messages % 2,
                        0,
                        0,
                        0,
                        0,
                        messages > 2,
                        messages > 4 ? 1 : 0,
                        messages > 4 ? "order_placed" : messages % 2 == 0 ? "confirm_cart" : "address");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                java.util.Random random = new java.util.Random(t);
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < 30; i++) {
                            var r = report.apply(i, 1 + random.nextInt(5));
                            for (int attempt = 0; ; attempt++) {
                                try {
                                    conversations.record(r);
                                    break;
                                } catch (IllegalStateException busyFact) {
                                    assertThat(attempt).isLessThan(20); // the relay would deliver it again
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var d : done) {
                d.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // every conversation once more with its last report, as each one's own relay order ends
        for (int i = 0; i < 30; i++) {
            conversations.record(report.apply(i, 5));
        }
        List<ConversationFact> last = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            last.add(ConversationFact.of(report.apply(i, 5), java.time.ZoneOffset.UTC));
        }
        org.bson.Document day = mongo.getCollection(ConversationDay.COLLECTION)
                .find(new org.bson.Document("_id", DayRollup.idOf(busy.id(), "2020-08-01"))
                        .append("merchantId", busy.id()))
                .first();
        assertThat(ConversationDay.from(day)).isEqualTo(ConversationDay.of(busy.id(), "2020-08-01", last));
    }

    private List<ConversationDay> conversationDays() {
        List<ConversationDay> days = new ArrayList<>();
        mongo.getCollection(ConversationDay.COLLECTION)
                .find(new org.bson.Document("merchantId", new org.bson.Document("$in", List.of(kolkata.id(), newYork))))
                .sort(new org.bson.Document("_id", 1))
                .forEach(d -> days.add(ConversationDay.from(d)));
        return days;
    }

    private List<DayRollup> days() {
        List<DayRollup> mapped = mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("merchantId")
                                        .in(kolkata.id(), newYork))
                        .with(org.springframework.data.domain.Sort.by("_id")),
                DayRollup.class);
        List<DayRollup> byHand = new ArrayList<>();
        mongo.getCollection(DayRollup.COLLECTION)
                .find(new org.bson.Document("merchantId", new org.bson.Document("$in", List.of(kolkata.id(), newYork))))
                .sort(new org.bson.Document("_id", 1))
                .forEach(d -> byHand.add(DayRollup.from(d)));
        // the summary reads roll-ups by hand: it must read what the mapping wrote
        assertThat(byHand).isEqualTo(mapped);
        return mapped;
    }

    @Test
    void badRangesAndOtherMerchantsAreRefused() {
        HttpResponse<String> reversed = get("/api/v1/analytics/summary?from=2021-01-16&to=2021-01-15", admin);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(parse(reversed).at("/problems/0/path").asString()).isEqualTo("from");
        assertThat(get("/api/v1/analytics/summary?from=1999-12-31&to=2000-01-02", admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?from=2020-01-01&to=2021-06-01", admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?from=yesterday&to=2021-01-15", admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?to=2021-01-15", admin).statusCode())
                .isEqualTo(400);
        assertThat(get(
                                "/api/v1/analytics/summary?from=2021-01-15&to=2021-01-16&merchantId=" + newYork,
                                kolkata.ownerToken())
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/analytics/summary?from=2021-01-15&to=2021-01-16&merchantId=nope", admin)
                        .statusCode())
                .isEqualTo(404);
        String staff = newStaff(kolkata);
        assertThat(get("/api/v1/analytics/summary?from=2021-01-15&to=2021-01-16", staff)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/merchants", kolkata.ownerToken()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/events?state=DEAD", kolkata.ownerToken()).statusCode())
                .isEqualTo(403);
        assertThat(postJson("/api/v1/admin/analytics/rebuild", kolkata.ownerToken(), "{}")
                        .statusCode())
                .isEqualTo(403);
    }
}
