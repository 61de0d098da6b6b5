package io.tiffin.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The language a customer orders in follows the order: when the kitchen acts on the tablet, the
 * WhatsApp update (through the Graph API stand-in) speaks the customer's language, not the kitchen's.
 */
class OrderUpdateLanguageIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String customer;

    @BeforeEach
    void merchantWithGraphApi() {
        merchant = newMerchant("Dilli Dhaba");
        stubGraphApi(merchant);
        customer = newCustomer();
    }

    @Test
    void aCustomerWhoOrderedInHindiHearsTheKitchenInHindi() {
        JsonNode order =
                placeWhatsAppOrder(merchant, customer, "Asha", "मुझे दो garlic naan चाहिए", "42 Residency Road");
        List<String> conversation = untilPlacedReply("धन्यवाद");
        assertThat(conversation.getFirst()).contains("🛒 *आपका ऑर्डर*", "2 × Garlic Naan");
        assertThat(conversation.getLast()).contains("धन्यवाद", "#" + number(order));
        assertThat(order.get("language").asString()).isEqualTo("hi");
        int sent = conversation.size();

        assertThat(postJson(orderPath(order) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);
        String accepted = awaitMessages(merchant, customer, sent + 1).getLast();
        assertThat(send("POST", orderPath(order) + "/ready", merchant.ownerToken(), null, null)
                        .statusCode())
                .isEqualTo(200);
        String ready = awaitMessages(merchant, customer, sent + 2).getLast();

        assertThat(accepted)
                .matches(
                        "👍 \\*Dilli Dhaba\\* ने आपका ऑर्डर \\*#" + number(order)
                                + "\\* स्वीकार कर लिया है। यह लगभग \\*\\d{1,2}:\\d{2} [AP]M\\* तक तैयार हो जाएगा \\(15 मिनट\\)।");
        assertThat(ready).isEqualTo("🍽️ आपका ऑर्डर *#" + number(order) + "* तैयार है और जल्द ही आपके पास भेजा जाएगा।");
    }

    @Test
    void aCustomerWhoOrderedInEnglishStillHearsEnglish() {
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "2 garlic naan", "42 Residency Road");
        assertThat(order.get("language").asString()).isEqualTo("en");
        int sent = untilPlacedReply("Thank you").size();

        assertThat(postJson(orderPath(order) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(awaitMessages(merchant, customer, sent + 1).getLast())
                .startsWith("👍 *Dilli Dhaba* accepted your order *#" + number(order) + "*")
                .endsWith("(15 min).")
                .doesNotContainPattern("\\p{InDevanagari}");
    }

    /** The order is stored before its confirmation goes out; updates are counted after it. */
    private List<String> untilPlacedReply(String marker) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> messagesTo(merchant, customer).stream().anyMatch(m -> m.contains(marker)));
        return messagesTo(merchant, customer);
    }

    private String orderPath(JsonNode order) {
        return "/api/v1/merchants/" + merchant.id() + "/orders/"
                + order.get("id").asString();
    }

    private static String number(JsonNode order) {
        return order.get("number").asString();
    }
}
