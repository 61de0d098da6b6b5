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
import io.tiffin.support.WhatsAppPayloads;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A message whose reply cannot be sent is retried, then kept as a visible dead letter an admin can requeue. */
class DeadLetterIntegrationTest extends IntegrationTestSupport {

    @Test
    void failingMessageBecomesADeadLetterAndIsHandledAfterRedrive() {
        TestMerchant merchant = newMerchant("Dead Letter Kitchen");
        String customer = "9196" + (System.nanoTime() % 100_000_000L);
        String sendPath = "/" + merchant.phoneNumberId() + "/messages";
        GRAPH.stubFor(
                post(urlEqualTo(sendPath))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}")));
        String messageId = WhatsAppPayloads.newMessageId();
        postWhatsApp(WhatsAppPayloads.text(merchant.phoneNumberId(), customer, messageId, "2 butter chicken"));

        String admin = adminToken();
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(admin, messageId) != null);
        JsonNode dead = deadLetter(admin, messageId);
        assertThat(dead.get("attempts").asInt()).isEqualTo(4);
        assertThat(dead.get("lastError").asString()).isNotBlank();
        assertThat(GRAPH.findAll(postRequestedFor(urlEqualTo(sendPath))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer)))))
                .isNotEmpty();

        GRAPH.stubFor(post(urlEqualTo(sendPath))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        GRAPH.resetRequests();
        assertThat(postJson("/api/v1/admin/inbox/" + dead.get("id").asString() + "/redrive", admin, "{}")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> GRAPH.findAll(postRequestedFor(urlEqualTo(sendPath))
                                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                                .size()
                        == 1);
        String reply =
                GRAPH.findAll(postRequestedFor(urlEqualTo(sendPath))).get(0).getBodyAsString();
        assertThat(reply).contains("2 × Butter Chicken", "Total: ₹698");
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetter(admin, messageId) == null);
    }

    private JsonNode deadLetter(String admin, String messageId) {
        for (JsonNode entry : parse(get("/api/v1/admin/inbox?state=DEAD", admin))) {
            if (messageId.equals(entry.get("providerMessageId").asString())) {
                return entry;
            }
        }
        return null;
    }
}
