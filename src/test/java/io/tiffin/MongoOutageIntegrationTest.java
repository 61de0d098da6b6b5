package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.ChildApp;
import io.tiffin.support.WhatsAppPayloads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real MongoDB (here a MongoDB-wire server the test runs on its own port, as {@code MONGODB_URI})
 * goes away under the running app and comes back on the same address. While it is gone a signed
 * webhook answers 503 with Retry-After within a few seconds (the provider redelivers; nothing was
 * acknowledged that was not stored) and health answers at once naming the store; once it is back the
 * same webhook is acknowledged and the customer answered, without restarting the app. A message in hand
 * when the store goes (waiting for a slow model) is kept in hand and answered once the store is back,
 * exactly once, without its outage counting as a failed attempt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoOutageIntegrationTest {

    private static final String SECRET = "mongo-outage-secret";
    private static final String ADMIN = "admin@outage.tiffin.local";
    private static final String ADMIN_PASSWORD = "outage-admin-password";
    private static final String PHONE_NUMBER_ID = "100000000000777";
    private static final String FIRST_CUSTOMER = "919844444444";
    private static final String SECOND_CUSTOMER = "919844444445";
    /** How long the model takes to fail: the message it reads stays in hand meanwhile. */
    private static final Duration MODEL_DELAY = Duration.ofSeconds(4);
    /** The driver's default server-selection wait is 30 s; the app's default is 2 s. */
    private static final Duration WEBHOOK_BOUND = Duration.ofSeconds(6);

    private static final Duration HEALTH_BOUND = Duration.ofSeconds(1);

    private final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer ollama = new WireMockServer(wireMockConfig().dynamicPort());
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();
    private MongoServer store;
    private int storePort;
    private ChildApp app;
    private String admin;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path storeDir;

    @BeforeAll
    void startEverything() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        // a slow model that fails: the deterministic reading stands, after a wait that keeps the message in hand
        ollama.start();
        ollama.stubFor(post(urlEqualTo("/api/chat"))
                .willReturn(aResponse().withStatus(500).withFixedDelay((int) MODEL_DELAY.toMillis())));
        try (ServerSocket socket = new ServerSocket(0)) {
            storePort = socket.getLocalPort();
        }
        startStore();
        app = ChildApp.start(
                Path.of("target", "mongo-outage", "app.log"),
                dataDir,
                Map.of(
                        "MONGODB_URI",
                        "mongodb://127.0.0.1:" + storePort + "/tiffin",
                        "OLLAMA_BASE_URL",
                        ollama.baseUrl()),
                List.of(
                        "--tiffin.nlu.llm-timeout=20s",
                        "--tiffin.admin.email=" + ADMIN,
                        "--tiffin.admin.password=" + ADMIN_PASSWORD,
                        "--tiffin.whatsapp.app-secret=" + SECRET,
                        "--tiffin.whatsapp.access-token=token",
                        "--tiffin.whatsapp.graph-url=" + graph.baseUrl()));
        app.awaitReady(app::healthy);
        admin = app.login(ADMIN, ADMIN_PASSWORD);
        app.createMerchant(admin, """
                {"name":"Outage Kitchen","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                 "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"}}
                """.formatted(PHONE_NUMBER_ID));
    }

    @AfterAll
    void stopEverything() {
        if (app != null) {
            app.kill();
        }
        if (store != null) {
            store.shutdownNow();
        }
        ollama.stop();
        graph.stop();
    }

    @Test
    void anUnreachableStoreRefusesWebhooksFastAndTheAppRecoversWhenItIsBack() throws Exception {
        assertThat(webhook(text(FIRST_CUSTOMER, "1 dal makhani")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions(FIRST_CUSTOMER, "dal makhani") > 0);
        // the outage starts between messages (the reply goes out before its message is marked done)
        awaitNothingInHand();

        store.shutdownNow();
        String redelivered = text(FIRST_CUSTOMER, "1 garlic naan");
        long started = System.nanoTime();
        HttpResponse<String> refused = webhook(redelivered);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("MongoOutage: webhook refused in %d ms%n", took.toMillis());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(refused.body()).path("error").asString()).isEqualTo("service_unavailable");
        assertThat(took).isLessThan(WEBHOOK_BOUND);
        // the driver now knows the server is gone, so the next one waits the whole server-selection timeout
        started = System.nanoTime();
        HttpResponse<String> again = webhook(text(FIRST_CUSTOMER, "1 chole"));
        took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("MongoOutage: next webhook refused in %d ms%n", took.toMillis());
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(WEBHOOK_BOUND);

        started = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health");
        took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("MongoOutage: health answered in %d ms while the store was down%n", took.toMillis());
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode components = json.readTree(health.body()).path("components");
        assertThat(components.at("/mongo/status").asString()).isEqualTo("DOWN");
        assertThat(components.at("/redis/status").asString()).isEqualTo("UP");
        assertThat(took).isLessThan(HEALTH_BOUND);

        startStore();
        started = System.nanoTime();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> webhook(redelivered).statusCode() == 200);
        System.out.printf(
                "MongoOutage: the redelivery was acknowledged %d ms after the store came back%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions(FIRST_CUSTOMER, "garlic naan") > 0);
        await().atMost(Duration.ofSeconds(10)).until(app::healthy);
        // acknowledged once, stored once: a further redelivery changes nothing
        assertThat(webhook(redelivered).statusCode()).isEqualTo(200);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> mentions(FIRST_CUSTOMER, "garlic naan") == 1);
    }

    @Test
    void aMessageInHandWhenTheStoreGoesIsAnsweredOnceItIsBackWithoutCountingAnAttempt() throws Exception {
        awaitNothingInHand();
        String messageId = WhatsAppPayloads.newMessageId();
        long outagesSeen = outagesLogged();
        // "chicken" is on the menu several times over: the deterministic reading is unsure and asks the model
        assertThat(webhook(WhatsAppPayloads.text(PHONE_NUMBER_ID, SECOND_CUSTOMER, "Ravi", messageId, "2 chicken"))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> inboxStats().path("PROCESSING").asLong(-1) == 1);

        store.shutdownNow();
        // the model answers meanwhile, and the handling's next write finds no store
        await().atMost(MODEL_DELAY.plusSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> outagesLogged() > outagesSeen);
        assertThat(replies(SECOND_CUSTOMER)).isEmpty();
        startStore();
        long started = System.nanoTime();

        await().atMost(Duration.ofSeconds(40))
                .until(() -> !replies(SECOND_CUSTOMER).isEmpty());
        System.out.printf(
                "MongoOutage: the message in hand was answered %d ms after the store came back%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        // answered once: no reply of the turn went out twice (the turn may say more than one thing)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> {
            List<String> replies = replies(SECOND_CUSTOMER);
            return replies.size() == replies.stream().distinct().count();
        });
        assertThat(String.join("\n", replies(SECOND_CUSTOMER)).toLowerCase(Locale.ROOT))
                .contains("butter chicken");
        JsonNode entry = inboxEntry("DONE", messageId);
        assertThat(entry.path("attempts").asInt()).as("attempts").isEqualTo(1);
        assertThat(entry.path("lastError").isMissingNode()
                        || entry.path("lastError").isNull())
                .as("no error recorded: %s", entry)
                .isTrue();
        assertThat(inboxStats().path("DEAD").asLong(-1)).isZero();
    }

    /** The store's documents live in an H2 file, so a store started again on the port has them all. */
    private void startStore() {
        store = new MongoServer(new H2Backend(storeDir.resolve("store.mv").toString()));
        store.bind("127.0.0.1", storePort);
    }

    private void awaitNothingInHand() {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            JsonNode stats = inboxStats();
            return stats.path("PROCESSING").asLong(-1) == 0
                    && stats.path("RECEIVED").asLong(-1) == 0;
        });
    }

    private JsonNode inboxStats() {
        return json.readTree(
                app.send("GET", "/api/v1/admin/inbox/stats", admin, null).body());
    }

    private JsonNode inboxEntry(String state, String providerMessageId) {
        for (JsonNode entry : json.readTree(app.send("GET", "/api/v1/admin/inbox?state=" + state, admin, null)
                .body())) {
            if (providerMessageId.equals(entry.path("providerMessageId").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no " + state + " inbox entry for " + providerMessageId);
    }

    /**
     * Lines where the worker met the unreachable store while handling a message (a failed attempt before
     * the fix, a wait for the store after it): Spring Data's translation of the driver's timeout.
     */
    private long outagesLogged() throws IOException {
        try (var lines = Files.lines(app.log)) {
            return lines.filter(line ->
                            line.contains("Inbox message") && line.contains("DataAccessResourceFailureException"))
                    .count();
        }
    }

    private String text(String customer, String body) {
        return WhatsAppPayloads.text(PHONE_NUMBER_ID, customer, "Asha", WhatsAppPayloads.newMessageId(), body);
    }

    private List<String> replies(String customer) {
        return graph
                .findAll(postRequestedFor(urlEqualTo("/" + PHONE_NUMBER_ID + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .stream()
                .map(r -> r.getBodyAsString())
                .toList();
    }

    /** How many messages to the customer name {@code item} anywhere (text, buttons or list rows). */
    private long mentions(String customer, String item) {
        return replies(customer).stream()
                .filter(body -> body.toLowerCase(Locale.ROOT).contains(item))
                .count();
    }

    private HttpResponse<String> webhook(String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + "/webhooks/whatsapp"))
                        .timeout(Duration.ofSeconds(40))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + HmacSignatures.hmacSha256Hex(SECRET, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path))
                        .timeout(Duration.ofSeconds(40))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
