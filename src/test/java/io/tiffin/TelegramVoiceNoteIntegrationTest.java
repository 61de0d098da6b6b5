package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.speech.SpokenAudio;
import io.tiffin.support.IntegrationTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Telegram voice messages go the way WhatsApp voice notes do: {@code getFile} with the merchant's bot
 * (the Bot API stand-in), the download from the bot's file path on the same host, the size cap,
 * decoding, recognition against the menu, and a reply that starts with what was heard. Audio is made
 * in the test with espeak-ng and opusenc; the update is the shared fixture's.
 */
class TelegramVoiceNoteIntegrationTest extends IntegrationTestSupport {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    /** A host that is not allowed: nothing may ever be requested from it. */
    private static final WireMockServer ELSEWHERE =
            new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeAll
    static void elsewhere() {
        ELSEWHERE.start();
    }

    @AfterAll
    static void stopElsewhere() {
        ELSEWHERE.stop();
    }

    private TestMerchant merchant;
    private String token;
    private String secret;
    private final String chat = String.valueOf(6_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L));

    @BeforeEach
    void botConnected() {
        merchant = newMerchant("Telegram Voice Kitchen");
        token = Math.floorMod(System.nanoTime(), 1_000_000_000L) + 1000 + ":AAV" + Long.toHexString(System.nanoTime())
                + "dqTcvCH1vGWJxfSeofSAs0K5PAL";
        for (String method : List.of("setWebhook", "answerCallbackQuery", "editMessageReplyMarkup")) {
            GRAPH.stubFor(post(urlEqualTo("/bot" + token + "/" + method))
                    .willReturn(okJson("{\"ok\":true,\"result\":true}")));
        }
        GRAPH.stubFor(post(urlEqualTo("/bot" + token + "/sendMessage"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":97,\"date\":1,\"chat\":{\"id\":" + chat
                        + ",\"type\":\"private\"}}}")));
        HttpResponse<String> saved = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                ("{\"channels\":{\"telegramBotToken\":\"" + token + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        secret = json.readTree(GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/setWebhook")))
                        .get(0)
                        .getBodyAsString())
                .get("secret_token")
                .asString();
    }

    @Test
    void aVoiceMessageIsFetchedWithGetFileHeardAndPriced() {
        assumeTrue(
                SpokenAudio.toolsInstalled() && SpokenAudio.recognizerInstalled(), "espeak-ng, opusenc, pocketsphinx");
        String fileId =
                serveFile(SpokenAudio.voiceNote("two butter chicken and three garlic naan"), "voice/file_7.oga");

        assertThat(update(voice(fileId)).statusCode()).isEqualTo(200);

        String cart = await().atMost(Duration.ofSeconds(30)).until(() -> sent("Total"), s -> s != null);
        assertThat(cart)
                .startsWith("I heard: \"two butter chicken and three garlic naan\"")
                .contains("2 × Butter Chicken", "3 × Garlic Naan", "Total: ₹908");
        // the file was asked for by id, then downloaded from the bot's file path, both on the Bot API host
        assertThat(GRAPH.findAll(getRequestedFor(urlPathEqualTo("/bot" + token + "/getFile"))
                        .withQueryParam("file_id", equalTo(fileId))))
                .hasSize(1);
        assertThat(GRAPH.findAll(getRequestedFor(urlEqualTo("/file/bot" + token + "/voice/file_7.oga"))))
                .hasSize(1);
    }

    @Test
    void aFileOverTheCapOrAPathLeadingElsewhereIsNeverDownloaded() {
        String huge = "BIG" + IDS.incrementAndGet();
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/bot" + token + "/getFile"))
                .withQueryParam("file_id", equalTo(huge))
                .willReturn(okJson("""
                        {"ok":true,"result":{"file_id":"%s","file_unique_id":"u1","file_size":%d,"file_path":"voice/big.oga"}}""".formatted(huge, 17L << 20))));
        String unusual = "ODD" + IDS.incrementAndGet();
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/bot" + token + "/getFile"))
                .withQueryParam("file_id", equalTo(unusual))
                .willReturn(okJson("""
                        {"ok":true,"result":{"file_id":"%s","file_unique_id":"u2","file_size":100,
                         "file_path":"@127.0.0.1:%d/steal"}}""".formatted(unusual, ELSEWHERE.port()))));

        update(voice(huge));
        update(voice(unusual));

        String tooLong = await().atMost(Duration.ofSeconds(20)).until(() -> sent("too long"), s -> s != null);
        assertThat(tooLong).contains("2 minutes at most");
        assertThat(GRAPH.findAll(getRequestedFor(urlEqualTo("/file/bot" + token + "/voice/big.oga"))))
                .isEmpty();
        // a path that is not a plain file path is a failed download (retried, then a dead letter), never a request
        // elsewhere
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(ELSEWHERE.getAllServeEvents()).isEmpty();
        assertThat(sentTexts()).noneMatch(t -> t.contains(token));
    }

    private String serveFile(byte[] audio, String path) {
        String fileId = "AwAC" + IDS.incrementAndGet() + "-voice_" + Long.toHexString(System.nanoTime());
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/bot" + token + "/getFile"))
                .withQueryParam("file_id", equalTo(fileId))
                .willReturn(okJson("""
                        {"ok":true,"result":{"file_id":"%s","file_unique_id":"AgAD","file_size":%d,"file_path":"%s"}}""".formatted(fileId, audio.length, path))));
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/file/bot" + token + "/" + path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/ogg")
                        .withBody(audio)));
        return fileId;
    }

    /** The shared fixture's voice update, from this chat, with this file. */
    private String voice(String fileId) {
        JsonNode fixture = json.readTree(read("../shared/fixtures/telegram/update_voice.json"));
        return fixture.toString()
                .replace("900946531", String.valueOf(IDS.incrementAndGet()))
                .replace("3527065", chat)
                .replace("AwADAQADCQADgtFRRGn8KrC-0D_MAg", fileId)
                .replace("\"file_size\":4288", "\"file_size\":5000");
    }

    private HttpResponse<String> update(String body) {
        return send(request("/webhooks/telegram/" + merchant.id())
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private List<String> sentTexts() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .filter(m -> chat.equals(m.get("chat_id").asString()))
                .map(m -> m.get("text").asString())
                .toList();
    }

    private String sent(String containing) {
        return sentTexts().stream()
                .filter(t -> t.contains(containing))
                .findFirst()
                .orElse(null);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
