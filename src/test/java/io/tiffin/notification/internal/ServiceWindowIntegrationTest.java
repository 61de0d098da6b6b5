package io.tiffin.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.support.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Outside WhatsApp's 24-hour window an order update goes as the merchant's approved template, or is
 * recorded as not deliverable (and told to the board) when there is none; Meta's 131047 is the same.
 */
class ServiceWindowIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private CustomerUpdates updates;

    @Autowired
    private MongoTemplate mongo;

    private TestMerchant merchant;
    private String customer;
    private String orderId;

    @BeforeEach
    void merchantAndCustomer() {
        merchant = newMerchant("Window Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
        orderId = UUID.randomUUID().toString();
    }

    @Test
    void aDayLaterWithoutATemplateTheUpdateIsRecordedAsNotDeliverableAndNothingIsSent() {
        lastWrote(Duration.ofHours(25));

        updates.handle(readyEvent());

        assertThat(sentTo()).isEmpty();
        Document claim = claim();
        assertThat(claim.getString("undeliverable")).contains("24 hours");
        assertThat(claim.getBoolean("delivered")).isFalse();
    }

    @Test
    void aDayLaterTheMerchantsApprovedTemplateIsSent() {
        lastWrote(Duration.ofHours(25));
        useTemplate("order_ready", "order_ready_v2");

        updates.handle(readyEvent());

        JsonNode sent = sentTo().get(0);
        assertThat(sent.get("type").asString()).isEqualTo("template");
        assertThat(sent.at("/template/name").asString()).isEqualTo("order_ready_v2");
        assertThat(sent.at("/template/language/code").asString()).isEqualTo("en");
        assertThat(sent.at("/template/components/0/parameters/1/text").asString()).isEqualTo("1042");
        assertThat(claim().getBoolean("delivered")).isTrue();
    }

    @Test
    void metaRefusingWith131047IsHandledTheSameWay() {
        lastWrote(Duration.ofHours(2));
        GRAPH.stubFor(post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.text.body"))
                .atPriority(1).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Re-engagement message\",\"type\":\"OAuthException\","
                                + "\"code\":131047,\"error_data\":{\"details\":\"More than 24 hours have passed\"}}}")));

        updates.handle(readyEvent());
        assertThat(claim().getString("undeliverable")).contains("template");

        useTemplate("order_ready", "order_ready_v2");
        orderId = UUID.randomUUID().toString();
        updates.handle(readyEvent());
        // each update tried free-form text first; only the second, with a template to fall back on, got through
        assertThat(sentTo()).extracting(m -> m.get("type").asString()).containsExactly("text", "text", "template");
        assertThat(claim().getBoolean("delivered")).isTrue();
    }

    private void lastWrote(Duration ago) {
        mongo.insert(new Document("merchantId", merchant.id()).append("channel", "WHATSAPP").append("customerId", customer)
                .append("lastInboundAt", Date.from(Instant.now().minus(ago))), "sessions");
    }

    private void useTemplate(String update, String template) {
        var response = send("PATCH", "/api/v1/merchants/" + merchant.id(), merchant.ownerToken(), "application/json",
                ("{\"whatsappTemplates\":{\"" + update + "\":\"" + template + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private OrderStatusChanged readyEvent() {
        Instant now = Instant.now();
        return new OrderStatusChanged(orderId, merchant.id(), "1042", OrderStatus.PREPARING, OrderStatus.READY, null, now,
                "WHATSAPP", customer, Order.FulfilmentType.PICKUP, now, "en", false);
    }

    private Document claim() {
        return mongo.findById(orderId + ":READY", Document.class, CustomerUpdates.COLLECTION);
    }

    private List<JsonNode> sentTo() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(containing(customer)))
                .stream().map(r -> json.readTree(r.getBodyAsString())).toList();
    }
}
