package io.tiffin.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.support.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Outside WhatsApp's 24-hour window an order update goes as the merchant's approved template, or is
 * recorded as not deliverable (and told to the board) when there is none; Meta's 131047 is the same.
 */
class ServiceWindowIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private CustomerUpdates updates;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private Ordering ordering;

    @Autowired
    private CustomerMessages messages;

    private TestMerchant merchant;
    private String customer;
    private String orderId;

    @BeforeEach
    void merchantAndCustomer() {
        merchant = newMerchant("Window Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
        orderId = UUID.randomUUID().toString();
    }

    @Test
    void aDayLaterWithoutATemplateTheUpdateIsRecordedAsNotDeliverableAndNothingIsSent() {
        lastWrote(Duration.ofHours(25));

        updates.handle(readyEvent());

        assertThat(sentTo()).isEmpty();
        Document claim = claim();
        assertThat(claim.getString("undeliverable")).contains("24 hours");
        assertThat(claim.getBoolean("delivered")).isFalse();
    }

    @Test
    void aDayLaterTheMerchantsApprovedTemplateIsSent() {
        lastWrote(Duration.ofHours(25));
        useTemplate("order_ready", "order_ready_v2");

        updates.handle(readyEvent());

        JsonNode sent = sentTo().get(0);
        assertThat(sent.get("type").asString()).isEqualTo("template");
        assertThat(sent.at("/template/name").asString()).isEqualTo("order_ready_v2");
        assertThat(sent.at("/template/language/code").asString()).isEqualTo("en");
        assertThat(sent.at("/template/components/0/parameters/1/text").asString())
                .isEqualTo("1042");
        assertThat(claim().getBoolean("delivered")).isTrue();
    }

    @Test
    void metaRefusingWith131047IsHandledTheSameWay() {
        lastWrote(Duration.ofHours(2));
        GRAPH.stubFor(
                post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.text.body"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"Re-engagement message\",\"type\":\"OAuthException\","
                                                        + "\"code\":131047,\"error_data\":{\"details\":\"More than 24 hours have passed\"}}}")));

        updates.handle(readyEvent());
        assertThat(claim().getString("undeliverable")).contains("template");

        useTemplate("order_ready", "order_ready_v2");
        orderId = UUID.randomUUID().toString();
        updates.handle(readyEvent());
        // each update tried free-form text first; only the second, with a template to fall back on, got through
        assertThat(sentTo()).extracting(m -> m.get("type").asString()).containsExactly("text", "text", "template");
        assertThat(claim().getBoolean("delivered")).isTrue();
    }

    @Test
    void aFailureMetaReportsLaterIsTracedToItsOrderAndKeptForTheBoard() {
        lastWrote(Duration.ofHours(2));
        Order order = ordering.place(new PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new Order.Customer(customer, "Meera"),
                List.of(new LineRequest("dal-makhani", 1, List.of(), null)),
                Order.FulfilmentType.DELIVERY,
                new Order.Address("3 Church Street", 12.9716, 77.5946),
                UUID.randomUUID().toString()));
        String wamid = "wamid.LATE" + UUID.randomUUID();
        GRAPH.stubFor(post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                .withRequestBody(containing(customer))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        String path = "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id();
        assertThat(postJson(path + "/accept", merchant.ownerToken(), "{\"prepMinutes\":20}")
                        .statusCode())
                .isEqualTo(200);
        // Meta took the update (and gave it an id), so it counts as sent until a status says otherwise
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document sent = mongo.findById(order.id() + ":ACCEPTED", Document.class, CustomerUpdates.COLLECTION);
            return sent != null && wamid.equals(sent.getString(CustomerMessages.PROVIDER_MESSAGE_ID));
        });
        assertThat(parse(get(path, merchant.ownerToken()))
                        .path("customerNotTold")
                        .isObject())
                .isFalse();

        assertThat(postWhatsApp(failedStatus(wamid, 131047, "Re-engagement message"))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> parse(get(path, merchant.ownerToken()))
                        .path("customerNotTold")
                        .isObject());
        JsonNode shown = parse(get(path, merchant.ownerToken()));
        assertThat(shown.at("/customerNotTold/reason").asString()).contains("24 hours", "131047");
        assertThat(shown.get("timeline"))
                .filteredOn(e -> e.path("note").asString("").startsWith("customer not told"))
                .hasSize(1);
        Document claim = mongo.findById(order.id() + ":ACCEPTED", Document.class, CustomerUpdates.COLLECTION);
        assertThat(claim.getString("undeliverable")).contains("24 hours");
        assertThat(claim.getBoolean("delivered")).isFalse();
        // the board list (what a reloaded board reads) carries it too
        JsonNode listed = parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()));
        assertThat(listed)
                .filteredOn(o -> o.get("id").asString().equals(order.id()))
                .singleElement()
                .satisfies(o ->
                        assertThat(o.at("/customerNotTold/reason").asString()).contains("24 hours"));

        // a status told twice (or for a message that is no update of ours) changes nothing
        assertThat(messages.failedLater(merchant.id(), wamid, "again")).isFalse();
        assertThat(messages.failedLater(merchant.id(), "wamid.NOT-OURS" + UUID.randomUUID(), "x"))
                .isFalse();
        assertThat(parse(get(path, merchant.ownerToken())).get("timeline"))
                .filteredOn(e -> e.path("note").asString("").startsWith("customer not told"))
                .hasSize(1);
    }

    @Test
    void onInstagramAfter24HoursTheUpdateGoesTaggedHumanAgentAndAfter7DaysNotAtAll() {
        String account = "178415" + Math.floorMod(System.nanoTime(), 100_000_000_000L);
        var patched = send(
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
                        .withBody("{\"recipient_id\":\"1\",\"message_id\":\"aWdfTAG\"}")));

        // within the standard window: an ordinary response
        lastWrote("INSTAGRAM", Duration.ofHours(3));
        updates.handle(readyEvent("INSTAGRAM"));
        assertThat(instagramSent(account)).singleElement().satisfies(sent -> {
            assertThat(sent.get("messaging_type").asString()).isEqualTo("RESPONSE");
            assertThat(sent.has("tag")).isFalse();
        });

        // 30 hours later: only the human-agent tag may carry it
        customer = newCustomer();
        orderId = UUID.randomUUID().toString();
        lastWrote("INSTAGRAM", Duration.ofHours(30));
        updates.handle(readyEvent("INSTAGRAM"));
        JsonNode tagged = instagramSent(account).getLast();
        assertThat(tagged.at("/recipient/id").asString()).isEqualTo(customer);
        assertThat(tagged.get("messaging_type").asString()).isEqualTo("MESSAGE_TAG");
        assertThat(tagged.get("tag").asString()).isEqualTo("HUMAN_AGENT");
        assertThat(tagged.at("/message/text").asString()).contains("1042");
        assertThat(claim().getBoolean("delivered")).isTrue();

        // 8 days later: nothing is sent, and the update is recorded as not delivered
        customer = newCustomer();
        orderId = UUID.randomUUID().toString();
        lastWrote("INSTAGRAM", Duration.ofDays(8));
        updates.handle(readyEvent("INSTAGRAM"));
        assertThat(instagramSent(account)).hasSize(2);
        assertThat(claim().getString("undeliverable")).contains("7 days");
        assertThat(claim().getBoolean("delivered")).isFalse();
    }

    private List<JsonNode> instagramSent(String account) {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/" + account + "/messages"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .toList();
    }

    @Test
    void otherErrorsAreShownInTheProvidersWords() {
        assertThat(DeliveryFailures.reason(
                        "WHATSAPP",
                        List.of("131049: This message was not delivered to maintain healthy ecosystem engagement.")))
                .startsWith("WHATSAPP could not deliver it: 131049: This message");
        assertThat(DeliveryFailures.reason("WHATSAPP", List.of())).endsWith("no reason given");
    }

    private String failedStatus(String wamid, int code, String title) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100001","phone_number_id":"%s"},
                "statuses":[{"id":"%s","status":"failed","timestamp":"%d","recipient_id":"%s",
                "errors":[{"code":%d,"title":"%s","message":"%s"}]}]}}]}]}
                """.formatted(
                        merchant.phoneNumberId(), wamid, Instant.now().getEpochSecond(), customer, code, title, title);
    }

    private void lastWrote(Duration ago) {
        lastWrote("WHATSAPP", ago);
    }

    private void lastWrote(String channel, Duration ago) {
        mongo.insert(
                new Document("merchantId", merchant.id())
                        .append("channel", channel)
                        .append("customerId", customer)
                        .append("lastInboundAt", Date.from(Instant.now().minus(ago))),
                "sessions");
    }

    private void useTemplate(String update, String template) {
        var response = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                ("{\"whatsappTemplates\":{\"" + update + "\":\"" + template + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private OrderStatusChanged readyEvent() {
        return readyEvent("WHATSAPP");
    }

    private OrderStatusChanged readyEvent(String channel) {
        Instant now = Instant.now();
        return new OrderStatusChanged(
                orderId,
                merchant.id(),
                "1042",
                OrderStatus.PREPARING,
                OrderStatus.READY,
                null,
                now,
                channel,
                customer,
                Order.FulfilmentType.PICKUP,
                now,
                "en",
                false);
    }

    private Document claim() {
        return mongo.findById(orderId + ":READY", Document.class, CustomerUpdates.COLLECTION);
    }

    private List<JsonNode> sentTo() {
        return GRAPH
                .findAll(postRequestedFor(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(containing(customer)))
                .stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .toList();
    }
}
