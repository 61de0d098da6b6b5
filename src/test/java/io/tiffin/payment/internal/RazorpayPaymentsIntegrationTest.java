package io.tiffin.payment.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Online payment against WireMock as Razorpay: the link, then signed webhooks in Razorpay's own shapes
 * (built from the shared fixtures), in order, twice and out of order; refunds; a link call that times
 * out; and the reconciliation of a webhook that never came.
 */
class RazorpayPaymentsIntegrationTest extends IntegrationTestSupport {

    private static final Path FIXTURES = Path.of("../shared/fixtures/razorpay");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private Ordering ordering;

    @Autowired
    private Reconciliation reconciliation;

    private TestMerchant merchant;
    private String customer;

    @BeforeAll
    static void razorpay() {
        // a link is made with the id "plink_<reference>", so the tests know it; none exists before it is made
        RAZORPAY.stubFor(WireMock.get(urlPathEqualTo("/v1/payment_links"))
                .atPriority(10)
                .willReturn(okJson("{\"payment_links\":[]}")));
        RAZORPAY.stubFor(post(urlEqualTo("/v1/payment_links"))
                .atPriority(10)
                .willReturn(okJson("""
                {"id":"plink_{{jsonPath request.body '$.reference_id'}}","amount":{{jsonPath request.body '$.amount'}},
                 "currency":"{{jsonPath request.body '$.currency'}}","reference_id":"{{jsonPath request.body '$.reference_id'}}",
                 "expire_by":{{jsonPath request.body '$.expire_by'}},"status":"created","payments":null,
                 "short_url":"https://rzp.io/i/{{jsonPath request.body '$.reference_id'}}"}
                """).withTransformers("response-template")));
        RAZORPAY.stubFor(post(urlPathMatching("/v1/payment_links/[^/]+/cancel"))
                .atPriority(10)
                .willReturn(okJson("""
                {"id":"{{request.pathSegments.[2]}}","status":"cancelled","amount_paid":0,"payments":null}
                """).withTransformers("response-template")));
        RAZORPAY.stubFor(WireMock.get(urlPathMatching("/v1/payments/[^/]+/refunds"))
                .atPriority(10)
                .willReturn(okJson("{\"entity\":\"collection\",\"count\":0,\"items\":[]}")));
        RAZORPAY.stubFor(post(urlPathMatching("/v1/payments/[^/]+/refund"))
                .atPriority(10)
                .willReturn(okJson("""
                {"id":"rfnd_{{request.pathSegments.[2]}}","entity":"refund","amount":{{jsonPath request.body '$.amount'}},
                 "payment_id":"{{request.pathSegments.[2]}}","status":"pending"}
                """).withTransformers("response-template")));
    }

