package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.tiffin.support.ChildApp;
import io.tiffin.support.GraphMessages;
import io.tiffin.support.WhatsAppPayloads;
import java.io.IOException;
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
 * The process is killed (SIGKILL) after an order paid online was stored and before its payment link
 * was made and sent; after a restart the link is made once and sent once. The app runs as a child JVM
 * on its own data directory with WireMock as the Graph API and as Razorpay; the first run stores events
 * without delivering them, which is exactly where a crash would leave them (see EventCrashIntegrationTest).
 */
class PaymentCrashIntegrationTest {

    private static final String SECRET = "crash-app-secret";
    private static final String ADMIN = "admin@paycrash.tiffin.local";
    private static final String ADMIN_PASSWORD = "paycrash-admin-password";
    private static final String PHONE_NUMBER_ID = "100000000000888";
    private static final String CUSTOMER = "919855555555";

    private final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer razorpay = new WireMockServer(wireMockConfig().dynamicPort());
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<ChildApp> started = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopEverything() {
        started.forEach(ChildApp::kill);
        graph.stop();
        razorpay.stop();
    }

    @Test
    void theLinkOfAnOrderACrashInterruptedIsMadeAndSentOnceAfterRestart() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        razorpay.start();
        razorpay.stubFor(
                WireMock.get(urlPathEqualTo("/v1/payment_links")).willReturn(okJson("{\"payment_links\":[]}")));
        razorpay.stubFor(
                post(urlEqualTo("/v1/payment_links")).willReturn(okJson("""
                {"id":"plink_{{jsonPath request.body '$.reference_id'}}","status":"created","expire_by":{{jsonPath request.body '$.expire_by'}},
                 "short_url":"https://rzp.io/i/{{jsonPath request.body '$.reference_id'}}"}
                """).withTransformers("response-template")));

        Child first = start(1, false);
        String admin = first.login();
        String merchantId = first.createOnlineMerchant(admin);
        JsonNode order = first.placeOrder(merchantId, admin);
        assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        first.storeCommitted();
        first.kill();
        assertThat(linkMessages()).isZero();
        assertThat(linkCalls(order)).isZero();

        Child second = start(2, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> linkMessages() >= 1);
        // the start sweep and the periodic one have every chance to deliver it again
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> linkMessages() == 1);
        assertThat(linkCalls(order)).isEqualTo(1);
        String admin2 = second.login();
        JsonNode stored = json.readTree(second.send(
                        "GET",
                        "/api/v1/merchants/" + merchantId + "/orders/"
                                + order.get("id").asString(),
                        admin2,
                        null)
                .body());
        assertThat(stored.at("/payment/state").asString()).isEqualTo("LINK_SENT");
        assertThat(sentTo(CUSTOMER).stream()
                        .filter(m -> m.contains("rzp.io"))
                        .findFirst()
                        .orElseThrow())
                .contains(
                        "https://rzp.io/i/" + order.get("id").asString(),
                        "#" + order.get("number").asString());
    }

    private long linkMessages() {
        return sentTo(CUSTOMER).stream().filter(m -> m.contains("rzp.io")).count();
    }

    private int linkCalls(JsonNode order) {
        return razorpay.findAll(postRequestedFor(urlEqualTo("/v1/payment_links"))
                        .withRequestBody(matchingJsonPath(
                                "$.reference_id", equalTo(order.get("id").asString()))))
                .size();
    }

    private List<String> sentTo(String customer) {
        return GraphMessages.sentTo(graph, PHONE_NUMBER_ID, customer);
    }

    private Child start(int run, boolean relay) throws IOException {
        Child child = new Child(ChildApp.start(
                Path.of("target", "payment-crash", "run-" + run + ".log"),
                dataDir,
                Map.of(),
                List.of(
                        "--tiffin.demo=false",
                        "--tiffin.admin.email=" + ADMIN,
                        "--tiffin.admin.password=" + ADMIN_PASSWORD,
                        "--tiffin.whatsapp.app-secret=" + SECRET,
                        "--tiffin.whatsapp.access-token=token",
                        "--tiffin.whatsapp.graph-url=" + graph.baseUrl(),
                        "--tiffin.razorpay.api-url=" + razorpay.baseUrl(),
                        "--tiffin.razorpay.key-id=rzp_test_key",
                        "--tiffin.razorpay.key-secret=rzp_test_secret",
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

        String createOnlineMerchant(String admin) throws IOException {
            return createMerchant(admin, """
                    {"name":"Crash Pay Kitchen","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                     "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"},
                     "payments":{"cashOnDelivery":false,"online":true}}
                    """.formatted(PHONE_NUMBER_ID));
        }

        /** The customer orders on WhatsApp: text, Confirm, a location; the bot says the link follows. */
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
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sentTo(CUSTOMER).stream().anyMatch(m -> m.contains("payment link now")));
            String orders = "/api/v1/merchants/" + merchantId + "/orders";
            return json.readTree(send("GET", orders, admin, null).body()).get(0);
        }

        /**
         * Returns once everything written so far is in the store's file: a reply to another message
         * means the writes before it are on disk (see EventCrashIntegrationTest).
         */
        void storeCommitted() {
            int before = sentTo("919866666666").size();
            webhook(WhatsAppPayloads.text(
                    PHONE_NUMBER_ID, "919866666666", "Ravi", WhatsAppPayloads.newMessageId(), "hi"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sentTo("919866666666").size() > before);
        }

        void webhook(String body) {
            webhook(SECRET, body);
        }
    }
}
