package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A customer update the provider keeps refusing is retried, then shown to admins as a dead delivery
 * of the order's event; redriven once the provider is back, the customer hears it once.
 */
class EventDeadLetterIntegrationTest extends IntegrationTestSupport {

    private static final String HANDLER = "notification.customer-updates";

    @Test
    void aCustomerUpdateThatKeepsFailingIsDeadLetteredVisiblyAndSentOnceAfterRedrive() {
        TestMerchant merchant = newMerchant("Dead Event Kitchen");
        stubGraphApi(merchant);
        String customer = newCustomer();
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "2 garlic naan", "42 Residency Road");
        String sendPath = "/" + merchant.phoneNumberId() + "/messages";
        GRAPH.stubFor(
                post(urlEqualTo(sendPath))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}")));
        String admin = adminToken();

        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/"
                                        + order.get("id").asString() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadDelivery(admin, order) != null);
        JsonNode dead = deadDelivery(admin, order);
        assertThat(dead.get("state").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastError").asString()).isNotBlank();
        assertThat(dead.get("eventType").asString()).isEqualTo("OrderStatusChanged");
        assertThat(dead.at("/event/to").asString()).isEqualTo("ACCEPTED");
        assertThat(dead.get("id").asString()).isEqualTo(dead.get("entryId").asString() + "/" + HANDLER);
        String redrive = "/api/v1/admin/events/" + dead.get("id").asString() + "/redrive";
        assertThat(get("/api/v1/admin/events?state=DEAD", merchant.ownerToken()).statusCode())
                .isEqualTo(403);
        assertThat(postJson(redrive, merchant.ownerToken(), "{}").statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/admin/events/no-such-entry/" + HANDLER + "/redrive", admin, "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/admin/events?state=NOPE", admin).statusCode()).isEqualTo(400);
        assertThat(get("/v3/api-docs", null).body()).contains("/api/v1/admin/events/{entryId}/{handler}/redrive");

        stubGraphApi(merchant);
        GRAPH.resetRequests();
        assertThat(postJson(redrive, admin, "{}").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> acceptedMessages(sendPath, customer) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadDelivery(admin, order) == null);
        // a second redrive of what is no longer dead changes nothing
        assertThat(postJson(redrive, admin, "{}").statusCode()).isEqualTo(404);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> acceptedMessages(sendPath, customer) == 1);
    }

    private long acceptedMessages(String sendPath, String customer) {
        return GRAPH
                .findAll(postRequestedFor(urlEqualTo(sendPath))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .stream()
                .filter(r -> r.getBodyAsString().contains("accepted"))
                .count();
    }

    private JsonNode deadDelivery(String admin, JsonNode order) {
        for (JsonNode delivery : parse(get("/api/v1/admin/events?state=DEAD", admin))) {
            if (order.get("id").asString().equals(delivery.get("documentId").asString())
                    && HANDLER.equals(delivery.get("handler").asString())) {
                return delivery;
            }
        }
        return null;
    }
}
