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
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tiffin.support.ChildApp;
import io.tiffin.support.GraphMessages;
import io.tiffin.support.WhatsAppPayloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app processes on one MongoDB and one Redis: the first runs the embedded stores, the second is
 * pointed at them with {@code MONGODB_URI} / {@code REDIS_URL}, as instances behind a load balancer
 * would share real ones. One customer's messages go alternately to both, without waiting for replies:
 * they are answered in the order sent and no cart update is lost; the unaccepted-order sweep, firing
 * every second on both, runs once per round and rejects the order once.
 */
class MultiInstanceIntegrationTest {

    private static final String SECRET = "multi-app-secret";
    private static final String ADMIN = "admin@multi.tiffin.local";
    private static final String ADMIN_PASSWORD = "multi-admin-password";
    private static final String PHONE_NUMBER_ID = "100000000000888";
    private static final String CUSTOMER = "919855555555";
    private static final List<String> ITEMS = List.of("dal makhani", "chole", "garlic naan", "hara bhara kebab");
    private static final Pattern MONGO_PORT = Pattern.compile("Embedded MongoDB-wire store on [0-9.]+:(\\d+)");
    private static final Pattern REDIS_PORT = Pattern.compile("Embedded Redis on [0-9.]+:(\\d+)");

    private final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<ChildApp> started = new ArrayList<>();

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    @AfterEach
    void stopEverything() {
        started.reversed().forEach(ChildApp::kill);
        graph.stop();
    }

