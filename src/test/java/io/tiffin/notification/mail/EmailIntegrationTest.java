package io.tiffin.notification.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Email through WireMock as SendGrid (the mail send body asserted), and the local outbox used without a
 * SendGrid key: the receipt the bot offered, the merchant's new-order email and daily summary.
 */
class EmailIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private DailySummary summaries;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private Clock clock;

    private TestMerchant merchant;
    private String kitchenEmail;

    @BeforeEach
    void merchantWithEmailsOn() {
        merchant = newMerchant("Mail Kitchen");
        stubGraphApi(merchant);
        kitchenEmail = "kitchen-" + UUID.randomUUID() + "@test.tiffin.local";
        assertThat(send(
                                "PATCH",
                                "/api/v1/merchants/" + merchant.id(),
                                merchant.ownerToken(),
                                "application/json",
                                ("{\"emails\":{\"address\":\"" + kitchenEmail
                                                + "\",\"newOrders\":true,\"dailySummary\":true,\"receipts\":true}}")
                                        .getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theBotAsksOnceForAnEmailAndTheReceiptAndTheKitchensEmailGoThroughSendGrid() {
        String customer = newCustomer();
        String email = "asha-" + UUID.randomUUID() + "@example.com";
        say(
                customer,
                WhatsAppPayloads.text(
                        merchant.phoneNumberId(), customer, "Asha", WhatsAppPayloads.newMessageId(), "2 garlic naan"),
                1);
        say(
                customer,
                WhatsAppPayloads.buttonReply(
                        merchant.phoneNumberId(),
                        customer,
                        WhatsAppPayloads.newMessageId(),
                        "confirm",
                        "Confirm order"),
                2);
        say(
                customer,
                WhatsAppPayloads.location(
                        merchant.phoneNumberId(),
                        customer,
                        "Asha",
                        WhatsAppPayloads.newMessageId(),
                        12.9716,
                        77.5946,
                        "42 Residency Road"),
                3);
        assertThat(messagesTo(merchant, customer).getLast()).contains("receipts by email");
        assertThat(latestOrderOf(merchant, customer)).isNull();
        say(
                customer,
                WhatsAppPayloads.text(
                        merchant.phoneNumberId(), customer, "Asha", WhatsAppPayloads.newMessageId(), email),
                4);
        assertThat(messagesTo(merchant, customer).getLast()).contains("Thank you");
        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.at("/customer/email").asString()).isEqualTo(email);
        String number = order.get("number").asString();

        JsonNode receipt = awaitMailTo(email);
        assertThat(receipt.at("/from/email").asString()).isEqualTo("orders@test.tiffin.local");
        assertThat(receipt.at("/personalizations/0/to/0/email").asString()).isEqualTo(email);
        assertThat(receipt.at("/subject").asString())
                .isEqualTo("Your receipt for order #" + number + " at Mail Kitchen");
        assertThat(receipt.at("/content/0/type").asString()).isEqualTo("text/plain");
        assertThat(receipt.at("/content/0/value").asString())
                .contains("2 x Garlic Naan", "Total: ₹", "(to pay in cash)", "Delivering to: 42 Residency Road");
        assertThat(receipt.at("/content/1/type").asString()).isEqualTo("text/html");
        assertThat(receipt.at("/content/1/value").asString())
                .contains("<strong>#" + number + "</strong>", "2 &times; Garlic Naan");
        JsonNode kitchen = awaitMailTo(kitchenEmail);
        assertThat(kitchen.at("/subject").asString()).startsWith("New order #" + number + ": ₹");
        assertThat(SENDGRID.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))
                        .withHeader("Authorization", equalTo("Bearer " + SENDGRID_KEY))
                        .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(email)))))
                .hasSize(1);

        // the next order: the question is not asked again, and the receipt goes to the same address
        say(
                customer,
                WhatsAppPayloads.text(
                        merchant.phoneNumberId(), customer, "Asha", WhatsAppPayloads.newMessageId(), "1 chole"),
                5);
        say(
                customer,
                WhatsAppPayloads.buttonReply(
                        merchant.phoneNumberId(),
                        customer,
                        WhatsAppPayloads.newMessageId(),
                        "confirm",
                        "Confirm order"),
                6);
        say(
                customer,
                WhatsAppPayloads.location(
                        merchant.phoneNumberId(),
                        customer,
                        "Asha",
                        WhatsAppPayloads.newMessageId(),
                        12.9716,
                        77.5946,
                        "42 Residency Road"),
                7);
        assertThat(messagesTo(merchant, customer).getLast()).contains("Thank you");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo(email).size() == 2);
    }

    @Test
    void theDailySummaryGoesToTheOwnerOnceADay() {
        String customer = newCustomer();
        say(
                customer,
                WhatsAppPayloads.text(
                        merchant.phoneNumberId(), customer, "Ravi", WhatsAppPayloads.newMessageId(), "1 chole"),
                1);
        say(
                customer,
                WhatsAppPayloads.buttonReply(
                        merchant.phoneNumberId(),
                        customer,
                        WhatsAppPayloads.newMessageId(),
                        "confirm",
                        "Confirm order"),
                2);
        say(
                customer,
                WhatsAppPayloads.location(
                        merchant.phoneNumberId(),
                        customer,
                        "Ravi",
                        WhatsAppPayloads.newMessageId(),
                        12.9716,
                        77.5946,
                        "42 Residency Road"),
                3);
        say(
                customer,
                WhatsAppPayloads.buttonReply(
                        merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "email:skip", "Skip"),
                4);
        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.at("/customer/email").isMissingNode()
                        || order.at("/customer/email").isNull())
                .isTrue();

        ZonedDateTime lateEvening =
                clock.instant().atZone(ZoneId.of("Asia/Kolkata")).withHour(23);
        ZonedDateTime morning = lateEvening.withHour(9);
        summaries.sendDue(morning.toInstant());
        assertThat(mailsTo(kitchenEmail).stream()
                        .filter(m -> m.at("/subject").asString().startsWith("Mail Kitchen on")))
                .isEmpty();
        summaries.sendDue(lateEvening.toInstant());
        summaries.sendDue(lateEvening.toInstant().plusSeconds(60));
        List<JsonNode> summary = mailsTo(kitchenEmail).stream()
                .filter(m -> m.at("/subject").asString().startsWith("Mail Kitchen on"))
                .toList();
        assertThat(summary).hasSize(1);
        assertThat(summary.getFirst().at("/subject").asString())
                .isEqualTo("Mail Kitchen on " + lateEvening.toLocalDate() + ": 1 orders, "
                        + rupees(order.get("total").asLong()));
        assertThat(summary.getFirst().at("/content/0/value").asString())
                .contains("cash: " + rupees(order.get("total").asLong()));
    }

    @Test
    void withoutAKeyEmailsStayInTheOutboxForTheAdmin() throws Exception {
        Mails outbox = Mails.outboxOnly(mongo, clock);
        String key = "test:" + UUID.randomUUID();
        String to = "nobody-" + UUID.randomUUID() + "@example.com";
        outbox.sendOnce(new Email(key, "receipt", to, "Your receipt", "<p>hi</p>", "hi"));
        outbox.sendOnce(new Email(key, "receipt", to, "Your receipt", "<p>hi</p>", "hi"));

        JsonNode emails = parse(get("/api/v1/admin/emails?limit=200", adminToken()));
        List<JsonNode> mine = java.util.stream.StreamSupport.stream(emails.spliterator(), false)
                .filter(e -> key.equals(e.get("key").asString()))
                .toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().get("state").asString()).isEqualTo("OUTBOX");
        assertThat(mine.getFirst().get("text").asString()).isEqualTo("hi");
        assertThat(mailsTo(to)).isEmpty();
        assertThat(get("/api/v1/admin/emails", merchant.ownerToken()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/emails?limit=0", adminToken()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aSendGridFailureIsThrownForARetryAndTheRetrySendsOnce(@Autowired Mails mails) throws Exception {
        String to = "retry-" + UUID.randomUUID() + "@example.com";
        StubMapping down = SENDGRID.stubFor(post(urlEqualTo("/v3/mail/send"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(to)))
                .willReturn(aResponse().withStatus(503)));
        Email email = new Email("test:" + UUID.randomUUID(), "receipt", to, "Subject", "<p>x</p>", "x");
        assertThatThrownBy(() -> mails.sendOnce(email)).hasMessageContaining("503");
        assertThat(stateOf(email)).isEqualTo("PENDING");
        SENDGRID.removeStub(down);
        mails.sendOnce(email);
        mails.sendOnce(email);
        assertThat(stateOf(email)).isEqualTo("SENT");
        assertThat(mailsTo(to)).hasSize(1); // the 503 attempt is not counted: mailsTo lists what SendGrid took
    }

    // ----

    private void say(String customer, String payload, int expectedMessages) {
        postWhatsApp(payload);
        awaitMessages(merchant, customer, expectedMessages);
    }

    private String stateOf(Email email) {
        return mongo.findById(email.key(), Document.class, Mails.COLLECTION).getString("state");
    }

    private JsonNode awaitMailTo(String to) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !mailsTo(to).isEmpty());
        return mailsTo(to).getFirst();
    }

    /** Mail sends SendGrid accepted (202) for this address. */
    private List<JsonNode> mailsTo(String to) {
        return SENDGRID.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v3/mail/send")
                        && e.getResponse().getStatus() == 202)
                .map(e -> json.readTree(e.getRequest().getBodyAsString()))
                .filter(m -> to.equals(m.at("/personalizations/0/to/0/email").asString()))
                .toList();
    }

    private static String rupees(long paise) {
        return io.tiffin.platform.text.MoneyText.format(paise, "INR");
    }
}