    @BeforeEach
    void onlineMerchant() {
        merchant = newMerchant("Paisa Kitchen");
        stubGraphApi(merchant);
        assertThat(send(
                                "PATCH",
                                "/api/v1/merchants/" + merchant.id(),
                                merchant.ownerToken(),
                                "application/json",
                                "{\"payments\":{\"cashOnDelivery\":false,\"online\":true}}"
                                        .getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        customer = newCustomer();
    }

    @Test
    void paidPlacesTheOrderOnceAndRepeatsChangeNothing() throws Exception {
        Order order = placeOnline();
        JsonNode link = onlyLinkRequest(order);
        assertThat(link.get("amount").asLong()).isEqualTo(order.total());
        assertThat(link.get("currency").asString()).isEqualTo("INR");
        assertThat(link.get("reference_id").asString()).isEqualTo(order.id());
        assertThat(link.at("/customer/contact").asString()).isEqualTo("+" + customer);
        assertThat(Instant.ofEpochSecond(link.get("expire_by").asLong()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(14)),
                        Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(awaitMessageContaining("https://rzp.io/i/" + order.id())).contains("#" + order.number());
        // the order's note and the customer's message are two reactions to the link, delivered apart
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(order(order).at("/payment/state").asString()).isEqualTo("LINK_SENT"));

        String paid = linkPaid(order, "pay_" + order.id(), order.total());
        assertThat(webhook(paid, "evt_paid_" + order.id()).body()).contains("applied");
        awaitStatus(order, "PLACED");
        assertThat(awaitMessageContaining("We received")).contains("#" + order.number());

        assertThat(webhook(paid, "evt_paid_" + order.id()).body()).contains("duplicate");
        assertThat(webhook(captured(order, "pay_" + order.id(), order.total()), "evt_cap_" + order.id())
                        .body())
                .contains("no_change");
        JsonNode placed = order(order);
        assertThat(placed.get("status").asString()).isEqualTo("PLACED");
        assertThat(placed.at("/payment/state").asString()).isEqualTo("PAID");
        assertThat(placed.get("amountToCollect").asLong()).isZero();
        Thread.sleep(300); // a second "received" message would have been sent by now
        assertThat(messagesTo(merchant, customer).stream().filter(m -> m.contains("We received")))
                .hasSize(1);
    }

    @Test
    void aFailedAttemptKeepsTheLinkAndALaterPaymentPlaces() {
        Order order = placeOnline();
        awaitMessageContaining("https://rzp.io/i/" + order.id());
        assertThat(webhook(failed(order), "evt_fail_" + order.id()).body()).contains("applied");
        assertThat(awaitMessageContaining("didn't go through")).contains("https://rzp.io/i/" + order.id());
        assertThat(order(order).get("status").asString()).isEqualTo("AWAITING_PAYMENT");

        webhook(captured(order, "pay_" + order.id(), order.total()), "evt_cap_" + order.id());
        awaitStatus(order, "PLACED");
    }

    @Test
    void anExpiredLinkCancelsAndALatePaymentIsRefundedNotPlaced() {
        Order order = placeOnline();
        awaitMessageContaining("https://rzp.io/i/" + order.id());
        webhook(expired(order), "evt_exp_" + order.id());
        awaitStatus(order, "CANCELLED");
        assertThat(awaitMessageContaining("expired")).contains("#" + order.number());

        String payment = "pay_late_" + order.id();
        assertThat(webhook(linkPaid(order, payment, order.total()), "evt_late_" + order.id())
                        .statusCode())
                .isEqualTo(200);
        Awaitility.await().atMost(WAIT).until(() -> refundCalls(payment) == 1);
        assertThat(order(order).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(refundRequest(payment).get("amount").asLong()).isEqualTo(order.total());
    }

    @Test
    void cancellingAnUnpaidOrderCancelsItsLinkOnce() {
        Order order = placeOnline();
        awaitMessageContaining("https://rzp.io/i/" + order.id());
        String path = "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/cancel";
        assertThat(postJson(path, merchant.ownerToken(), "{\"reason\":\"closing early\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(postJson(path, merchant.ownerToken(), "{\"reason\":\"closing early\"}")
                        .statusCode())
                .isEqualTo(409);
        String cancel = "/v1/payment_links/plink_" + order.id() + "/cancel";
        Awaitility.await()
                .atMost(WAIT)
                .until(() ->
                        RAZORPAY.findAll(postRequestedFor(urlEqualTo(cancel))).size() == 1);
        assertThat(refundCalls("pay_" + order.id())).isZero();
    }

    @Test
    void anotherAmountIsFlaggedForTheMerchantAndNeverPlaced() {
        Order order = placeOnline();
        awaitMessageContaining("https://rzp.io/i/" + order.id());
        webhook(linkPaid(order, "pay_short_" + order.id(), order.total() - 100), "evt_short_" + order.id());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "MISMATCH".equals(order(order).at("/payment/state").asString()));
        JsonNode flagged = order(order);
        assertThat(flagged.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(flagged.get("timeline").toString()).contains("instead of " + order.total());
        assertThat(flagged.get("allowedCommands").toString()).doesNotContain("ACCEPT");
    }

    @Test
    void rejectingAPaidOrderTwiceRefundsOnceAndTheRefundIsToldToTheCustomer() {
        Order order = placeOnline();
        awaitMessageContaining("https://rzp.io/i/" + order.id());
        String payment = "pay_" + order.id();
        webhook(linkPaid(order, payment, order.total()), "evt_paid_" + order.id());
        awaitStatus(order, "PLACED");

        String path = "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/reject";
        assertThat(postJson(path, merchant.ownerToken(), "{\"reason\":\"out of paneer\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(postJson(path, merchant.ownerToken(), "{\"reason\":\"out of paneer\"}")
                        .statusCode())
                .isEqualTo(409);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "REFUND_PENDING"
                        .equals(order(order).at("/payment/state").asString()));
        Awaitility.await().atMost(WAIT).until(() -> refundCalls(payment) == 1);

        assertThat(webhook(refundProcessed(payment, order.total()), "evt_rfnd_" + order.id())
                        .body())
                .contains("applied");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "REFUNDED".equals(order(order).at("/payment/state").asString()));
        assertThat(order(order).get("timeline").toString()).contains("refund of " + order.total() + " INR processed");
        assertThat(awaitMessageContaining("refund")).contains("#" + order.number());
        assertThat(refundCalls(payment)).isEqualTo(1);
    }

    @Test
    void aLinkCallThatTimesOutIsRetriedWithoutASecondLink() {
        String scenario = "timeout-" + customer;
        List<StubMapping> stubs = List.of(
                RAZORPAY.stubFor(post(urlEqualTo("/v1/payment_links"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.customer.contact", equalTo("+" + customer)))
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("made")
                        .willReturn(
                                aResponse().withFixedDelay(2500).withStatus(200).withBody("{}"))),
                RAZORPAY.stubFor(WireMock.get(urlPathEqualTo("/v1/payment_links"))
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs("made")
                        .willReturn(okJson("""
                                {"payment_links":[{"id":"plink_{{request.query.reference_id}}","amount":1,"currency":"INR",
                                 "reference_id":"{{request.query.reference_id}}","status":"created","expire_by":0,
                                 "short_url":"https://rzp.io/i/{{request.query.reference_id}}"}]}
                                """).withTransformers("response-template"))));
        try {
            Order order = placeOnline();
            awaitMessageContaining("https://rzp.io/i/" + order.id());
            assertThat(linkRequests(order)).hasSize(1);
            // the order's note and the customer's message are two reactions to the link, delivered apart
            Awaitility.await()
                    .atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(order(order).at("/payment/state").asString())
                                    .isEqualTo("LINK_SENT"));
        } finally {
            stubs.forEach(RAZORPAY::removeStub);
        }
    }

    @Test
    void whileRazorpayIsDownTheBoardShowsTheLinkPending() {
        StubMapping down = RAZORPAY.stubFor(post(urlEqualTo("/v1/payment_links"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.customer.contact", equalTo("+" + customer)))
                .willReturn(aResponse().withStatus(503)));
        try {
            Order order = placeOnline();
            Awaitility.await().atMost(WAIT).until(() -> linkRequests(order).size() >= 2);
            JsonNode pending = order(order);
            assertThat(pending.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
            assertThat(pending.at("/payment/state").asString()).isEqualTo("LINK_PENDING");
            assertThat(messagesTo(merchant, customer)).noneMatch(m -> m.contains("rzp.io"));
        } finally {
            RAZORPAY.removeStub(down);
        }
    }

    @Test
    void reconciliationSettlesALinkWhoseWebhookNeverCame() {
        Order order = placeOnline();
        awaitMessageContaining("https://rzp.io/i/" + order.id());
        StubMapping paidLink = RAZORPAY.stubFor(WireMock.get(urlEqualTo("/v1/payment_links/plink_" + order.id()))
                .willReturn(okJson("""
                {"id":"plink_%s","amount":%d,"amount_paid":%d,"currency":"INR","reference_id":"%s","status":"paid",
                 "short_url":"https://rzp.io/i/%s","payments":[{"amount":%d,"payment_id":"pay_rec_%s","status":"captured"}]}
                """.formatted(
                        order.id(), order.total(), order.total(), order.id(), order.id(), order.total(), order.id()))));
        try {
            assertThat(reconciliation.reconcile(Instant.now())).isZero(); // not yet past expiry: left to the webhook
            assertThat(reconciliation.reconcile(Instant.now().plus(Duration.ofMinutes(20))))
                    .isGreaterThanOrEqualTo(1);
            awaitStatus(order, "PLACED");
            assertThat(reconciliation.reconcile(Instant.now().plus(Duration.ofMinutes(20))))
                    .isZero();
        } finally {
            RAZORPAY.removeStub(paidLink);
        }
    }

    @Test
    void badInputIsRefusedAndUnknownOrdersAreAcknowledged() throws Exception {
        byte[] body = Files.readAllBytes(FIXTURES.resolve("webhook_payment_link_paid.json"));
        assertThat(webhook(body, "sha256=nope", "evt_forged").statusCode()).isEqualTo(401);
        assertThat(webhook(body, null, "evt_unsigned").statusCode()).isEqualTo(401);
        HttpResponse<String> malformed = webhook("{\"event\":".getBytes(StandardCharsets.UTF_8), null, "evt_bad");
        assertThat(malformed.statusCode()).isEqualTo(401); // the signature comes first
        assertThat(webhook("{\"event\":", "evt_bad").statusCode()).isEqualTo(400);
        assertThat(webhook("{\"event\":\"payment.captured\",\"payload\":{}}", "evt_empty")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> huge = webhook(new byte[1024 * 1024 + 1], sign(new byte[1024 * 1024 + 1]), "evt_huge");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(parse(huge).get("error").asString()).isEqualTo("payload_too_large");
        // the fixture names reference "23": no order of ours
        HttpResponse<String> unknown = webhook(body, sign(body), "evt_unknown_" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("unknown_order");
    }

    // ---- helpers

    private Order placeOnline() {
        Order order = ordering.place(new PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new Order.Customer(customer, "Asha"),
                List.of(new LineRequest("dal-makhani", 1, List.of(), null)),
                Order.FulfilmentType.PICKUP,
                null,
                "pay-test:" + UUID.randomUUID(),
                "en",
                Order.PaymentMethod.ONLINE));
        assertThat(order.status().name()).isEqualTo("AWAITING_PAYMENT");
        return order;
    }

    private JsonNode order(Order order) {
        return parse(get("/api/v1/merchants/" + merchant.id() + "/orders/" + order.id(), merchant.ownerToken()));
    }

    private void awaitStatus(Order order, String status) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> status.equals(order(order).get("status").asString()));
    }

    private String awaitMessageContaining(String text) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> messagesTo(merchant, customer).stream().anyMatch(m -> m.contains(text)));
        return messagesTo(merchant, customer).stream()
                .filter(m -> m.contains(text))
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> linkRequests(Order order) {
        return RAZORPAY
                .findAll(postRequestedFor(urlEqualTo("/v1/payment_links"))
                        .withRequestBody(matchingJsonPath("$.reference_id", equalTo(order.id()))))
                .stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .toList();
    }

    private JsonNode onlyLinkRequest(Order order) {
        Awaitility.await().atMost(WAIT).until(() -> !linkRequests(order).isEmpty());
        List<JsonNode> requests = linkRequests(order);
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private int refundCalls(String paymentId) {
        return RAZORPAY.findAll(postRequestedFor(urlEqualTo("/v1/payments/" + paymentId + "/refund")))
                .size();
    }

    private JsonNode refundRequest(String paymentId) {
        return json.readTree(RAZORPAY.findAll(postRequestedFor(urlEqualTo("/v1/payments/" + paymentId + "/refund")))
                .getFirst()
                .getBodyAsString());
    }

    private ObjectNode fixture(String name) {
        try {
            return (ObjectNode) json.readTree(Files.readAllBytes(FIXTURES.resolve(name)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Razorpay's payment_link.paid (the fixture) for this order, with this payment of this amount. */
    private String linkPaid(Order order, String paymentId, long amount) {
        ObjectNode event = fixture("webhook_payment_link_paid.json");
        ObjectNode link = (ObjectNode) event.at("/payload/payment_link/entity");
        link.put("id", "plink_" + order.id())
                .put("reference_id", order.id())
                .put("amount", order.total())
                .put("amount_paid", amount);
        ((ObjectNode) event.at("/payload/payment/entity"))
                .put("id", paymentId)
                .put("amount", amount)
                .put("description", "#" + order.id());
        return event.toString();
    }

    /** payment.captured names the link only in the payment's description ("#" + the id without "plink_"). */
    private String captured(Order order, String paymentId, long amount) {
        ObjectNode event = fixture("webhook_payment_captured.json");
        ((ObjectNode) event.at("/payload/payment/entity"))
                .put("id", paymentId)
                .put("amount", amount)
                .put("description", "#" + order.id());
        return event.toString();
    }

    private String failed(Order order) {
        ObjectNode event = fixture("webhook_payment_failed.json");
        ((ObjectNode) event.at("/payload/payment/entity"))
                .put("id", "pay_failed_" + order.id())
                .put("description", "#" + order.id());
        return event.toString();
    }

    private String expired(Order order) {
        ObjectNode event = fixture("webhook_payment_link_paid.json");
        event.put("event", "payment_link.expired");
        ((ObjectNode) event.get("payload")).remove(List.of("payment", "order"));
        ((ObjectNode) event.at("/payload/payment_link/entity"))
                .put("id", "plink_" + order.id())
                .put("reference_id", order.id())
                .put("status", "expired")
                .put("amount_paid", 0);
        return event.toString();
    }

    private String refundProcessed(String paymentId, long amount) {
        ObjectNode event = fixture("webhook_refund_processed.json");
        ((ObjectNode) event.at("/payload/refund/entity"))
                .put("payment_id", paymentId)
                .put("amount", amount);
        ((ObjectNode) event.at("/payload/payment/entity")).put("id", paymentId);
        return event.toString();
    }

    private HttpResponse<String> webhook(String body, String eventId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return webhook(bytes, sign(bytes), eventId);
    }

    private static String sign(byte[] body) {
        return HmacSignatures.hmacSha256Hex(RAZORPAY_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), body);
    }

    private HttpResponse<String> webhook(byte[] body, String signature, String eventId) {
        HttpRequest.Builder request = request("/webhooks/razorpay")
                .header("Content-Type", "application/json")
                .header("X-Razorpay-Event-Id", eventId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Razorpay-Signature", signature);
        }
        return send(request.build());
    }
}
