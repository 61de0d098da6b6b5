package io.tiffin.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Confirm of a cart message carries the cart it showed, priced: tapped after the cart changed,
 * or after the owner repriced a dish of it, on WhatsApp or in the web chat, it confirms nothing and
 * the current cart comes back with a fresh Confirm; that one places the order as it is now. Sessions,
 * menus and orders in the real stores.
 */
class StaleConfirmIntegrationTest extends IntegrationTestSupport {

    @Test
    void onWhatsAppTheOldConfirmShowsTheChangedCartAndTheFreshOnePlacesIt() {
        TestMerchant merchant = newMerchant("Stale Confirm Dhaba");
        stubGraphApi(merchant);
        String customer = newCustomer();

        whatsApp(merchant, customer, "2 butter chicken");
        String old = confirmIdOf(lastSent(merchant, customer, 1));
        whatsApp(merchant, customer, "add a garlic naan");
        String fresh = confirmIdOf(lastSent(merchant, customer, 2));
        assertThat(fresh).isNotEqualTo(old);

        tapOnWhatsApp(merchant, customer, old);
        List<String> replies = awaitMessages(merchant, customer, 3);
        assertThat(replies.get(2))
                .contains("Your order changed after that message", "2 × Butter Chicken", "1 × Garlic Naan")
                .doesNotContain("Where should we deliver");
        assertThat(confirmIdOf(lastSent(merchant, customer, 3))).isEqualTo(fresh);
        assertThat(latestOrderOf(merchant, customer)).isNull();

        tapOnWhatsApp(merchant, customer, fresh);
        assertThat(awaitMessages(merchant, customer, 4).get(3)).contains("Where should we deliver");
        // 2 x 349 + 70
        assertThat(deliverTo(merchant, customer, "Asha", "42 Residency Road, Bengaluru")
                        .get("total")
                        .asLong())
                .isEqualTo(76800);
    }

    @Test
    void inTheWebChatTheOldConfirmShowsTheChangedCart() {
        WebChat chat = new WebChat(newMerchant("Stale Confirm Web"));

        chat.say("{\"name\":\"Priya\",\"text\":\"2 butter chicken and 3 garlic naan\"}");
        JsonNode old = chat.awaitReply().at("/buttons/0");
        chat.say("{\"name\":\"Priya\",\"text\":\"make the naan 4\"}");
        JsonNode fresh = chat.awaitReply().at("/buttons/0");
        assertThat(fresh.get("id").asString()).isNotEqualTo(old.get("id").asString());

        chat.say("{\"name\":\"Priya\",\"reply\":{\"id\":\"" + old.get("id").asString()
                + "\",\"title\":\"Confirm order\"}}");
        JsonNode cart = chat.awaitReply();
        assertThat(chat.textsSince(2))
                .contains("Your order changed after that message", "4 × Garlic Naan")
                .doesNotContain("Where should we deliver");
        assertThat(cart.at("/buttons/0/id").asString())
                .isEqualTo(fresh.get("id").asString());

        chat.say("{\"name\":\"Priya\",\"reply\":{\"id\":\"" + fresh.get("id").asString()
                + "\",\"title\":\"Confirm order\"}}");
        assertThat(chat.awaitReply().get("text").asString()).contains("Where should we deliver");
    }

    @Test
    void aPriceChangedOnTheTabletBetweenTheCartAndTheTapShowsTheNewPrices() {
        TestMerchant merchant = newMerchant("Stale Price Web");
        WebChat chat = new WebChat(merchant);

        chat.say("{\"name\":\"Priya\",\"text\":\"2 butter chicken\"}");
        JsonNode shown = chat.awaitReply();
        assertThat(shown.get("text").asString()).contains("2 × Butter Chicken: ₹698");
        JsonNode old = shown.at("/buttons/0");

        assertThat(patchMenu(merchant, "/items/butter-chicken", merchant.ownerToken(), "{\"price\":37900}")
                        .statusCode())
                .isEqualTo(200);
        chat.say("{\"name\":\"Priya\",\"reply\":{\"id\":\"" + old.get("id").asString()
                + "\",\"title\":\"Confirm order\"}}");
        JsonNode cart = chat.awaitReply();
        assertThat(chat.textsSince(1))
                .contains("Your order changed after that message", "2 × Butter Chicken: ₹758", "Total: ₹758")
                .doesNotContain("Where should we deliver", "₹698");
        JsonNode fresh = cart.at("/buttons/0");
        assertThat(fresh.get("id").asString())
                .startsWith("confirm:")
                .isNotEqualTo(old.get("id").asString());

        chat.say("{\"name\":\"Priya\",\"reply\":{\"id\":\"" + fresh.get("id").asString()
                + "\",\"title\":\"Confirm order\"}}");
        assertThat(chat.awaitReply().get("text").asString()).contains("Where should we deliver");
    }

    private void whatsApp(TestMerchant merchant, String customer, String text) {
        postWhatsApp(WhatsAppPayloads.text(merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), text));
    }

    private void tapOnWhatsApp(TestMerchant merchant, String customer, String id) {
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), id, "Confirm order"));
    }

    /** The last message sent to the customer through the Graph API, once there are {@code count}. */
    private JsonNode lastSent(TestMerchant merchant, String customer, int count) {
        awaitMessages(merchant, customer, count);
        var sent = GRAPH.findAll(
                WireMock.postRequestedFor(WireMock.urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(WireMock.matchingJsonPath("$.to", WireMock.equalTo(customer))));
        return json.readTree(sent.get(sent.size() - 1).getBodyAsString());
    }

    private static String confirmIdOf(JsonNode message) {
        JsonNode button = message.at("/interactive/action/buttons/0/reply");
        assertThat(button.get("title").asString()).startsWith("Confirm");
        return button.get("id").asString();
    }
}
