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
 * (from placement).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsKnownAnswersIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Rollups rollups;

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
        Order k2 = order(kolkata.id(), "whatsapp", c1, true, t, line("dosa", "Dosa", 1, 150), line("chai", "Chai", 1, 50));
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
        Order nTwo = order(newYork, "web", n2, true, t, line("burger", "Burger", 1, 400), line("fries", "Fries", 1, 150));
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
        s.get("topItems").forEach(i -> top.add(i.get("itemId").asString() + "x" + i.get("quantity").asLong()));
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
        assertThat(s.get("byDay").toString()).isEqualTo(
                "[{\"period\":\"2021-01-15\",\"orders\":4,\"gmv\":1250},{\"period\":\"2021-01-16\",\"orders\":3,\"gmv\":350}]");
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
        rollups.rebuild();
        assertThat(days()).isEqualTo(live);
    }

    private List<DayRollup> days() {
        List<DayRollup> mapped = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("merchantId").in(kolkata.id(), newYork))
                .with(org.springframework.data.domain.Sort.by("_id")), DayRollup.class);
        List<DayRollup> byHand = new ArrayList<>();
        mongo.getCollection(DayRollup.COLLECTION).find(new org.bson.Document("merchantId",
                new org.bson.Document("$in", List.of(kolkata.id(), newYork)))).sort(new org.bson.Document("_id", 1))
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
        assertThat(get("/api/v1/analytics/summary?from=1999-12-31&to=2000-01-02", admin).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?from=2020-01-01&to=2021-06-01", admin).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?from=yesterday&to=2021-01-15", admin).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?to=2021-01-15", admin).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/analytics/summary?from=2021-01-15&to=2021-01-16&merchantId=" + newYork,
                kolkata.ownerToken()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/analytics/summary?from=2021-01-15&to=2021-01-16&merchantId=nope", admin).statusCode())
                .isEqualTo(404);
        String staff = newStaff(kolkata);
        assertThat(get("/api/v1/analytics/summary?from=2021-01-15&to=2021-01-16", staff).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/admin/merchants", kolkata.ownerToken()).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/admin/events?state=DEAD", kolkata.ownerToken()).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/admin/analytics/rebuild", kolkata.ownerToken(), "{}").statusCode()).isEqualTo(403);
    }
}
