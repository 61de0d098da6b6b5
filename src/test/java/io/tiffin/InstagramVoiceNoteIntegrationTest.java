package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.platform.security.HmacSignatures;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instagram audio attachments go the way WhatsApp voice notes do: the attachment URL of the webhook
 * (the shared fixture, pointed at the CDN stand-in) is fetched through the allow-list without the access
 * token, decoded, heard against the menu, and answered starting with what was heard. Instagram's
 * MP4/AAC is read by ffmpeg where it is installed and answered by asking to type where it is not.
 */
class InstagramVoiceNoteIntegrationTest extends IntegrationTestSupport {

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
    private String account;
    private final String customer = "98" + Math.floorMod(System.nanoTime(), 1_000_000_000_000L);

    @BeforeEach
    void accountBound() {
        merchant = newMerchant("Instagram Voice Kitchen");
        account = "178415" + Math.floorMod(System.nanoTime(), 100_000_000_000L);
        HttpResponse<String> patched = send(
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
    void anAudioAttachmentIsFetchedFromItsUrlHeardAndPriced() {
        assumeTrue(
                SpokenAudio.toolsInstalled() && SpokenAudio.recognizerInstalled(), "espeak-ng, opusenc, pocketsphinx");
        String url = serve(SpokenAudio.voiceNote("two butter chicken and three garlic naan"), "audio/ogg");

        assertThat(dm(attachment(url)).statusCode()).isEqualTo(200);

        String cart = await().atMost(Duration.ofSeconds(30)).until(() -> reply("Total"), r -> r != null);
        assertThat(cart)
                .startsWith("I heard: \"two butter chicken and three garlic naan\"")
                .contains("2 × Butter Chicken", "3 × Garlic Naan", "Total: ₹908");
        // a CDN URL is signed: the access token is not sent to it
        assertThat(GRAPH.findAll(getRequestedFor(urlPathEqualTo(path(url))))
                        .get(0)
                        .containsHeader("Authorization"))
                .isFalse();
    }

    @Test
    void mp4AudioIsHeardWithFfmpegOrAnsweredByAskingToType() {
        boolean ffmpeg = onPath("ffmpeg");
        assumeTrue(
                !ffmpeg || SpokenAudio.toolsInstalled() && SpokenAudio.recognizerInstalled(),
                "espeak-ng, pocketsphinx");
        String url = serve(ffmpeg ? m4a("two butter chicken") : m4aHeaderOnly(), "audio/mp4");

        dm(attachment(url));

        String answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> replies().isEmpty() ? null : replies().get(0), r -> r != null);
        if (ffmpeg) {
            assertThat(answer).startsWith("I heard: \"two butter chicken\"").contains("2 × Butter Chicken");
        } else {
            assertThat(answer).contains("couldn't play this kind of audio", "Please type your order");
        }
    }

    @Test
    void anAttachmentOnAHostThatIsNotAllowedIsNeverFetched() {
        String url = "http://127.0.0.1:" + ELSEWHERE.port() + "/ig_messaging_cdn/?asset_id=1&signature=x";

        assertThat(dm(attachment(url)).statusCode()).isEqualTo(200);

        String answer = await().atMost(Duration.ofSeconds(20))
                .until(() -> replies().isEmpty() ? null : replies().get(0), r -> r != null);
        assertThat(answer).contains("couldn't play that audio");
        assertThat(ELSEWHERE.getAllServeEvents()).isEmpty();
    }

    /** An attachment URL on the stand-in, shaped like Meta's CDN's ({@code /ig_messaging_cdn/?asset_id=...}). */
    private String serve(byte[] audio, String type) {
        String asset = String.valueOf(IDS.incrementAndGet());
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/ig_messaging_cdn/" + asset))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", type)
                        .withBody(audio)));
        return GRAPH.baseUrl() + "/ig_messaging_cdn/" + asset + "?asset_id=" + asset + "&signature=EXAMPLE";
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    /** The shared fixture's audio attachment, to this account from this customer, at this URL. */
    private String attachment(String url) {
        return read("../shared/fixtures/instagram/inbound_audio_attachment.json")
                .replace("17841400000000001", account)
                .replace("1234567890123456", customer)
                .replace("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUl", "m_" + UUID.randomUUID())
                .replace(
                        "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17900000000000001&signature=EXAMPLE_SIGNATURE",
                        url)
                .replace("1735689704567", String.valueOf(System.currentTimeMillis()));
    }

    private HttpResponse<String> dm(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request("/webhooks/instagram")
                .header("Content-Type", "application/json")
                .header(
                        "X-Hub-Signature-256",
                        "sha256="
                                + HmacSignatures.hmacSha256Hex(
                                        INSTAGRAM_SECRET.getBytes(StandardCharsets.UTF_8), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    private List<String> replies() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/" + account + "/messages"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .filter(r -> customer.equals(r.at("/recipient/id").asString()))
                .map(r -> r.at("/message/text").asString())
                .toList();
    }

    private String reply(String containing) {
        return replies().stream()
                .filter(t -> t.contains(containing))
                .findFirst()
                .orElse(null);
    }

    /** The start of an M4A file (an {@code ftyp} box and some media data): what Instagram sends, minus the sound. */
    private static byte[] m4aHeaderOnly() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64);
        b.putInt(24)
                .put("ftypM4A ".getBytes(StandardCharsets.US_ASCII))
                .putInt(0)
                .put("M4A isom".getBytes(StandardCharsets.US_ASCII))
                .putInt(40)
                .put("mdat".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Spoken words as MP4/AAC, made with espeak-ng and ffmpeg (only where ffmpeg is installed). */
    private static byte[] m4a(String words) {
        try {
            Path dir = Files.createTempDirectory("spoken-m4a-");
            Path wav = dir.resolve("said.wav");
            Path m4a = dir.resolve("said.m4a");
            run("espeak-ng", "-v", "en-us", "-w", wav.toString(), words);
            run(
                    "ffmpeg",
                    "-nostdin",
                    "-loglevel",
                    "error",
                    "-i",
                    wav.toString(),
                    "-c:a",
                    "aac",
                    "-b:a",
                    "48k",
                    m4a.toString());
            byte[] bytes = Files.readAllBytes(m4a);
            Files.delete(wav);
            Files.delete(m4a);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command[0] + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
