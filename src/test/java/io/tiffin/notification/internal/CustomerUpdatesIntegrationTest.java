package io.tiffin.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A customer update is recorded as sent once the provider took it: a redelivered event after that
 * sends nothing, a claim a crash left pending is sent again, and a failed send is thrown back so the
 * relay retries it. The delivery messages share that claim.
 */
class CustomerUpdatesIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private CustomerUpdates updates;

    @Autowired
    private DeliveryMessages deliveryMessages;

    @Autowired
    private MongoTemplate mongo;

    private TestMerchant merchant;
    private String customer;
    private String orderId;

    @BeforeEach
    void merchantAndCustomer() {
        merchant = newMerchant("Updates Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
        orderId = UUID.randomUUID().toString();
    }

    private OrderStatusChanged readyEvent() {
        Instant now = Instant.now();
        return new OrderStatusChanged(
                orderId,
                merchant.id(),
                "1042",
                OrderStatus.PREPARING,
                OrderStatus.READY,
                null,
                now,
                "WHATSAPP",
                customer,
                Order.FulfilmentType.PICKUP,
                now,
                "en",
                false);
    }

    private CustomerUpdates.SentUpdate claim() {
        return mongo.findById(orderId + ":READY", CustomerUpdates.SentUpdate.class, CustomerUpdates.COLLECTION);
    }

    @Test
    void sendsOnceAndARedeliveryAfterwardsSendsNothing() {
        updates.handle(readyEvent());
        updates.handle(readyEvent());

        assertThat(messagesTo(merchant, customer)).singleElement().asString().contains("#1042");
        assertThat(claim().delivered()).isTrue();
    }

    @Test
    void aClaimACrashLeftPendingIsSentAgain() {
        mongo.insert(
                new CustomerUpdates.SentUpdate(
                        orderId + ":READY", orderId, merchant.id(), OrderStatus.READY, "old", Instant.now(), false),
                CustomerUpdates.COLLECTION);

        updates.handle(readyEvent());

        assertThat(messagesTo(merchant, customer)).hasSize(1);
        assertThat(claim().delivered()).isTrue();
    }

    private void graphApiRefuses() {
        GRAPH.stubFor(
                post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}")));
    }

    @Test
    void aFailedSendIsThrownBackAndLeavesTheClaimPendingForTheRetry() {
        graphApiRefuses();

        assertThatThrownBy(() -> updates.handle(readyEvent())).isInstanceOf(RuntimeException.class);
        assertThat(claim().delivered()).isFalse();

        stubGraphApi(merchant);
        int before = messagesTo(merchant, customer).size();
        updates.handle(readyEvent());

        assertThat(messagesTo(merchant, customer)).hasSize(before + 1);
        assertThat(claim().delivered()).isTrue();
    }

    @Test
    void aDeliveryMessageFailedOnceIsSentOnTheRetryAndThenNotAgain() {
        Runnable delivered = () -> deliveryMessages.sendOnce(
                merchant.id(),
                orderId,
                "WHATSAPP",
                customer,
                "en",
                "delivery_delivered",
                Map.of("merchant", "Updates Kitchen", "number", "1042"));
        graphApiRefuses();
        assertThatThrownBy(delivered::run).isInstanceOf(RuntimeException.class);

        stubGraphApi(merchant);
        int before = messagesTo(merchant, customer).size();
        delivered.run();
        delivered.run();

        assertThat(messagesTo(merchant, customer))
                .hasSize(before + 1)
                .last()
                .asString()
                .contains("#1042", "delivered");
        Document claim = mongo.findById(orderId + ":delivery_delivered", Document.class, CustomerUpdates.COLLECTION);
        assertThat(claim).containsEntry("template", "delivery_delivered").containsEntry("delivered", true);
    }
}
