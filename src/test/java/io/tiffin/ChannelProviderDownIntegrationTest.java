package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.IntegrationTestSupport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A provider that is down: every channel retries its sends with backoff, then the message is a visible dead letter. */
class ChannelProviderDownIntegrationTest extends IntegrationTestSupport {

    private static final com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder DOWN = aResponse()
            .withStatus(503)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"down\"}");

    @Test
    void smsProviderDown() {
        TestMerchant merchant = newMerchant("SMS Down Kitchen");
        String shop = "+1202555" + String.format("%04d", Math.floorMod(System.nanoTime(), 10_000L));
        patch(merchant, "{\"smsNumber\":\"" + shop + "\"}");
        String path = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";
        GRAPH.stubFor(post(urlEqualTo(path))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        URLEncoder.encode(shop, StandardCharsets.UTF_8)))
                .willReturn(DOWN));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> params = new LinkedHashMap<>(
                Map.of("MessageSid", sid, "From", "+14155550142", "To", shop, "Body", "2 butter chicken"));
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        send(request("/webhooks/twilio/sms")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        TwilioSignature.HEADER,
                        TwilioSignature.compute(TWILIO_TOKEN, "http://localhost:8080/webhooks/twilio/sms", params))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        assertDeadAfterRetries(
                sid,
                () -> GRAPH.findAll(postRequestedFor(urlEqualTo(path))).stream()
                        .filter(r -> r.getBodyAsString().contains(URLEncoder.encode(shop, StandardCharsets.UTF_8)))
                        .count());
    }

    @Test
    void instagramProviderDown() {
        TestMerchant merchant = newMerchant("Instagram Down Kitchen");
        String account = "178415" + Math.floorMod(System.nanoTime(), 100_000_000_000L);
        patch(merchant, "{\"instagramAccountId\":\"" + account + "\"}");
        GRAPH.stubFor(post(urlEqualTo("/" + account + "/messages")).willReturn(DOWN));
        String mid = "m_" + UUID.randomUUID();
        byte[] body = ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + account + "\",\"time\":1,\"messaging\":[{"
                        + "\"sender\":{\"id\":\"4242\"},\"recipient\":{\"id\":\"" + account + "\"},\"timestamp\":"
                        + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid
                        + "\",\"text\":\"2 butter chicken\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        send(request("/webhooks/instagram")
                .header("Content-Type", "application/json")
                .header(
                        "X-Hub-Signature-256",
                        "sha256="
                                + HmacSignatures.hmacSha256Hex(INSTAGRAM_SECRET.getBytes(StandardCharsets.UTF_8), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertDeadAfterRetries(
                mid, () -> (long) GRAPH.findAll(postRequestedFor(urlEqualTo("/" + account + "/messages")))
                        .size());
    }

    @Test
    void telegramProviderDown() {
        TestMerchant merchant = newMerchant("Telegram Down Kitchen");
        String token = (1000 + Math.floorMod(System.nanoTime(), 1_000_000L)) + ":AAHdown"
                + Long.toHexString(System.nanoTime()) + "qTcvCH1vGWJxfSeofSAs0K5PAL";
        GRAPH.stubFor(
                post(urlEqualTo("/bot" + token + "/setWebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        GRAPH.stubFor(post(urlEqualTo("/bot" + token + "/sendMessage")).willReturn(DOWN));
        patch(merchant, "{\"telegramBotToken\":\"" + token + "\"}");
        String secret = json.readTree(GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/setWebhook")))
                        .get(0)
                        .getBodyAsString())
                .get("secret_token")
                .asString();
        long update = Math.floorMod(System.nanoTime(), 1_000_000_000L);
        send(request("/webhooks/telegram/" + merchant.id())
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\":" + update + ",\"message\":{\"message_id\":1,"
                        + "\"chat\":{\"id\":777,\"type\":\"private\"},\"date\":1,\"text\":\"2 butter chicken\"}}"))
                .build());

        assertDeadAfterRetries(
                "update:" + update,
                () -> (long) GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage")))
                        .size());
    }

    private void patch(TestMerchant merchant, String channels) {
        var response = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                ("{\"channels\":" + channels + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Four handling attempts, each trying the provider four times, then a dead letter an admin sees. */
    private void assertDeadAfterRetries(String providerMessageId, java.util.function.Supplier<Long> sends) {
        String admin = adminToken();
        await().atMost(Duration.ofSeconds(25)).until(() -> deadLetter(admin, providerMessageId) != null);
        JsonNode dead = deadLetter(admin, providerMessageId);
        assertThat(dead.get("attempts").asInt()).isEqualTo(4);
        assertThat(dead.get("lastError").asString()).contains("gave up after 4 attempt(s)");
        assertThat(sends.get()).isGreaterThanOrEqualTo(16);
    }

    private JsonNode deadLetter(String admin, String providerMessageId) {
        for (JsonNode entry : parse(get("/api/v1/admin/inbox?state=DEAD", admin))) {
            if (providerMessageId.equals(entry.get("providerMessageId").asString())) {
                return entry;
            }
        }
        return null;
    }
}
