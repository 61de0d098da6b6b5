package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer orders on WhatsApp from free text to a stored order, every reply through the Graph API stand-in. */
class WhatsAppOrderIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private final String customer = "9198" + (System.nanoTime() % 100_000_000L);

    @BeforeEach
    void graphApiAnswers() {
        merchant = newMerchant("Order Test Kitchen");
        GRAPH.stubFor(post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + customer
                                + "\",\"wa_id\":\"" + customer + "\"}],\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
    }

    @Test
    void freeTextOrderBecomesAStoredOrderWithServerPrices() {
        assertThat(postWhatsApp(WhatsAppPayloads.text(
                                merchant.phoneNumberId(),
                                customer,
                                WhatsAppPayloads.newMessageId(),
                                "2 butter chicken and 3 garlic naan"))
                        .statusCode())
                .isEqualTo(200);

        JsonNode cart = awaitReply(1);
        // 2 x Butter Chicken (Half, the default) 349.00 + 3 x Garlic Naan 70.00 = 908.00
        assertThat(cart.at("/type").asString()).isEqualTo("interactive");
        assertThat(cart.at("/interactive/body/text").asString())
                .contains("2 × Butter Chicken", "3 × Garlic Naan", "Total: ₹908");
        assertThat(cart.at("/interactive/action/buttons/0/reply/title").asString())
                .startsWith("Confirm");
        String confirmId = cart.at("/interactive/action/buttons/0/reply/id").asString();

        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), confirmId, "Confirm order"));
        JsonNode askAddress = awaitReply(2);
        assertThat(text(askAddress)).contains("Where should we deliver");

        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(),
                customer,
                WhatsAppPayloads.newMessageId(),
                12.9716,
                77.5946,
                "42 Residency Road, Bengaluru"));
        JsonNode placed = awaitReply(3);

        JsonNode orders = parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()));
        assertThat(orders.size()).isEqualTo(1);
        JsonNode order = orders.get(0);
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(order.get("currency").asString()).isEqualTo("INR");
        assertThat(order.at("/items/0/name").asString()).isEqualTo("Butter Chicken");
        assertThat(order.at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(order.at("/items/0/lineTotal").asLong()).isEqualTo(69800);
        assertThat(order.at("/items/1/lineTotal").asLong()).isEqualTo(21000);
        assertThat(order.at("/deliveryAddress/lat").asDouble()).isEqualTo(12.9716);
        assertThat(order.at("/customer/id").asString()).isEqualTo(customer);
        assertThat(text(placed)).contains("#" + order.get("number").asString(), "₹908");
    }

    @Test
    void askingWhereTheOrderIsAnswersItsStatus() {
        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "where is my order"));

        assertThat(text(awaitReply(1))).contains("no orders");
    }

    private JsonNode awaitReply(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> repliesToCustomer().size() >= count);
        List<LoggedRequest> replies = repliesToCustomer();
        assertThat(replies).hasSize(count);
        return json.readTree(replies.get(count - 1).getBodyAsString());
    }

    private List<LoggedRequest> repliesToCustomer() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                .withRequestBody(
                        matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(customer))));
    }

    private static String text(JsonNode message) {
        return message.has("text")
                ? message.at("/text/body").asString()
                : message.at("/interactive/body/text").asString();
    }
}
