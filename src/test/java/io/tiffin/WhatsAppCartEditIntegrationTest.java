package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer changes the cart over several WhatsApp messages; every reply goes through the Graph API stand-in. */
class WhatsAppCartEditIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String customer;

    @BeforeEach
    void graphApiAnswers() {
        merchant = newMerchant("Cart Edit Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
    }

    @Test
    void removingAnItemLeavesTheRestOfTheCart() {
        say("2 butter chicken and 3 garlic naan");
        assertThat(await(1)).contains("3 × Garlic Naan", "Total: ₹908");

        say("remove the garlic naan");
        List<String> replies = awaitMessages(merchant, customer, 3);

        assertThat(replies.get(1)).contains("Removed Garlic Naan");
        // 2 x Butter Chicken 349
        assertThat(replies.get(2)).contains("2 × Butter Chicken", "Total: ₹698").doesNotContain("Garlic Naan");
    }

    @Test
    void makeItThreeChangesTheLastLineAndTheTotal() {
        say("1 butter chicken and 2 garlic naan");
        assertThat(await(1)).contains("2 × Garlic Naan", "Total: ₹489");

        say("make it 3");
        // 349 + 3 x 70
        assertThat(await(2))
                .contains("1 × Butter Chicken", "3 × Garlic Naan: ₹210", "Total: ₹559")
                .doesNotContain("2 × Garlic Naan");

        // no biryani in the cart: no line changes, the bot only asks which biryani to add
        say("make the biryani large");
        List<String> replies = awaitMessages(merchant, customer, 3);
        assertThat(replies.get(2)).contains("Which one did you mean", "Chicken Biryani", "Veg Biryani");
    }

    @Test
    void makeTheNaanFourChangesTheNaanInTheCartAndAQuestionChangesNothing() {
        say("2 butter chicken and 3 garlic naan");
        assertThat(await(1)).contains("3 × Garlic Naan", "Total: ₹908");

        say("make the naan 4");
        // 2 x 349 + 4 x 70
        assertThat(await(2)).contains("4 × Garlic Naan: ₹280", "Total: ₹978").doesNotContain("Plain Naan");

        say("how much is biryani?");
        assertThat(await(3))
                .contains("Chicken Biryani: ₹319", "Veg Biryani: ₹269")
                .doesNotContain("Total");

        say("remove the naan");
        List<String> replies = awaitMessages(merchant, customer, 5);
        assertThat(replies.get(4)).contains("2 × Butter Chicken", "Total: ₹698").doesNotContain("Naan");
    }

    @Test
    void makeItLargeChangesTheSizeOfTheLineThatHasOne() {
        say("1 chicken biryani and 1 garlic naan");
        assertThat(await(1)).contains("Total: ₹389");

        say("make it large");
        // (319 + 100 large) + 70
        assertThat(await(2)).contains("1 × Chicken Biryani (Large): ₹419", "1 × Garlic Naan", "Total: ₹489");
    }

    @Test
    void aCountInAnAddressIsNoCorrection() {
        say("2 garlic naan");
        await(1);
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
        assertThat(await(2)).contains("Where should we deliver");

        say("actually 42 Residency Road, Bengaluru");
        assertThat(await(3)).doesNotContain("42 ×");
        JsonNode order = deliverTo(merchant, customer, "Asha", "42 Residency Road, Bengaluru");
        assertThat(order.at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(order.get("total").asLong()).isEqualTo(14000);
    }

    @Test
    void hinglishIsAnsweredInHindi() {
        say("ek paneer tikka aur do butter naan");

        JsonNode cart = lastMessage();
        String text = cart.at("/interactive/body/text").asString();
        // 249 + 2 x 60
        assertThat(text).contains("🛒 *आपका ऑर्डर*", "1 × Paneer Tikka", "2 × Butter Naan", "*कुल: ₹369*");
        assertThat(cart.at("/interactive/action/buttons/0/reply/title").asString())
                .isEqualTo("ऑर्डर पक्का करें");

        say("make it 3");
        assertThat(await(2)).contains("3 × Butter Naan", "*कुल: ₹429*");
    }

    @Test
    void sameAgainFillsTheCartWithTheLastOrder() {
        JsonNode order = placeWhatsAppOrder(
                merchant,
                customer,
                "Asha",
                "2 large chicken biryani and 1 garlic naan",
                "42 Residency Road, Bengaluru");
        // 2 x (319 + 100) + 70
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        int before = messagesTo(merchant, customer).size();

        say("same again");
        String cart = awaitMessages(merchant, customer, before + 1).get(before);

        assertThat(cart).contains("2 × Chicken Biryani (Large): ₹838", "1 × Garlic Naan: ₹70", "Total: ₹908");
    }

    @Test
    void sameAgainWithoutAnOrderSaysSo() {
        say("same again");

        assertThat(await(1)).contains("no orders");
    }

    private void say(String text) {
        postWhatsApp(WhatsAppPayloads.text(merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), text));
    }

    private String await(int count) {
        List<String> replies = awaitMessages(merchant, customer, count);
        assertThat(replies).hasSize(count);
        return replies.get(count - 1);
    }

    private JsonNode lastMessage() {
        awaitMessages(merchant, customer, 1);
        var sent = GRAPH.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                "/" + merchant.phoneNumberId() + "/messages"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(customer))));
        return json.readTree(sent.get(sent.size() - 1).getBodyAsString());
    }
}
