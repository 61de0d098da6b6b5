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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tiffin.support.ChildApp;
import io.tiffin.support.WhatsAppPayloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ollama hangs (answers nothing for far longer than the app waits) while 30 customers at once send a
 * message the deterministic parser is unsure of, so each would go to the model. Every customer is
 * answered with the deterministic reading within a bound set by the model timeout; most are answered
 * without waiting for the model at all, because only a few messages may wait for it at once and the
 * breaker stops asking after a few failures; health names the model as degraded, the platform stays UP.
 */
class OllamaHungIntegrationTest {

    private static final String SECRET = "ollama-hung-secret";
    private static final String ADMIN = "admin@ollama.tiffin.local";
    private static final String ADMIN_PASSWORD = "ollama-admin-password";
    private static final String PHONE_NUMBER_ID = "100000000000666";
    private static final int CUSTOMERS = 30;
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(5);
    private static final int MODEL_CONCURRENCY = 2;
    /** A customer's own wait for the model, plus one earlier message of its partition that waited too, plus slack. */
    private static final Duration EVERYONE_WITHIN =
            MODEL_TIMEOUT.multipliedBy(2).plusSeconds(5);
    /** Answered without waiting for the model. */
    private static final Duration FAST = MODEL_TIMEOUT.dividedBy(2);

    private final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer ollama =
            new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
    private final ObjectMapper json = JsonMapper.builder().build();
    private ChildApp app;

    @TempDir
    Path dataDir;

    @AfterEach
    void stopEverything() {
        if (app != null) {
            app.kill();
        }
        ollama.stop();
        graph.stop();
    }

    @Test
    void aHungModelDelaysNoCustomerBeyondItsTimeoutAndMostNotAtAll() throws Exception {
        graph.start();
        ollama.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        // far above the app's timeout: as good as never
        ollama.stubFor(post(urlEqualTo("/api/chat"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
        app = ChildApp.start(
                Path.of("target", "ollama-hung", "app.log"),
                dataDir,
                Map.of("OLLAMA_BASE_URL", ollama.baseUrl()),
                List.of(
                        "--tiffin.demo=false",
                        "--tiffin.nlu.llm-timeout=" + MODEL_TIMEOUT.toSeconds() + "s",
                        "--tiffin.nlu.llm-concurrency=" + MODEL_CONCURRENCY,
                        "--tiffin.admin.email=" + ADMIN,
                        "--tiffin.admin.password=" + ADMIN_PASSWORD,
                        "--tiffin.whatsapp.app-secret=" + SECRET,
                        "--tiffin.whatsapp.access-token=token",
                        "--tiffin.whatsapp.graph-url=" + graph.baseUrl()));
        app.awaitReady(app::healthy);
        String admin = app.login(ADMIN, ADMIN_PASSWORD);
        app.createMerchant(admin, """
                {"name":"Hung Model Kitchen","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                 "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"}}
                """.formatted(PHONE_NUMBER_ID));
        // warm the handling path with a message the deterministic parser is sure of (no model)
        app.webhook(SECRET, text("919833000099", "1 dal makhani"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> firstReply("919833000099").isPresent());
        assertThat(ollama.getAllServeEvents()).isEmpty();

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, CUSTOMERS)
                    .forEach(i -> senders.submit(() -> {
                        String customer = customer(i);
                        sentAt.put(customer, System.currentTimeMillis());
                        // "chicken" is on the menu several times over: the deterministic reading asks which
                        app.webhook(SECRET, text(customer, "2 chicken"));
                    }));
        }
        await().atMost(EVERYONE_WITHIN.plusSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> IntStream.range(0, CUSTOMERS)
                        .allMatch(i -> firstReply(customer(i)).isPresent()));

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            LoggedRequest reply = firstReply(customer(i)).orElseThrow();
            waits.add(reply.getLoggedDate().getTime() - sentAt.get(customer(i)));
            // the deterministic reading: a question about which chicken, with the menu's choices
            assertThat(reply.getBodyAsString().toLowerCase(Locale.ROOT)).contains("butter chicken");
        }
        List<Long> sorted = waits.stream().sorted().toList();
        System.out.printf(
                "OllamaHung: %d customers answered in p50 %d ms, p90 %d ms, max %d ms (model timeout %d ms); model asked %d times%n",
                CUSTOMERS,
                sorted.get(CUSTOMERS / 2),
                sorted.get(CUSTOMERS * 9 / 10),
                sorted.getLast(),
                MODEL_TIMEOUT.toMillis(),
                ollama.getAllServeEvents().size());
        assertThat(sorted.getLast()).as("slowest answer, ms").isLessThan(EVERYONE_WITHIN.toMillis());
        assertThat(sorted.stream().filter(w -> w < FAST.toMillis()).count())
                .as("answered without waiting for the model: %s", sorted)
                .isGreaterThanOrEqualTo(CUSTOMERS * 2 / 3);
        // two at a time, and the breaker opens on the third failure: at most two waves of two
        assertThat(ollama.getAllServeEvents()).hasSizeLessThanOrEqualTo(2 * MODEL_CONCURRENCY);

        var health =
                json.readTree(app.send("GET", "/actuator/health", null, null).body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/llm/status").asString()).isEqualTo("DEGRADED");
    }

    private static String customer(int i) {
        return "9198330%05d".formatted(i);
    }

    private static String text(String customer, String body) {
        return WhatsAppPayloads.text(PHONE_NUMBER_ID, customer, "Asha", WhatsAppPayloads.newMessageId(), body);
    }

    private Optional<LoggedRequest> firstReply(String customer) {
        return graph
                .findAll(postRequestedFor(urlEqualTo("/" + PHONE_NUMBER_ID + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .stream()
                .min(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
    }
}
