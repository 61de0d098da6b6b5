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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What others see live, through the durable events: the order's acceptance creates the delivery, the
 * driver's phone hears its assignment on its own stream, and the merchant's board log hears the
 * assignment and, after five wrong codes, the lock.
 */
class DeliveryLiveIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private Ordering ordering;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void theDriverHearsTheAssignmentAndTheBoardHearsTheLock() {
        TestMerchant merchant = newMerchant("Live Delivery Kitchen");
        stubGraphApi(merchant);
        String driver = newDriver(merchant);
        assertThat(putJson("/api/v1/driver/shift", driver, "{\"online\":true}").statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/driver/location", driver, "{\"lat\":12.97,\"lng\":77.59}")
                        .statusCode())
                .isEqualTo(204);
        List<String> pushed = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                request("/api/v1/driver/events")
                        .header("Authorization", "Bearer " + driver)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        // async: a response already here would otherwise be read to its endless end on this thread
        stream.thenAcceptAsync(response -> response.body().forEach(pushed::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> pushed.stream().anyMatch(l -> l.contains("connected")));

        Order order = ordering.place(new PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new Order.Customer(newCustomer(), "Asha"),
                List.of(new LineRequest("garlic-naan", 1, List.of(), null)),
                Order.FulfilmentType.DELIVERY,
                new Order.Address("42 Residency Road", 12.9716, 77.5946),
                UUID.randomUUID().toString(),
                "en"));
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":10}")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> pushed.contains("event:assignment"));
        assertThat(pushed)
                .anySatisfy(line -> assertThat(line).startsWith("data:").contains(order.number()));
        await().atMost(Duration.ofSeconds(20)).until(() -> boardTypes(merchant).contains("delivery.assigned"));

        // the code exists only as a hash: the test sets one it knows, so "0000" is surely wrong
        Delivery delivery = deliveries.findByOrderId(order.id()).orElseThrow();
        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(delivery.id())),
                org.springframework.data.mongodb.core.query.Update.update(
                        "codeHash", Delivery.hash(delivery.trackingToken(), "1234")),
                Delivery.class);
        List<String> stops = new java.util.ArrayList<>();
        parse(get("/api/v1/driver/route", driver))
                .forEach(s -> stops.add(s.get("id").asString()));
        assertThat(postJson("/api/v1/driver/stops/" + stops.get(0) + "/picked-up", driver, "{}")
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            postJson("/api/v1/driver/stops/" + stops.get(1) + "/delivered", driver, "{\"otp\":\"0000\"}");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> boardTypes(merchant).contains("delivery.locked"));
        stream.cancel(true);
    }

    private List<String> boardTypes(TestMerchant merchant) {
        var records = redis.opsForStream().range("tiffin:board:" + merchant.id(), Range.unbounded());
        return records == null
                ? List.of()
                : records.stream()
                        .map(r -> json.readTree(String.valueOf(r.getValue().get("e")))
                                .get("type")
                                .asString())
                        .toList();
    }
}
