package io.tiffin.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An order nobody accepts: the boards are alerted after alert-after, the customer told after auto-reject-after. */
class UnacceptedOrdersIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private UnacceptedOrders sweeper;

    @Test
    void waitingOrderIsEscalatedThenRejectedAndTheCustomerTold() {
        TestMerchant merchant = newMerchant("Sleepy Kitchen");
        stubGraphApi(merchant);
        String customer = newCustomer();
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 veg samosa", "42 Residency Road");
        Instant placed = Instant.parse(order.get("createdAt").asString());
        String path = "/api/v1/merchants/" + merchant.id() + "/orders/"
                + order.get("id").asString();
        int sent = messagesTo(merchant, customer).size();

        sweeper.sweep(placed.plus(Duration.ofMinutes(4)));
        assertThat(parse(get(path, merchant.ownerToken())).get("escalatedAt").isNull())
                .isTrue();

        sweeper.sweep(placed.plus(Duration.ofMinutes(6)));
        JsonNode escalated = parse(get(path, merchant.ownerToken()));
        assertThat(escalated.get("status").asString()).isEqualTo("PLACED");
        assertThat(escalated.get("escalatedAt").isNull()).isFalse();

        sweeper.sweep(placed.plus(Duration.ofMinutes(10)));
        JsonNode rejected = parse(get(path, merchant.ownerToken()));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asString()).isEqualTo("Not accepted in time");
        assertThat(awaitMessages(merchant, customer, sent + 1).getLast())
                .contains("didn't accept your order *#" + order.get("number").asString() + "* in time");
    }

    @Test
    void anOrderPaidLateWaitsForTheKitchenFromItsPaymentNotItsCreation(
            @Autowired io.tiffin.ordering.Ordering ordering,
            @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo) {
        TestMerchant merchant = newMerchant("Late Payer Kitchen");
        io.tiffin.ordering.Order order = ordering.place(new io.tiffin.ordering.PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new io.tiffin.ordering.Order.Customer(newCustomer(), "Asha"),
                java.util.List.of(new io.tiffin.ordering.LineRequest("veg-samosa", 1, java.util.List.of(), null)),
                io.tiffin.ordering.Order.FulfilmentType.PICKUP,
                null,
                java.util.UUID.randomUUID().toString(),
                "en",
                io.tiffin.ordering.Order.PaymentMethod.ONLINE));
        // created 14 minutes ago, paid now
        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(order.id())),
                org.springframework.data.mongodb.core.query.Update.update(
                        "createdAt", Instant.now().minus(Duration.ofMinutes(14))),
                "orders");
        io.tiffin.ordering.Order paid = ordering.paid(merchant.id(), order.id());
        assertThat(paid.status().name()).isEqualTo("PLACED");

        sweeper.sweep(paid.placedAt().plus(Duration.ofMinutes(1)));
        io.tiffin.ordering.Order waiting =
                ordering.find(merchant.id(), order.id()).orElseThrow();
        assertThat(waiting.status().name()).isEqualTo("PLACED");
        assertThat(waiting.escalatedAt()).isNull();

        sweeper.sweep(paid.placedAt().plus(Duration.ofMinutes(10)));
        assertThat(ordering.find(merchant.id(), order.id())
                        .orElseThrow()
                        .status()
                        .name())
                .isEqualTo("REJECTED");
    }

    @Test
    void aCustomerWhoOrderedInHindiIsToldInHindi() {
        TestMerchant merchant = newMerchant("Sleepy Dhaba");
        stubGraphApi(merchant);
        String customer = newCustomer();
        JsonNode order =
                placeWhatsAppOrder(merchant, customer, "Asha", "मुझे एक veg samosa चाहिए", "42 Residency Road");
        int sent = messagesTo(merchant, customer).size();

        sweeper.sweep(Instant.parse(order.get("createdAt").asString()).plus(Duration.ofMinutes(10)));

        assertThat(awaitMessages(merchant, customer, sent + 1).getLast())
                .isEqualTo(
                        "😔 माफ़ कीजिए, *Sleepy Dhaba* ने आपका ऑर्डर *#"
                                + order.get("number").asString()
                                + "* समय पर स्वीकार नहीं किया, इसलिए इसे रद्द कर दिया गया है। कृपया थोड़ी देर बाद फिर से कोशिश करें।");
    }
}
