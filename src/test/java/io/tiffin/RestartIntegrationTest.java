package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.WhatsAppPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What the embedded store accepted survives stopping the app: orders, and inbox messages not yet handled. */
class RestartIntegrationTest {

    private static final String SECRET = "restart-secret";

    private final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        graph.stop();
    }

    @Test
    void anOrderAndAnUnhandledMessageSurviveARestart() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        String customer = "919811111111";
        String number;
        String merchantId;
        String phoneNumberId;

        try (ConfigurableApplicationContext first = start(false)) {
            Merchant demo = first.getBean(MerchantDirectory.class)
                    .byWhatsappPhoneNumberId("100000000000001")
                    .orElseThrow();
            merchantId = demo.id();
            phoneNumberId = "100000000000001";
            Order order = first.getBean(Ordering.class)
                    .place(new PlaceOrder(
                            merchantId,
                            "WHATSAPP",
                            new Order.Customer(customer, "Asha"),
                            List.of(new LineRequest("dal-makhani", 2, List.of(), null)),
                            Order.FulfilmentType.PICKUP,
                            null,
                            "restart-test"));
            number = order.number();
            String body = WhatsAppPayloads.text(
                    phoneNumberId, customer, WhatsAppPayloads.newMessageId(), "where is my order");
            assertThat(postWebhook(first, body).statusCode()).isEqualTo(200);
            // as a data directory seeded before merchants had a web chat switch
            first.getBean(MongoTemplate.class)
                    .updateFirst(
                            Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(merchantId))),
                            new org.springframework.data.mongodb.core.query.Update().unset("webChat"),
                            "merchants");
        }
        assertThat(graph.findAll(postRequestedFor(urlMatching("/.*/messages")))).isEmpty();

        try (ConfigurableApplicationContext second = start(true)) {
            assertThat(second.getBean(MerchantDirectory.class)
                            .byId(merchantId)
                            .orElseThrow()
                            .webChat()
                            .enabled())
                    .isTrue();
            Order order = second.getBean(Ordering.class)
                    .latestOf(merchantId, "WHATSAPP", customer)
                    .orElseThrow();
            assertThat(order.number()).isEqualTo(number);
            assertThat(order.subtotal()).isEqualTo(2 * 24900);
            // the demo's store rules: ₹10 packaging, 5% tax on items and packaging, no delivery for pickup
            assertThat(order.total()).isEqualTo(2 * 24900 + 1000 + 2540);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !graph.findAll(postRequestedFor(urlMatching("/" + phoneNumberId + "/messages")))
                            .isEmpty());
            String reply = graph.findAll(postRequestedFor(urlMatching("/" + phoneNumberId + "/messages")))
                    .get(0)
                    .getBodyAsString();
            assertThat(reply).contains("#" + number);
        }
    }

    @Test
    void aMessageAcknowledgedButNotYetMovedToTheInboxIsHandledAfterACrash() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        String messageId = WhatsAppPayloads.newMessageId();

        try (ConfigurableApplicationContext first = start(true)) {
            // the process dies between the journal's fsync and the move into the inbox collection
            first.getBean("journalDrain", SmartLifecycle.class).stop();
            String body = WhatsAppPayloads.text("100000000000001", "919822222222", messageId, "2 butter chicken");
            assertThat(postWebhook(first, body).statusCode()).isEqualTo(200);
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> mongo.count(
                                    Query.query(
                                            Criteria.where("providerMessageId").is(messageId)),
                                    "inbox")
                            == 0);
        }
        assertThat(graph.findAll(postRequestedFor(urlMatching("/.*/messages")))).isEmpty();

        try (ConfigurableApplicationContext second = start(true)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !graph.findAll(postRequestedFor(urlMatching("/100000000000001/messages")))
                            .isEmpty());
            String reply = graph.findAll(postRequestedFor(urlMatching("/100000000000001/messages")))
                    .get(0)
                    .getBodyAsString();
            assertThat(reply).contains("Butter Chicken");
            assertThat(second.getBean(MongoTemplate.class)
                            .count(
                                    Query.query(
                                            Criteria.where("providerMessageId").is(messageId)),
                                    "inbox"))
                    .isEqualTo(1);
        }
    }

    /**
     * A handled message is marked done durably, and that mark records its last reply as sent (the replies
     * before it are recorded in the session). A session whose every reply was recorded, as builds before
     * recorded them, sends nothing when its message is looked at again; a crash between the last send
     * and the done mark, the one window left, sends that last reply once more and nothing else.
     */
    @Test
    void aMessageLookedAtAgainAfterARestartSendsOnlyWhatWasNotRecordedAsSent() throws Exception {
        graph.start();
        graph.stubFor(post(urlMatching("/.*/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
        String messageId = WhatsAppPayloads.newMessageId();
        Query byMessage = Query.query(Criteria.where("providerMessageId").is(messageId));
        Query bySession = Query.query(Criteria.where("lastMessageId").is(messageId));
        int replies;

        try (ConfigurableApplicationContext first = start(true)) {
            String body = WhatsAppPayloads.text("100000000000001", "919833333333", messageId, "2 butter chicken");
            assertThat(postWebhook(first, body).statusCode()).isEqualTo(200);
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            awaitDone(mongo, byMessage);
            org.bson.Document session = mongo.findOne(bySession, org.bson.Document.class, "sessions");
            replies = session.getList("lastReplies", Object.class).size();
            assertThat(replies).isPositive();
            assertThat(graph.findAll(postRequestedFor(urlMatching("/100000000000001/messages"))))
                    .hasSize(replies);
            // the last reply is recorded by the done mark alone
            assertThat(session.getInteger("lastRepliesSent")).isEqualTo(replies - 1);
            // as if the process died after a build before this one recorded every reply, before its done mark
            crashBeforeDone(mongo, byMessage);
            mongo.updateFirst(
                    bySession,
                    new org.springframework.data.mongodb.core.query.Update().set("lastRepliesSent", replies),
                    "sessions");
        }

        try (ConfigurableApplicationContext second = start(true)) {
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            awaitDone(mongo, byMessage);
            assertThat(graph.findAll(postRequestedFor(urlMatching("/100000000000001/messages"))))
                    .hasSize(replies);
            // as if the process died after the last send, before the done mark recording it
            crashBeforeDone(mongo, byMessage);
            mongo.updateFirst(
                    bySession,
                    new org.springframework.data.mongodb.core.query.Update().set("lastRepliesSent", replies - 1),
                    "sessions");
        }

        try (ConfigurableApplicationContext third = start(true)) {
            awaitDone(third.getBean(MongoTemplate.class), byMessage);
            var sent = graph.findAll(postRequestedFor(urlMatching("/100000000000001/messages")));
            assertThat(sent).hasSize(replies + 1);
            assertThat(sent.get(replies).getBodyAsString())
                    .isEqualTo(sent.get(replies - 1).getBodyAsString());
        }
    }

    private static void awaitDone(MongoTemplate mongo, Query byMessage) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DONE"
                        .equals(mongo.findOne(byMessage, org.bson.Document.class, "inbox")
                                .getString("state")));
    }

    private static void crashBeforeDone(MongoTemplate mongo, Query byMessage) {
        mongo.updateFirst(
                byMessage,
                new org.springframework.data.mongodb.core.query.Update()
                        .set("state", "PROCESSING")
                        .set("leaseUntil", java.time.Instant.now().plusSeconds(600))
                        .unset("finishedAt"),
                "inbox");
    }

    private ConfigurableApplicationContext start(boolean processInbox) {
        // command-line arguments, so they win over application.yml's environment defaults
        return new SpringApplicationBuilder(TiffinApplication.class)
                .run(
                        "--server.port=0",
                        "--tiffin.data-dir=" + dataDir,
                        "--tiffin.demo=true",
                        "--tiffin.admin.password=restart-admin-password",
                        "--tiffin.intake.enabled=" + processInbox,
                        "--tiffin.whatsapp.app-secret=" + SECRET,
                        "--tiffin.whatsapp.access-token=token",
                        "--tiffin.whatsapp.graph-url=" + graph.baseUrl());
    }

    private HttpResponse<String> postWebhook(ConfigurableApplicationContext context, String body) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + HmacSignatures.hmacSha256Hex(SECRET, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
