package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.channel.internal.Webhooks;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer orders by Instagram DM through the Send API stand-in: quick replies, echoes ignored, bad webhooks refused. */
class InstagramOrderIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String account;
    private final String customer = "99" + Math.floorMod(System.nanoTime(), 1_000_000_000_000L);

    @BeforeEach
    void accountBound() {
        merchant = newMerchant("Instagram Kitchen");
        account = "178414" + Math.floorMod(System.nanoTime(), 100_000_000_000L);
        var patched = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                ("{\"channels\":{\"instagramAccountId\":\"" + account + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        GRAPH.stubFor(post(urlEqualTo("/" + account + "/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"" + customer + "\",\"message_id\":\"aWdfOUT\"}")));
    }

    @Test
    void freeTextOrderToOrderNumberAndALaterUpdate() {
        assertThat(dm(text("2 butter chicken and 3 garlic naan")).statusCode()).isEqualTo(200);
        JsonNode cart = await().atMost(Duration.ofSeconds(20)).until(() -> reply("Total"), r -> r != null);
        assertThat(cart.at("/message/text").asString())
                .contains("2 × Butter Chicken", "3 × Garlic Naan", "Total: ₹908")
                .doesNotContain("*");
        JsonNode confirm = cart.at("/message/quick_replies/0");
        assertThat(confirm.get("title").asString()).startsWith("Confirm");

        dm(quickReply(confirm.get("title").asString(), confirm.get("payload").asString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> reply("Where should we deliver"), r -> r != null);
        dm(text("42 Residency Road, Bengaluru 560025"));
        JsonNode placed = await().atMost(Duration.ofSeconds(20)).until(() -> reply("is placed"), r -> r != null);

        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.get("channel").asString()).isEqualTo("INSTAGRAM");
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(placed.at("/message/text").asString())
                .contains("#" + order.get("number").asString());

        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/"
                                        + order.get("id").asString() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(await().atMost(Duration.ofSeconds(20))
                        .until(() -> reply("accepted your order"), r -> r != null)
                        .at("/message/text")
                        .asString())
                .contains("#" + order.get("number").asString());
    }

    @Test
    void anEchoGetsNoReply() {
        String echo = """
                {"object":"instagram","entry":[{"id":"%s","time":1735689905123,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"%s"},"timestamp":1735689904567,"message":{"mid":"%s","text":"2 butter chicken",
                "is_echo":true}}]}]}""".formatted(account, account, customer, "m_" + UUID.randomUUID());
        assertThat(dm(echo).statusCode()).isEqualTo(200);
        dm(text("hello"));
        await().atMost(Duration.ofSeconds(20)).until(() -> replies().size() >= 1);
        assertThat(replies()).noneMatch(r -> r.at("/message/text").asString().contains("Total"));
    }

    @Test
    void forgedMalformedOversizedAndRedeliveredChangeNothing() {
        byte[] body = text("2 butter chicken").getBytes(StandardCharsets.UTF_8);
        String whatsappSigned =
                "sha256=" + HmacSignatures.hmacSha256Hex(APP_SECRET.getBytes(StandardCharsets.UTF_8), body);
        assertThat(postSigned(body, whatsappSigned).statusCode()).isEqualTo(401);
        assertThat(postSigned(body, null).statusCode()).isEqualTo(401);
        assertThat(dm("{\"object\":\"instagram\",").statusCode()).isEqualTo(400);
        assertThat(dm("{\"object\":\"page\",\"entry\":[]}").statusCode()).isEqualTo(400);
        byte[] huge = new byte[Webhooks.MAX_BODY_BYTES + 1];
        assertThat(postSigned(huge, signed(huge)).statusCode()).isEqualTo(413);
        assertThat(replies()).isEmpty();

        String once = text("2 butter chicken");
        assertThat(dm(once).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> reply("Total"), r -> r != null);
        assertThat(dm(once).statusCode()).isEqualTo(200);
        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(replies()).hasSize(1);

        assertThat(dm(once.replace(account, "17841499999999999")).statusCode()).isEqualTo(200);
    }

    @Test
    void theHandshakeAnswersOnlyItsOwnToken() {
        assertThat(get(
                                "/webhooks/instagram?hub.mode=subscribe&hub.verify_token=verify-instagram&hub.challenge=1158201444",
                                null)
                        .body())
                .isEqualTo("1158201444");
        assertThat(get("/webhooks/instagram?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1", null)
                        .statusCode())
                .isEqualTo(403);
    }

    private String text(String words) {
        return """
                {"object":"instagram","entry":[{"id":"%s","time":1735689605123,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s"}}]}]}""".formatted(account, customer, account, System.currentTimeMillis(), "m_" + UUID.randomUUID(), words);
    }

    private String quickReply(String title, String payload) {
        return """
                {"object":"instagram","entry":[{"id":"%s","time":1735689605123,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s",
                "quick_reply":{"payload":"%s"}}}]}]}""".formatted(
                account, customer, account, System.currentTimeMillis(), "m_" + UUID.randomUUID(), title, payload);
    }

    private HttpResponse<String> dm(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return postSigned(body, signed(body));
    }

    private static String signed(byte[] body) {
        return "sha256=" + HmacSignatures.hmacSha256Hex(INSTAGRAM_SECRET.getBytes(StandardCharsets.UTF_8), body);
    }

    private HttpResponse<String> postSigned(byte[] body, String signature) {
        HttpRequest.Builder request = request("/webhooks/instagram")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    private List<JsonNode> replies() {
        return GRAPH
                .findAll(postRequestedFor(urlEqualTo("/" + account + "/messages"))
                        .withRequestBody(matchingJsonPath(
                                "$.recipient.id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(customer))))
                .stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .toList();
    }

    private JsonNode reply(String containing) {
        return replies().stream()
                .filter(r -> r.at("/message/text").asString().contains(containing))
                .findFirst()
                .orElse(null);
    }
}
