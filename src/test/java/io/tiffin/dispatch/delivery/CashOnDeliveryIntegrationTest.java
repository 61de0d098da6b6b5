package io.tiffin.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.support.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Cash on delivery: the drop-off says what to collect (nothing for an order paid online), the driver's
 * amount is recorded with the delivery, and the merchant sees the day's cash.
 */
class CashOnDeliveryIntegrationTest extends IntegrationTestSupport {

    private static final String CODE = "1357";

    @Autowired
    private Ordering ordering;

    @Autowired
    private DeliveryService deliveryService;

    @Autowired
    private MongoTemplate mongo;

    private TestMerchant merchant;
    private String driver;

    @BeforeEach
    void merchantTakingBothWithADriver() {
        merchant = newMerchant("Cash Kitchen");
        stubGraphApi(merchant);
        send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                "{\"payments\":{\"cashOnDelivery\":true,\"online\":true}}".getBytes(StandardCharsets.UTF_8));
        driver = newDriver(merchant);
        assertThat(putJson("/api/v1/driver/shift", driver, "{\"online\":true}").statusCode())
                .isEqualTo(200);
        postJson("/api/v1/driver/location", driver, "{\"lat\":12.97,\"lng\":77.59}");
    }

    @Test
    void theDriverCollectsTheCashAndTheMerchantSeesTheDaysTotal() {
        Order order = acceptedDelivery(Order.PaymentMethod.CASH);
        assertThat(order.amountToCollect()).isEqualTo(order.total()).isPositive();
        Delivery delivery = deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(delivery.id())),
                Update.update("codeHash", Delivery.hash(delivery.trackingToken(), CODE)),
                Delivery.class);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> parse(get("/api/v1/driver/route", driver)).size() == 2);
        JsonNode route = parse(get("/api/v1/driver/route", driver));
        assertThat(route.get(1).get("cashToCollect").asLong()).isEqualTo(order.total());
        String pickup = route.get(0).get("id").asString();
        String dropoff = route.get(1).get("id").asString();
        assertThat(postJson(stop(pickup, "picked-up"), driver, "{}").statusCode())
                .isEqualTo(200);
        long handed = order.total() + 1000; // the customer rounded up: the driver records what they got
        assertThat(postJson(
                                stop(dropoff, "delivered"),
                                driver,
                                "{\"otp\":\"" + CODE + "\",\"cashCollected\":" + handed + "}")
                        .statusCode())
                .isEqualTo(200);

        var answer = get("/api/v1/merchants/" + merchant.id() + "/cash", merchant.ownerToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode cash = parse(answer);
        assertThat(cash.get("collected").asLong()).isEqualTo(handed);
        assertThat(cash.get("expected").asLong()).isEqualTo(order.total());
        assertThat(cash.get("cashDeliveries").asInt()).isEqualTo(1);
        assertThat(cash.get("currency").asString()).isEqualTo("INR");
        JsonNode yesterday =
                parse(get("/api/v1/merchants/" + merchant.id() + "/cash?date=2020-01-01", merchant.ownerToken()));
        assertThat(yesterday.get("collected").asLong()).isZero();
        assertThat(get("/api/v1/merchants/" + merchant.id() + "/cash?date=yesterday", merchant.ownerToken())
                        .statusCode())
                .isEqualTo(400);
        TestMerchant other = newMerchant("Other Kitchen");
        assertThat(get("/api/v1/merchants/" + merchant.id() + "/cash", other.ownerToken())
                        .statusCode())
                .isIn(403, 404);
    }

    @Test
    void anOrderPaidOnlineHasNothingToCollect() {
        Order order = acceptedDelivery(Order.PaymentMethod.ONLINE);
        assertThat(order.amountToCollect()).isZero();
        Delivery delivery = deliveryService.createFor(merchant.id(), order.id()).orElseThrow();
        assertThat(delivery.cashToCollect()).isZero();
    }

    private Order acceptedDelivery(Order.PaymentMethod method) {
        Order order = ordering.place(new PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new Order.Customer(newCustomer(), "Asha"),
                List.of(new LineRequest("garlic-naan", 2, List.of(), null)),
                Order.FulfilmentType.DELIVERY,
                new Order.Address("42 Residency Road", 12.9716, 77.5946),
                UUID.randomUUID().toString(),
                "en",
                method));
        if (method == Order.PaymentMethod.ONLINE) {
            order = ordering.paid(merchant.id(), order.id());
        }
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":10}")
                        .statusCode())
                .isEqualTo(200);
        return ordering.find(merchant.id(), order.id()).orElseThrow();
    }

    private static String stop(String id, String action) {
        return "/api/v1/driver/stops/" + id + "/" + action;
    }
}
