package io.tiffin.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Both payment modes in the WhatsApp conversation, end to end: a merchant who takes cash and online
 * payment lets the customer choose after the address; cash places the order at once with the amount
 * to collect, online holds it for payment and sends a Razorpay link (WireMock as Razorpay).
 */
class PaymentChoiceIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String customer;

    @BeforeEach
    void merchantTakingBoth() {
        merchant = newMerchant("Both Ways Dhaba");
        stubGraphApi(merchant);
        assertThat(send(
                                "PATCH",
                                "/api/v1/merchants/" + merchant.id(),
                                merchant.ownerToken(),
                                "application/json",
                                "{\"payments\":{\"cashOnDelivery\":true,\"online\":true}}"
                                        .getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        customer = newCustomer();
        RAZORPAY.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/payment_links"))
                .atPriority(20)
                .willReturn(WireMock.okJson("{\"payment_links\":[]}")));
        RAZORPAY.stubFor(WireMock.post(WireMock.urlEqualTo("/v1/payment_links"))
                .atPriority(20)
                .willReturn(WireMock.okJson("""
                {"id":"plink_{{jsonPath request.body '$.reference_id'}}","status":"created","expire_by":{{jsonPath request.body '$.expire_by'}},
                 "short_url":"https://rzp.io/i/{{jsonPath request.body '$.reference_id'}}"}
                """).withTransformers("response-template")));
    }

    @Test
    void cashOnDeliveryPlacesTheOrderWithTheAmountToCollect() {
        List<JsonNode> choices = askedHowToPay();
        assertThat(choices).extracting(c -> c.at("/reply/id").asString()).containsExactly("pay:online", "pay:cash");

        tap("pay:cash", "Cash on delivery");
        awaitMessage("Thank you");
        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.at("/payment/method").asString()).isEqualTo("CASH");
        assertThat(order.get("amountToCollect").asLong())
                .isEqualTo(order.get("total").asLong())
                .isPositive();
        assertThat(messagesTo(merchant, customer).getLast()).contains("cash on delivery");
    }

    @Test
    void payOnlineHoldsTheOrderAndSendsTheLink() {
        askedHowToPay();
        tap("pay:online", "Pay online");
        awaitMessage("payment link now");
        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.get("amountToCollect").asLong()).isZero();
        String link = awaitMessage("https://rzp.io/i/" + order.get("id").asString());
        assertThat(link).contains("#" + order.get("number").asString());
    }

    /** Text, Confirm, a location: the bot asks how to pay instead of placing. Answers the buttons offered. */
    private List<JsonNode> askedHowToPay() {
        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, "Asha", WhatsAppPayloads.newMessageId(), "2 garlic naan"));
        awaitMessages(merchant, customer, 1);
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
        awaitMessages(merchant, customer, 2);
        shareLocation(merchant, customer, "Asha", "42 Residency Road");
        assertThat(awaitMessage("How would you like to pay")).contains("₹");
        assertThat(latestOrderOf(merchant, customer)).isNull();
        JsonNode question = lastSent();
        return java.util.stream.StreamSupport.stream(
                        question.at("/interactive/action/buttons").spliterator(), false)
                .toList();
    }

    private void tap(String id, String title) {
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), id, title));
    }

    private String awaitMessage(String text) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> messagesTo(merchant, customer).stream().anyMatch(m -> m.contains(text)));
        return messagesTo(merchant, customer).stream()
                .filter(m -> m.contains(text))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode lastSent() {
        return GRAPH
                .findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(WireMock.matchingJsonPath("$.to", WireMock.equalTo(customer))))
                .stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
