package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.speech.SpokenAudio;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * WhatsApp voice notes end to end: the webhook in the Cloud API's shape (the shared fixture), the
 * media flow served by the Graph API stand-in (media id → URL → bytes, both with the bearer token),
 * recognition, and the reply that starts with what was heard.
 */
class VoiceNoteIntegrationTest extends IntegrationTestSupport {

    /** A host that is not allowed: nothing may ever be requested from it. */
    private static final WireMockServer ELSEWHERE =
            new WireMockServer(wireMockConfig().dynamicPort());

    private TestMerchant merchant;
    private String customer;

    @BeforeAll
    static void elsewhere() {
        ELSEWHERE.start();
    }

    @AfterAll
    static void stopElsewhere() {
        ELSEWHERE.stop();
    }

    @BeforeEach
    void merchant() {
        merchant = newMerchant("Voice Note Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
    }

    @Test
    void aSpokenOrderIsHeardPricedConfirmedAndPlaced() {
        assumeTrue(
                SpokenAudio.toolsInstalled() && SpokenAudio.recognizerInstalled(), "espeak-ng, opusenc, pocketsphinx");
        String mediaId = serveMedia(SpokenAudio.voiceNote("two butter chicken and three garlic naan"));

        assertThat(postWhatsApp(voiceNote(mediaId)).statusCode()).isEqualTo(200);

        String cart = awaitMessages(merchant, customer, 1).get(0);
        assertThat(cart)
                .startsWith("I heard: \"two butter chicken and three garlic naan\"")
                .contains("2 × Butter Chicken", "3 × Garlic Naan", "Total: ₹908");
        JsonNode order = placeWhatsAppOrderAfterCart();
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(order.at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(order.at("/items/1/name").asString()).isEqualTo("Garlic Naan");
    }

    @Test
    void aMediaUrlOnAHostThatIsNotAllowedIsNeverFetched() {
        String mediaId = "7" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/" + mediaId))
                .willReturn(okJson("""
                {"url":"http://127.0.0.1:%d/steal?mid=%s","mime_type":"audio/ogg","file_size":2048,"id":"%s",
                 "messaging_product":"whatsapp"}""".formatted(ELSEWHERE.port(), mediaId, mediaId))));
        // and a redirect from an allowed host to that one is not followed either
        String redirectId = mediaId + "1";
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/" + redirectId))
                .willReturn(okJson("""
                {"url":"%s/media/%s","file_size":2048,"id":"%s"}""".formatted(GRAPH.baseUrl(), redirectId, redirectId))));
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/media/" + redirectId))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + ELSEWHERE.port() + "/steal")));

        postWhatsApp(voiceNote(mediaId));
        postWhatsApp(voiceNote(redirectId));

        List<String> replies = awaitMessages(merchant, customer, 2);
        assertThat(ELSEWHERE.getAllServeEvents()).isEmpty();
        assertThat(replies)
                .allSatisfy(
                        r -> assertThat(r).containsAnyOf("couldn't play that audio", "can't listen to voice messages"));
    }

    @Test
    void corruptEmptyOversizedAndWrongFormatAudioAreAnsweredPolitelyAndNotRetried() {
        String corrupt = serveMedia(("OggS" + "\0".repeat(40) + "garbage that is not an ogg page").getBytes());
        String text = serveMedia("this is a text file, not audio at all".getBytes());
        String empty = serveMedia(new byte[0]);
        String huge = "8" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/" + huge))
                .willReturn(okJson("""
                {"url":"%s/media/%s","file_size":%d,"id":"%s"}""".formatted(GRAPH.baseUrl(), huge, 20L << 20, huge))));

        for (String id : List.of(corrupt, text, empty, huge)) {
            assertThat(postWhatsApp(voiceNote(id)).statusCode()).isEqualTo(200);
        }

        List<String> replies = awaitMessages(merchant, customer, 4);
        assertThat(replies)
                .hasSize(4)
                .allSatisfy(r -> assertThat(r)
                        .containsAnyOf(
                                "couldn't play that audio",
                                "couldn't play this kind of audio",
                                "couldn't make out",
                                "too long",
                                "can't listen to voice messages"));
        assertThat(GRAPH.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/media/" + huge))))
                .isEmpty();
    }

    @Test
    void healthSaysWhetherSpeechRecognitionIsInstalled() {
        JsonNode health = parse(get("/actuator/health", adminToken()));

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/speech/details/local").asString())
                .isEqualTo(
                        SpokenAudio.recognizerInstalled() ? "pocketsphinx" : "not installed (voice notes ask to type)");
    }

    /** The media id resolves to a URL on the stand-in, which serves the bytes to the bearer of the token only. */
    private String serveMedia(byte[] audio) {
        String mediaId = "6" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/" + mediaId))
                .withHeader("Authorization", equalTo("Bearer test-access-token"))
                .willReturn(okJson("""
                        {"url":"%s/media/%s?ext=1&hash=abc","mime_type":"audio/ogg; codecs=opus","sha256":"x",
                         "file_size":%d,"id":"%s","messaging_product":"whatsapp"}""".formatted(GRAPH.baseUrl(), mediaId, audio.length, mediaId))));
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/media/" + mediaId))
                .withHeader("Authorization", equalTo("Bearer test-access-token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/ogg")
                        .withBody(audio)));
        return mediaId;
    }

    /** The shared fixture's voice note, addressed to this merchant from this customer. */
    private String voiceNote(String mediaId) {
        try {
            String fixture = Files.readString(Path.of("../shared/fixtures/whatsapp/inbound_audio_voice.json"));
            return fixture.replace(
                            "\"phone_number_id\": \"1111111111111\"",
                            "\"phone_number_id\": \"" + merchant.phoneNumberId() + "\"")
                    .replace("\"wa_id\": \"1111111111111\"", "\"wa_id\": \"" + customer + "\"")
                    .replace("\"from\": \"1111111111111\"", "\"from\": \"" + customer + "\"")
                    .replace(
                            "\"timestamp\": \"1673033070\"",
                            "\"timestamp\": \"" + java.time.Instant.now().getEpochSecond() + "\"")
                    .replace(
                            "wamid.HBzk5zNkE1NNzAzgNNTUyNMDkzIYFDNFNhjMyNjcUCABQjA1NzcDY0M0AA==",
                            WhatsAppPayloads.newMessageId())
                    .replace("\"id\": \"827776106019109\"", "\"id\": \"" + mediaId + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode placeWhatsAppOrderAfterCart() {
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
        assertThat(awaitMessages(merchant, customer, 2).get(1)).contains("Where should we deliver");
        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(),
                customer,
                WhatsAppPayloads.newMessageId(),
                12.9716,
                77.5946,
                "42 Residency Road, Bengaluru"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> latestOrderOf(merchant, customer) != null);
        assertThat(awaitMessages(merchant, customer, 3).get(2)).contains("₹908");
        return latestOrderOf(merchant, customer);
    }
}
