package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.support.ChildApp;
import io.tiffin.support.GraphMessages;
import io.tiffin.support.WhatsAppPayloads;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process is killed (SIGKILL, no shutdown hooks) between an order's state change and the customer
 * update it causes; after a restart the update is sent, once, and a further crash and restart do not
 * send it again. The app runs as a child JVM on its own data directory, with WireMock as the Graph API;
 * the first run stores events without delivering them, which is exactly where a crash would leave them.
 */
class EventCrashIntegrationTest {

    private static final String SECRET = "crash-app-secret";
    private static final String ADMIN = "admin@crash.tiffin.local";
    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final String PHONE_NUMBER_ID = "100000000000777";
    private static final String CUSTOMER = "919833333333";
    private static final String BYSTANDER = "919844444444";

    private final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<ChildApp> started = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopEverything() {
        started.forEach(ChildApp::kill);
        graph.stop();
    }

    @Test
    void theCustomerUpdateOfAStateChangeACrashInterruptedIsSentOnceAfterRestart() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));

        Child first = start(1, false);
        String admin = first.login();
        String merchantId = first.createMerchant(admin);
        JsonNode order = first.placeOrder(merchantId, admin);
        String accept =
                "/api/v1/merchants/" + merchantId + "/orders/" + order.get("id").asString() + "/accept";
        HttpResponse<String> accepted = first.send("POST", accept, admin, "{\"prepMinutes\":15}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        first.storeCommitted();
        List<ProcessHandle> redis = first.process
                .descendants()
                .filter(p ->
                        p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .toList();
        assertThat(redis).isNotEmpty();
        first.process.destroyForcibly();
        first.process.waitFor();
        // no orphan: the embedded redis-server goes away with the JVM that was killed
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(acceptedMessages()).isZero();

        Child second = start(2, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> acceptedMessages() >= 1);
        assertThat(acceptedMessages()).isEqualTo(1);
        String orderPath =
                "/api/v1/merchants/" + merchantId + "/orders/" + order.get("id").asString();
        String adminAgain = second.login();
        assertThat(json.readTree(second.send("GET", orderPath, adminAgain, null).body())
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveredOnce(second, adminAgain, order.get("id").asString()));
        second.storeCommitted();
        second.kill();

        Child third = start(3, true);
        String adminThird = third.login();
        // the start sweep has run by the time it answers; give a redelivery every chance to show up
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> acceptedMessages() == 1);
        assertThat(deliveredOnce(third, adminThird, order.get("id").asString())).isTrue();
        String message = sentTo(CUSTOMER).stream()
                .filter(m -> m.contains("accepted your order"))
                .findFirst()
                .orElseThrow();
        assertThat(message).contains("#" + order.get("number").asString(), "15 min");
    }

    /** The delivery log holds the customer update of this order's acceptance as done at the first attempt. */
    private boolean deliveredOnce(Child child, String admin, String orderId) {
        JsonNode done = json.readTree(child.send("GET", "/api/v1/admin/events?state=DONE&limit=1000", admin, null)
                .body());
        for (JsonNode delivery : done) {
            if (orderId.equals(delivery.get("documentId").asString())
                    && "notification.customer-updates"
                            .equals(delivery.get("handler").asString())
                    && "OrderStatusChanged".equals(delivery.get("eventType").asString())) {
                return delivery.get("attempts").asInt() == 1;
            }
        }
        return false;
    }

    private long acceptedMessages() {
        return sentTo(CUSTOMER).stream()
                .filter(m -> m.contains("accepted your order"))
                .count();
    }

    private List<String> sentTo(String customer) {
        return GraphMessages.sentTo(graph, PHONE_NUMBER_ID, customer);
    }

    private Child start(int run, boolean relay) throws IOException {
        Child child = new Child(ChildApp.start(
                Path.of("target", "event-crash", "run-" + run + ".log"),
                dataDir,
                Map.of(),
                List.of(
                        "--tiffin.demo=false",
                        "--tiffin.admin.email=" + ADMIN,
                        "--tiffin.admin.password=" + ADMIN_PASSWORD,
                        "--tiffin.whatsapp.app-secret=" + SECRET,
                        "--tiffin.whatsapp.access-token=token",
                        "--tiffin.whatsapp.graph-url=" + graph.baseUrl(),
                        "--tiffin.events.relay.enabled=" + relay)));
        started.add(child);
        child.awaitReady(child::healthy);
        return child;
    }

    private final class Child extends ChildApp {

        Child(ChildApp app) {
            super(app);
        }

        String login() {
            return login(ADMIN, ADMIN_PASSWORD);
        }

        String createMerchant(String admin) throws IOException {
            return createMerchant(admin, """
                    {"name":"Crash Kitchen","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                     "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"}}
                    """.formatted(PHONE_NUMBER_ID));
        }

        /** The customer orders on WhatsApp: text, Confirm, a location. */
        JsonNode placeOrder(String merchantId, String admin) {
            webhook(WhatsAppPayloads.text(
                    PHONE_NUMBER_ID, CUSTOMER, "Asha", WhatsAppPayloads.newMessageId(), "2 garlic naan"));
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(CUSTOMER).size() >= 1);
            webhook(WhatsAppPayloads.buttonReply(
                    PHONE_NUMBER_ID, CUSTOMER, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(CUSTOMER).size() >= 2);
            webhook(WhatsAppPayloads.location(
                    PHONE_NUMBER_ID,
                    CUSTOMER,
                    "Asha",
                    WhatsAppPayloads.newMessageId(),
                    12.9716,
                    77.5946,
                    "42 Residency Road"));
            String orders = "/api/v1/merchants/" + merchantId + "/orders";
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> json.readTree(send("GET", orders, admin, null).body())
                                    .size()
                            == 1);
            return json.readTree(send("GET", orders, admin, null).body()).get(0);
        }

        /**
         * Returns once everything written so far is in the store's file. The embedded store writes it
         * about once a second, and at once when the inbox takes a webhook (before the bot sees it): so
         * a reply to another customer's message means the writes before it are on disk.
         */
        void storeCommitted() {
            int before = sentTo(BYSTANDER).size();
            webhook(WhatsAppPayloads.text(PHONE_NUMBER_ID, BYSTANDER, "Ravi", WhatsAppPayloads.newMessageId(), "hi"));
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(BYSTANDER).size() > before);
        }

        void webhook(String body) {
            webhook(SECRET, body);
        }
    }
}
