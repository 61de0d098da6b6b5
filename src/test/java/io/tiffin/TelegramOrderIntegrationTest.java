package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.channel.internal.Webhooks;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** A customer orders from a merchant's own Telegram bot through the Bot API stand-in. */
class TelegramOrderIntegrationTest extends IntegrationTestSupport {

    private static final AtomicLong UPDATES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    MongoTemplate mongo;

    private TestMerchant merchant;
    private String token;
    private String secret;
    private final String chat = String.valueOf(5_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L));

    @BeforeEach
    void botConnected() {
        merchant = newMerchant("Telegram Kitchen");
        token = Math.floorMod(System.nanoTime(), 1_000_000_000L) + 1000 + ":AAH" + Long.toHexString(System.nanoTime())
                + "dqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        for (String method : List.of("setWebhook", "answerCallbackQuery", "editMessageReplyMarkup")) {
            GRAPH.stubFor(post(urlEqualTo("/bot" + token + "/" + method))
                    .willReturn(okJson("{\"ok\":true,\"result\":true}")));
        }
        GRAPH.stubFor(post(urlEqualTo("/bot" + token + "/sendMessage"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":97,\"date\":1,\"chat\":{\"id\":" + chat
                        + ",\"type\":\"private\"}}}")));

        HttpResponse<String> saved = patchChannels("{\"telegramBotToken\":\"" + token + "\"}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(token).doesNotContain("telegramBotToken");
        assertThat(parse(saved).at("/channels/telegramConnected").asBoolean()).isTrue();
        JsonNode registration =
                json.readTree(GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/setWebhook")))
                        .get(0)
                        .getBodyAsString());
        assertThat(registration.get("url").asString())
                .isEqualTo("http://localhost:8080/webhooks/telegram/" + merchant.id());
        secret = registration.get("secret_token").asString();
        assertThat(secret).matches("[A-Za-z0-9_-]{16,256}");
        Document stored = mongo.findById(new org.bson.types.ObjectId(merchant.id()), Document.class, "merchants");
        assertThat(stored.get("channels", Document.class).getString("telegramBotToken"))
                .startsWith("enc:v1:")
                .doesNotContain(token.substring(token.indexOf(':') + 1));
    }

    @Test
    void freeTextOrderWithAnInlineKeyboardToOrderNumberAndALaterUpdate() {
        assertThat(update("\"message\":" + message("\"text\":\"2 butter chicken and 3 garlic naan\""))
                        .statusCode())
                .isEqualTo(200);
        JsonNode cart = await().atMost(Duration.ofSeconds(20)).until(() -> sent("Total"), s -> s != null);
        assertThat(cart.get("text").asString()).contains("2 × Butter Chicken", "3 × Garlic Naan", "Total: ₹908");
        JsonNode confirm = cart.at("/reply_markup/inline_keyboard/0/0");
        assertThat(confirm.get("text").asString()).startsWith("Confirm");

        update("\"callback_query\":{\"id\":\"cb1\",\"from\":{\"id\":" + chat + ",\"first_name\":\"Asha\"},\"data\":\""
                + confirm.get("callback_data").asString() + "\",\"message\":{\"message_id\":97,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"date\":1,\"text\":\"cart\",\"reply_markup\":" + cart.get("reply_markup")
                + "}}");
        await().atMost(Duration.ofSeconds(20)).until(() -> sent("Where should we deliver"), s -> s != null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/editMessageReplyMarkup"))
                                .withRequestBody(matchingJsonPath(
                                        "$.message_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("97"))))
                        .isEmpty());
        assertThat(GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/answerCallbackQuery"))))
                .hasSize(1);

        update("\"message\":" + message("\"location\":{\"latitude\":12.9716,\"longitude\":77.5946}"));
        JsonNode placed = await().atMost(Duration.ofSeconds(20)).until(() -> sent("is placed"), s -> s != null);
        JsonNode order = latestOrderOf(merchant, chat);
        assertThat(order.get("channel").asString()).isEqualTo("TELEGRAM");
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(placed.get("text").asString())
                .contains("#" + order.get("number").asString());

        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/"
                                        + order.get("id").asString() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(await().atMost(Duration.ofSeconds(20))
                        .until(() -> sent("accepted your order"), s -> s != null)
                        .get("text")
                        .asString())
                .contains("#" + order.get("number").asString());
    }

    @Test
    void wrongSecretMalformedOversizedAndRedeliveredChangeNothing() {
        String body = "{\"update_id\":" + UPDATES.incrementAndGet() + ",\"message\":"
                + message("\"text\":\"2 butter chicken\"") + "}";
        assertThat(postUpdate(body.getBytes(StandardCharsets.UTF_8), "wrong").statusCode())
                .isEqualTo(401);
        assertThat(postUpdate(body.getBytes(StandardCharsets.UTF_8), null).statusCode())
                .isEqualTo(401);
        assertThat(postUpdate("{\"update_id\":".getBytes(StandardCharsets.UTF_8), secret)
                        .statusCode())
                .isEqualTo(400);
        assertThat(postUpdate("{\"message\":{}}".getBytes(StandardCharsets.UTF_8), secret)
                        .statusCode())
                .isEqualTo(400);
        assertThat(postUpdate(new byte[Webhooks.MAX_BODY_BYTES + 1], secret).statusCode())
                .isEqualTo(413);
        assertThat(sentMessages()).isEmpty();

        assertThat(postUpdate(body.getBytes(StandardCharsets.UTF_8), secret).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> sent("Total"), s -> s != null);
        assertThat(postUpdate(body.getBytes(StandardCharsets.UTF_8), secret).statusCode())
                .isEqualTo(200);
        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(sentMessages()).hasSize(1);
    }

    @Test
    void aTokenTelegramRefusesIsNotKept() {
        String bad = "999:AAHbadbadbadbadbadbadbadbadbadbadbad";
        GRAPH.stubFor(post(urlEqualTo("/bot" + bad + "/setWebhook"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

        HttpResponse<String> refused = patchChannels("{\"telegramBotToken\":\"" + bad + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("telegramBotToken").doesNotContain(bad);
        update("\"message\":" + message("\"text\":\"hello\""));
        // the earlier, good bot still answers
        await().atMost(Duration.ofSeconds(20)).until(() -> !sentMessages().isEmpty());
    }

    private HttpResponse<String> patchChannels(String channels) {
        return send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                ("{\"channels\":" + channels + "}").getBytes(StandardCharsets.UTF_8));
    }

    private String message(String content) {
        return "{\"message_id\":" + UPDATES.incrementAndGet() % 100000 + ",\"from\":{\"id\":" + chat
                + ",\"first_name\":\"Asha\"},\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"date\":1764496800,"
                + content + "}";
    }

    private HttpResponse<String> update(String content) {
        return postUpdate(
                ("{\"update_id\":" + UPDATES.incrementAndGet() + "," + content + "}").getBytes(StandardCharsets.UTF_8),
                secret);
    }

    private HttpResponse<String> postUpdate(byte[] body, String secretToken) {
        HttpRequest.Builder request = request("/webhooks/telegram/" + merchant.id())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secretToken != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        return send(request.build());
    }

    private List<JsonNode> sentMessages() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .filter(m -> chat.equals(m.get("chat_id").asString()))
                .toList();
    }

    private JsonNode sent(String containing) {
        return sentMessages().stream()
                .filter(m -> m.get("text").asString().contains(containing))
                .findFirst()
                .orElse(null);
    }
}
