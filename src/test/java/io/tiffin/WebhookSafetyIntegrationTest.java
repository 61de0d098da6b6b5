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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Forged, malformed, oversized and redelivered webhooks are refused or ignored: no reply, no order. */
class WebhookSafetyIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;

    private TestMerchant merchant;
    private final String customer = "9197" + (System.nanoTime() % 100_000_000L);

    @BeforeEach
    void setUp() {
        merchant = newMerchant("Safety Test Kitchen");
        GRAPH.stubFor(post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
    }

    @Test
    void forgedSignatureIsRefusedAndChangesNothing() {
        String id = WhatsAppPayloads.newMessageId();
        byte[] body = WhatsAppPayloads.text(merchant.phoneNumberId(), customer, id, "2 butter chicken")
                .getBytes(StandardCharsets.UTF_8);

        var response = postWhatsApp(body, "sha256=" + "0".repeat(64));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_signature");
        assertNothingHappened(id);
    }

    @Test
    void signatureOverADifferentBodyIsRefused() {
        String id = WhatsAppPayloads.newMessageId();
        String genuine = WhatsAppPayloads.text(merchant.phoneNumberId(), customer, id, "1 chole");
        String tampered = genuine.replace("1 chole", "9 chole");
        String signatureOfGenuine =
                "sha256=" + io.tiffin.platform.security.HmacSignatures.hmacSha256Hex(APP_SECRET, genuine);

        assertThat(postWhatsApp(tampered.getBytes(StandardCharsets.UTF_8), signatureOfGenuine)
                        .statusCode())
                .isEqualTo(401);
        assertNothingHappened(id);
    }

    @Test
    void malformedJsonIsABadRequest() {
        var response = postWhatsApp("{\"object\":\"whatsapp_business_account\",\"entry\":[");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void oversizedBodyIsRefusedBeforeAnythingElse() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');

        assertThat(postWhatsApp(big, "sha256=whatever").statusCode()).isEqualTo(413);
    }

    @Test
    void redeliveryIsAcknowledgedAndChangesNothing() {
        String id = WhatsAppPayloads.newMessageId();
        String body = WhatsAppPayloads.text(merchant.phoneNumberId(), customer, id, "2 butter chicken");

        assertThat(postWhatsApp(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> replies() == 1);
        assertThat(postWhatsApp(body).statusCode()).isEqualTo(200);
        assertThat(postWhatsApp(body).statusCode()).isEqualTo(200);

        assertThat(inboxEntries(id)).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> replies() == 1);
    }

    @Test
    void unknownPhoneNumberIdIsAcknowledgedAndIgnored() {
        String id = WhatsAppPayloads.newMessageId();

        assertThat(postWhatsApp(WhatsAppPayloads.text("555000111222", customer, id, "hi"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(inboxEntries(id)).isZero();
    }

    @Test
    void handshakeEchoesTheChallengeOnlyForTheRightToken() {
        assertThat(get(
                                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444",
                                null)
                        .body())
                .isEqualTo("1158201444");
        assertThat(get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", null)
                        .statusCode())
                .isEqualTo(403);
    }

    private void assertNothingHappened(String messageId) {
        assertThat(inboxEntries(messageId)).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> replies() == 0);
        assertThat(parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()))
                        .size())
                .isZero();
    }

    private long inboxEntries(String messageId) {
        return mongo.count(Query.query(Criteria.where("providerMessageId").is(messageId)), "inbox");
    }

    private int replies() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .size();
    }
}
