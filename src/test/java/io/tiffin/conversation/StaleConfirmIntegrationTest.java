package io.tiffin.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Confirm of a cart message carries the cart it showed: tapped after the cart changed, on
 * WhatsApp or in the web chat, it confirms nothing and the current cart comes back with a fresh
 * Confirm; that one places the order as it is now. Sessions and orders in the real stores.
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
        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(),
                customer,
                "Asha",
                WhatsAppPayloads.newMessageId(),
                12.9716,
                77.5946,
                "42 Residency Road, Bengaluru"));
        await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer) != null);
        // 2 x 349 + 70
        assertThat(latestOrderOf(merchant, customer).get("total").asLong()).isEqualTo(76800);
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

    /** One web chat session with a merchant that turned the web chat on. */
    private final class WebChat {
        private final String slug;
        private final String session = UUID.randomUUID().toString();
        private final String address =
                "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        private final List<JsonNode> seen = new ArrayList<>();
        private int read;

        WebChat(TestMerchant merchant) {
            HttpResponse<String> on = send(
                    "PATCH",
                    "/api/v1/merchants/" + merchant.id(),
                    merchant.ownerToken(),
                    "application/json",
                    "{\"webChat\":{\"enabled\":true}}".getBytes(StandardCharsets.UTF_8));
            assertThat(on.statusCode()).isEqualTo(200);
            slug = parse(on).get("slug").asString();
        }

        void say(String content) {
            read = seen.size();
            String body = "{\"merchant\":\"" + slug + "\",\"sessionId\":\"" + session + "\",\"messageId\":\""
                    + UUID.randomUUID() + "\"," + content.substring(1);
            HttpResponse<String> response = send(request("/chat/api/messages")
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }

        /** The last reply, once a reply to the last message is there. */
        JsonNode awaitReply() {
            await().atMost(Duration.ofSeconds(20)).until(() -> fetch().size() > read);
            seen.clear();
            seen.addAll(fetch());
            return seen.get(seen.size() - 1);
        }

        /** The texts of every reply from the {@code from}th (from 0) on. */
        String textsSince(int from) {
            return String.join(
                    "\n",
                    seen.subList(from, seen.size()).stream()
                            .map(m -> m.get("text").asString())
                            .toList());
        }

        private List<JsonNode> fetch() {
            List<JsonNode> all = new ArrayList<>();
            parse(get("/chat/api/messages?merchant=" + slug + "&sessionId=" + session, null))
                    .forEach(all::add);
            return all;
        }
    }
}