    @Test
    void oneConversationAcrossTwoInstancesIsHandledInOrderAndASweepRunsOncePerRound() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));

        Child a = start("a", dataDir, Map.of());
        Path aLog = a.log;
        String mongoPort = await().atMost(Duration.ofSeconds(60)).until(() -> find(aLog, MONGO_PORT), p -> p != null);
        String redisPort = await().atMost(Duration.ofSeconds(60)).until(() -> find(aLog, REDIS_PORT), p -> p != null);
        Child b = start(
                "b",
                otherDataDir,
                Map.of(
                        "MONGODB_URI",
                        "mongodb://127.0.0.1:" + mongoPort + "/tiffin",
                        "REDIS_URL",
                        "redis://127.0.0.1:" + redisPort));
        a.awaitReady();
        b.awaitReady();

        String admin = a.login();
        String merchantId = a.createMerchant(admin);
        // both answer for the same store: the merchant made on one is there on the other
        assertThat(b.send("GET", "/api/v1/merchants/" + merchantId, b.login(), null)
                        .statusCode())
                .isEqualTo(200);

        List<Child> instances = List.of(a, b);
        for (int i = 0; i < ITEMS.size(); i++) {
            instances
                    .get(i % 2)
                    .webhook(WhatsAppPayloads.text(
                            PHONE_NUMBER_ID, CUSTOMER, "Asha", WhatsAppPayloads.newMessageId(), "1 " + ITEMS.get(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ITEMS.stream().allMatch(item -> firstMention(item) >= 0));
        // each item is first named in the reply to its own message: replies came in the order sent
        List<Integer> mentions = ITEMS.stream().map(this::firstMention).toList();
        assertThat(mentions)
                .as("first mentions of %s in %s", ITEMS, sentTo(CUSTOMER))
                .isSorted()
                .doesNotHaveDuplicates()
                .doesNotContain(-1);

        int before = sentTo(CUSTOMER).size();
        b.webhook(WhatsAppPayloads.buttonReply(
                PHONE_NUMBER_ID, CUSTOMER, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
        a.webhook(WhatsAppPayloads.location(
                PHONE_NUMBER_ID,
                CUSTOMER,
                "Asha",
                WhatsAppPayloads.newMessageId(),
                12.9716,
                77.5946,
                "42 Residency Road"));
        String orders = "/api/v1/merchants/" + merchantId + "/orders";
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        json.readTree(a.send("GET", orders, admin, null).body()).size() == 1);
        assertThat(sentTo(CUSTOMER).size()).isGreaterThan(before);
        // every cart update made it into the order, whichever instance made it
        String order = json.readTree(a.send("GET", orders, admin, null).body())
                .get(0)
                .toString()
                .toLowerCase(Locale.ROOT);
        assertThat(order).contains(ITEMS);

        // nobody accepts it: the sweep on one of the two rejects it, and the customer hears it once
        await().atMost(Duration.ofSeconds(20)).until(() -> rejections() >= 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> rejections() == 1);
        List<Long> runs = sweepRuns(redisPort);
        assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
        // both instances' timers fire every second; one run per round means runs at least ~0.8 s apart
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i - 1) - runs.get(i))
                    .as("gap between sweep runs")
                    .isGreaterThanOrEqualTo(600);
        }
    }

    private long rejections() {
        return sentTo(CUSTOMER).stream()
                .filter(m -> m.contains("didn't accept your order"))
                .count();
    }

    /** Run times of the unaccepted-order sweep, newest first, as recorded in the shared Redis. */
    private static List<Long> sweepRuns(String redisPort) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().lrange("tiffin:jobs:unaccepted-orders:runs", 0, -1).stream()
                    .map(run -> Long.parseLong(run.substring(run.lastIndexOf('@') + 1)))
                    .toList();
        } finally {
            client.shutdown();
        }
    }

    /** The index of the first message to the customer naming the item anywhere (text, buttons or list rows). */
    private int firstMention(String item) {
        List<String> sent = graph
                .findAll(postRequestedFor(urlEqualTo("/" + PHONE_NUMBER_ID + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(CUSTOMER))))
                .stream()
                .map(r -> r.getBodyAsString())
                .toList();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).toLowerCase(Locale.ROOT).contains(item)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> sentTo(String customer) {
        return GraphMessages.sentTo(graph, PHONE_NUMBER_ID, customer);
    }

    private static String find(Path log, Pattern pattern) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        Matcher matcher = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : null;
    }

    private Child start(String name, Path data, Map<String, String> env) throws IOException {
        Child child = new Child(
                name,
                ChildApp.start(
                        Path.of("target", "multi-instance", name + ".log"),
                        data,
                        env,
                        List.of(
                                "--tiffin.demo=false",
                                "--tiffin.cluster.instance-id=" + name,
                                // both instances store what they acknowledge in the shared inbox (the journal is one
                                // machine's disk)
                                "--tiffin.intake.journal=off",
                                "--tiffin.orders.sweep-every=1s",
                                "--tiffin.orders.alert-after=2s",
                                "--tiffin.orders.auto-reject-after=4s",
                                "--tiffin.admin.email=" + ADMIN,
                                "--tiffin.admin.password=" + ADMIN_PASSWORD,
                                "--tiffin.whatsapp.app-secret=" + SECRET,
                                "--tiffin.whatsapp.access-token=token",
                                "--tiffin.whatsapp.graph-url=" + graph.baseUrl())));
        started.add(child);
        return child;
    }

    private final class Child extends ChildApp {
        final String name;

        Child(String name, ChildApp app) {
            super(app);
            this.name = name;
        }

        void awaitReady() {
            awaitReady(() -> {
                // signing in reads MongoDB and counts in Redis; Boot's MongoDB health check is no use here, as
                // it asks the embedded server for the 'hello' command, which it lacks
                try {
                    return send(
                                            "POST",
                                            "/api/v1/auth/login",
                                            null,
                                            "{\"email\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                                    .statusCode()
                            == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        }

        String login() {
            return login(ADMIN, ADMIN_PASSWORD);
        }

        String createMerchant(String admin) throws IOException {
            return createMerchant(admin, """
                    {"name":"Shared Kitchen","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                     "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"}}
                    """.formatted(PHONE_NUMBER_ID));
        }

        void webhook(String body) {
            webhook(SECRET, body);
        }
    }
}
