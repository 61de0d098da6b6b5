package io.tiffin.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * The delivery API end to end on the real stores: shifts and location pings, assignment, the taps on
 * each stop in and out of order, the code check, isolation between drivers, merchants and tracking
 * links. Deliveries are created the way the order's ACCEPTED event creates them.
 */
class DeliveryApiIntegrationTest extends IntegrationTestSupport {

    private static final String CODE = "2468";

    @Autowired
    private Ordering ordering;

    @Autowired
    private DeliveryService deliveryService;

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private MongoTemplate mongo;

    private TestMerchant merchant;
    private String driver;

    @BeforeEach
    void merchantWithADriverOnShift() {
        merchant = newMerchant("Delivery Kitchen");
        stubGraphApi(merchant);
        driver = newDriver(merchant);
        goOnShift(driver, 12.9700, 77.5900);
    }

    @Test
    void locationsOutOfRangeInTheFutureOrTooOftenAreRefusedAndChangeNothing() {
        String other = newDriver(merchant);
        assertThat(putJson("/api/v1/driver/shift", other, "{\"online\":true}").statusCode())
                .isEqualTo(200);

        assertThat(postJson("/api/v1/driver/location", other, "{\"lat\":91,\"lng\":77.59}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/driver/location", other, "{\"lat\":12.97,\"lng\":-181}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/driver/location", other, "{\"lng\":77.59}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> future = postJson(
                "/api/v1/driver/location",
                other,
                "{\"lat\":12.97,\"lng\":77.59,\"at\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(parse(future).at("/problems/0/path").asString()).isEqualTo("at");
        assertThat(absent(fleetEntry(other).path("location"))).isTrue();

        assertThat(postJson("/api/v1/driver/location", other, "{\"lat\":12.9711,\"lng\":77.5911,\"accuracy\":8}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> again = postJson("/api/v1/driver/location", other, "{\"lat\":13.5,\"lng\":78.5}");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();

        JsonNode entry = fleetEntry(other);
        assertThat(entry.at("/location/lat").asDouble()).isEqualTo(12.9711);
        assertThat(entry.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(entry.get("reachable").asBoolean()).isTrue();
        // only drivers send locations
        assertThat(postJson("/api/v1/driver/location", merchant.ownerToken(), "{\"lat\":12.97,\"lng\":77.59}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aDeliveryGoesFromAssignmentToTheDoorWithTheRightCodeOnly() {
        Order order = acceptedDeliveryOrder(merchant);
        Delivery delivery = deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        knownCode(delivery);

        List<JsonNode> stops = awaitRoute(driver, 2);
        assertThat(stops.get(0).get("kind").asString()).isEqualTo("PICKUP");
        assertThat(stops.get(0).get("name").asString()).isEqualTo("Delivery Kitchen");
        assertThat(stops.get(1).get("kind").asString()).isEqualTo("DROPOFF");
        assertThat(stops.get(1).get("orderNumber").asString()).isEqualTo(order.number());
        assertThat(stops.get(1).get("customerName").asString()).isEqualTo("Asha");
        assertThat(stops.get(1).get("itemsCount").asInt()).isEqualTo(3);
        assertThat(stops.get(1).get("cashToCollect").asLong()).isEqualTo(order.total());
        assertThat(stops.get(1).get("eta").isNull()).isFalse();
        // the phone number only once the drop-off is the active stop; the code never
        assertThat(absent(stops.get(1).path("customerPhone"))).isTrue();
        // as a whole word: the four digits may well occur inside an order id or a timestamp
        assertThat(stops.toString()).doesNotContainPattern("\\b" + CODE + "\\b");
        String pickup = stops.get(0).get("id").asString();
        String dropoff = stops.get(1).get("id").asString();

        JsonNode board = parse(get("/api/v1/merchants/" + merchant.id() + "/deliveries", merchant.ownerToken()))
                .get(0);
        assertThat(board.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(board.get("driverName").asString()).isEqualTo("Driver");
        assertThat(board.get("eta").isNull()).isFalse();

        // out of order: delivered before picked up, a pickup tap on the drop-off
        assertThat(postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"" + CODE + "\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(postJson(stop(dropoff, "picked-up"), driver, "{}").statusCode())
                .isEqualTo(409);
        assertThat(deliveries.findById(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.ASSIGNED);

        assertThat(postJson(stop(pickup, "arrived"), driver, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> picked = postJson(stop(pickup, "picked-up"), driver, "{}");
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(parse(picked).get("status").asString()).isEqualTo("DONE");
        // the phone replays the tap it made offline: same answer, nothing changes
        long version = mongoVersion(delivery.id());
        HttpResponse<String> replay = postJson(stop(pickup, "picked-up"), driver, "{}");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(parse(replay).get("status").asString()).isEqualTo("DONE");
        assertThat(mongoVersion(delivery.id())).isEqualTo(version);
        assertThat(orderStatus(order)).isEqualTo("PICKED_UP");

        JsonNode active = awaitRoute(driver, 1).get(0);
        assertThat(active.get("customerPhone").asString())
                .isEqualTo("+" + order.customer().id());

        HttpResponse<String> wrong = postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"0000\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(parse(wrong).get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"12\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(orderStatus(order)).isEqualTo("PICKED_UP");

        HttpResponse<String> right = postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"" + CODE + "\"}");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(parse(right).get("deliveryStatus").asString()).isEqualTo("DELIVERED");
        assertThat(orderStatus(order)).isEqualTo("DELIVERED");
        assertThat(deliveries.findById(delivery.id()).orElseThrow().cashCollected())
                .isEqualTo(order.total());
        assertThat(postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"" + CODE + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(parse(get("/api/v1/driver/route", driver))).isEmpty();
    }

    @Test
    void fiveWrongCodesLockTheDropOffUntilTheMerchantRetries() {
        Order order = acceptedDeliveryOrder(merchant);
        Delivery delivery = deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        knownCode(delivery);
        List<JsonNode> stops = awaitRoute(driver, 2);
        postJson(stop(stops.get(0).get("id").asString(), "picked-up"), driver, "{}");
        String dropoff = stops.get(1).get("id").asString();

        for (int left = 4; left >= 1; left--) {
            HttpResponse<String> wrong = postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"9999\"}");
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(parse(wrong).get("attemptsLeft").asInt()).isEqualTo(left);
        }
        assertThat(postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"9999\"}")
                        .statusCode())
                .isEqualTo(423);
        HttpResponse<String> locked = postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"" + CODE + "\"}");
        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(parse(locked).get("error").asString()).isEqualTo("locked");
        assertThat(orderStatus(order)).isEqualTo("PICKED_UP");
        JsonNode board = parse(get(
                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/delivery", merchant.ownerToken()));
        assertThat(board.get("locked").asBoolean()).isTrue();
        assertThat(board.get("codeAttemptsLeft").asInt()).isZero();

        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/delivery/retry",
                                merchant.ownerToken(),
                                "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(postJson(stop(dropoff, "delivered"), driver, "{\"otp\":\"" + CODE + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(orderStatus(order)).isEqualTo("DELIVERED");
    }

    @Test
    void aFailedDropOffWaitsForTheMerchantWhoMayCancelTheOrder() {
        Order order = acceptedDeliveryOrder(merchant);
        deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        List<JsonNode> stops = awaitRoute(driver, 2);
        postJson(stop(stops.get(0).get("id").asString(), "picked-up"), driver, "{}");
        String dropoff = stops.get(1).get("id").asString();

        assertThat(postJson(stop(dropoff, "failed"), driver, "{\"reason\":\" \"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson(stop(dropoff, "failed"), driver, "{\"reason\":\"Nobody answered\"}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode board = parse(get("/api/v1/merchants/" + merchant.id() + "/deliveries", merchant.ownerToken()))
                .get(0);
        assertThat(board.get("status").asString()).isEqualTo("FAILED");
        assertThat(board.get("failureReason").asString()).isEqualTo("Nobody answered");
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/delivery/cancel",
                                merchant.ownerToken(),
                                "{\"reason\":\"Customer unreachable\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(orderStatus(order)).isEqualTo("CANCELLED");
        assertThat(parse(get("/api/v1/merchants/" + merchant.id() + "/deliveries", merchant.ownerToken())))
                .isEmpty();
    }

    @Test
    void aDriverReachesOnlyTheirOwnStops() {
        Order order = acceptedDeliveryOrder(merchant);
        deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        String pickup = awaitRoute(driver, 2).get(0).get("id").asString();
        String colleague = newDriver(merchant);
        TestMerchant otherMerchant = newMerchant("Other Delivery Kitchen");
        String stranger = newDriver(otherMerchant);

        for (String who : List.of(colleague, stranger)) {
            for (String action : List.of("arrived", "picked-up")) {
                assertThat(postJson(stop(pickup, action), who, "{}").statusCode())
                        .as(action)
                        .isEqualTo(404);
            }
            assertThat(parse(get("/api/v1/driver/route", who))).isEmpty();
        }
        for (String madeUp : List.of(UUID.randomUUID() + ".p", UUID.randomUUID() + ".d", "nothing", "x.q")) {
            assertThat(postJson(stop(madeUp, "arrived"), driver, "{}").statusCode())
                    .as(madeUp)
                    .isEqualTo(404);
        }
        assertThat(deliveries.findByOrderId(order.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.ASSIGNED);
        assertThat(orderStatus(order)).isEqualTo("ACCEPTED");
    }

    @Test
    void theMerchantPinsADriverAndThePlannerKeepsIt() {
        String second = newDriver(merchant);
        goOnShift(second, 13.0500, 77.7000);
        String secondId = fleetId(second);
        Order order = acceptedDeliveryOrder(merchant);
        deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        awaitRoute(driver, 2);

        HttpResponse<String> pinned = postJson(
                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/assign",
                merchant.ownerToken(),
                "{\"driverId\":\"" + secondId + "\"}");
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(parse(pinned).get("pinned").asBoolean()).isTrue();

        awaitRoute(second, 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> parse(get("/api/v1/driver/route", driver)).isEmpty());
        // a new plan (another order comes in) leaves the pin where it is
        deliveryService.createFor(merchant.id(), acceptedDeliveryOrder(merchant).id());
        awaitRoute(driver, 2);
        assertThat(deliveries.findByOrderId(order.id()).orElseThrow().driverId())
                .isEqualTo(secondId);
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/assign",
                                merchant.ownerToken(),
                                "{\"driverId\":\"nobody\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDeliveryWithoutCoordinatesWaitsForTheMerchantsPin() {
        Order order = acceptedDeliveryOrder(merchant, new Order.Address("Behind the old cinema", null, null));
        deliveryService.createFor(merchant.id(), order.id()).orElseThrow();

        JsonNode waiting = parse(get(
                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/delivery", merchant.ownerToken()));
        assertThat(waiting.get("needsLocation").asBoolean()).isTrue();
        assertThat(waiting.get("status").asString()).isEqualTo("WAITING");
        assertThat(putJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/location",
                                merchant.ownerToken(),
                                "{\"lat\":95,\"lng\":77.6}")
                        .statusCode())
                .isEqualTo(400);

        assertThat(putJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/location",
                                merchant.ownerToken(),
                                "{\"lat\":12.975,\"lng\":77.6}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(awaitRoute(driver, 2).get(1).at("/location/lat").asDouble()).isEqualTo(12.975);
    }

    @Test
    void aTrackingLinkShowsItsOwnOrderOnlyAndNothingForAWrongToken() {
        Order order = acceptedDeliveryOrder(merchant);
        Delivery delivery = deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        Order otherOrder = acceptedDeliveryOrder(merchant);
        deliveryService.createFor(merchant.id(), otherOrder.id()).orElseThrow();
        List<JsonNode> stops = awaitRoute(driver, 4);

        HttpResponse<String> tracked = get("/api/v1/track/" + delivery.trackingToken(), null);
        assertThat(tracked.statusCode()).isEqualTo(200);
        JsonNode body = parse(tracked);
        assertThat(body.get("orderNumber").asString()).isEqualTo(order.number());
        assertThat(body.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.at("/driver/name").asString()).isEqualTo("Driver");
        assertThat(absent(body.at("/driver/location"))).isTrue();
        assertThat(tracked.body())
                .doesNotContain(
                        otherOrder.number(), otherOrder.id(), order.customer().id());

        String pickup = stops.stream()
                .filter(s -> s.get("orderId").asString().equals(order.id()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        postJson(stop(pickup, "picked-up"), driver, "{}");
        assertThat(parse(get("/api/v1/track/" + delivery.trackingToken(), null))
                        .at("/driver/location/lat")
                        .asDouble())
                .isEqualTo(12.97);

        for (String wrong : List.of(
                delivery.trackingToken().substring(1) + "A",
                "short",
                UUID.randomUUID().toString())) {
            HttpResponse<String> none = get("/api/v1/track/" + wrong, null);
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.body()).doesNotContain(order.number(), wrong);
        }
        // an hour after the end the link says nothing either
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(delivery.id())),
                new Update()
                        .set("status", DeliveryStatus.DELIVERED)
                        .set("closedAt", Instant.now().minus(Duration.ofMinutes(61))),
                Delivery.class);
        assertThat(get("/api/v1/track/" + delivery.trackingToken(), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheDeliveryApi() {
        JsonNode api = parse(get("/v3/api-docs", null));

        for (String path : List.of(
                "/api/v1/driver/route",
                "/api/v1/driver/location",
                "/api/v1/driver/stops/{stopId}/delivered",
                "/api/v1/track/{token}",
                "/api/v1/merchants/{merchantId}/drivers",
                "/api/v1/merchants/{merchantId}/orders/{orderId}/assign")) {
            assertThat(api.at("/paths").has(path)).as(path).isTrue();
        }
        assertThat(api.at("/paths/~1api~1v1~1track~1{token}/get/tags/0").asString())
                .isEqualTo("Tracking");
        assertThat(api.at("/paths/~1api~1v1~1driver~1route/get/tags/0").asString())
                .isEqualTo("Driver");
        assertThat(api.at("/paths/~1api~1v1~1merchants~1{merchantId}~1deliveries/get/tags/0")
                        .asString())
                .isEqualTo("Delivery");
    }

    // ----

    private void goOnShift(String token, double lat, double lng) {
        assertThat(putJson("/api/v1/driver/shift", token, "{\"online\":true}").statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/driver/location", token, "{\"lat\":" + lat + ",\"lng\":" + lng + "}")
                        .statusCode())
                .isEqualTo(204);
    }

    private Order acceptedDeliveryOrder(TestMerchant m) {
        return acceptedDeliveryOrder(m, new Order.Address("42 Residency Road", 12.9716, 77.5946));
    }

    private Order acceptedDeliveryOrder(TestMerchant m, Order.Address address) {
        Order order = ordering.place(new PlaceOrder(
                m.id(),
                "WHATSAPP",
                new Order.Customer(newCustomer(), "Asha Rao"),
                List.of(new LineRequest("garlic-naan", 3, List.of(), null)),
                Order.FulfilmentType.DELIVERY,
                address,
                UUID.randomUUID().toString(),
                "en"));
        HttpResponse<String> accepted = postJson(
                "/api/v1/merchants/" + m.id() + "/orders/" + order.id() + "/accept",
                m.ownerToken(),
                "{\"prepMinutes\":10}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        return ordering.find(m.id(), order.id()).orElseThrow();
    }

    /** The code is only stored hashed and travels to the customer once; the test sets one it knows. */
    private void knownCode(Delivery delivery) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(delivery.id())),
                Update.update("codeHash", Delivery.hash(delivery.trackingToken(), CODE)),
                Delivery.class);
    }

    private List<JsonNode> awaitRoute(String token, int stops) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> parse(get("/api/v1/driver/route", token)).size() == stops);
        JsonNode route = parse(get("/api/v1/driver/route", token));
        List<JsonNode> list = new java.util.ArrayList<>();
        route.forEach(list::add);
        return list;
    }

    private JsonNode fleetEntry(String driverToken) {
        String id = fleetId(driverToken);
        for (JsonNode d : parse(get("/api/v1/merchants/" + merchant.id() + "/drivers", merchant.ownerToken()))) {
            if (d.get("id").asString().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("driver not in the fleet");
    }

    private String fleetId(String driverToken) {
        return parse(get("/api/v1/driver/me", driverToken)).get("id").asString();
    }

    private String orderStatus(Order order) {
        return parse(get("/api/v1/merchants/" + order.merchantId() + "/orders/" + order.id(), merchant.ownerToken()))
                .get("status")
                .asString();
    }

    private long mongoVersion(String deliveryId) {
        return mongo.findById(deliveryId, org.bson.Document.class, "deliveries")
                .get("version", Number.class)
                .longValue();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String stop(String stopId, String action) {
        return "/api/v1/driver/stops/" + stopId + "/" + action;
    }
}
