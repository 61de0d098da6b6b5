package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The built-in web chat takes an order through the same intake and conversation as WhatsApp. */
class WebChatIntegrationTest extends IntegrationTestSupport {

    private final String session = UUID.randomUUID().toString();
    private final List<JsonNode> seen = new ArrayList<>();
    private TestMerchant merchant;

    @Test
    void ordersWithATypedAddressThatLooksLikeANumberAndWords() {
        merchant = newMerchant("Web Chat Kitchen");

        say("{\"text\":\"2 butter chicken and 3 garlic naan\"}");
        assertThat(awaitReply().get("text").asString()).contains("Total: ₹908");
        JsonNode confirm = seen.get(seen.size() - 1).at("/buttons/0");
        assertThat(confirm.get("title").asString()).startsWith("Confirm");

        say("{\"reply\":{\"id\":\"" + confirm.get("id").asString() + "\",\"title\":\"Confirm order\"}}");
        assertThat(awaitReply().get("text").asString()).contains("Where should we deliver");

        say("{\"text\":\"42 Residency Road, Bengaluru 560025\"}");
        String placed = awaitReply().get("text").asString();

        JsonNode order = parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken())).get(0);
        assertThat(placed).contains("#" + order.get("number").asString(), "42 Residency Road");
        assertThat(order.get("channel").asString()).isEqualTo("WEB");
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(order.at("/deliveryAddress/text").asString()).isEqualTo("42 Residency Road, Bengaluru 560025");
    }

    @Test
    void refusesMalformedSessionsAndEmptyMessages() {
        merchant = newMerchant("Web Chat Guard");

        assertThat(postJson("/chat/api/messages", null, "{\"merchantId\":\"" + merchant.id()
                + "\",\"sessionId\":\"x\",\"messageId\":\"" + UUID.randomUUID() + "\",\"text\":\"hi\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/chat/api/messages", null, "{\"merchantId\":\"" + merchant.id() + "\",\"sessionId\":\"" + session
                + "\",\"messageId\":\"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/chat/api/messages", null, "{\"merchantId\":\"nope\",\"sessionId\":\"" + session
                + "\",\"messageId\":\"" + UUID.randomUUID() + "\",\"text\":\"hi\"}").statusCode()).isEqualTo(404);
    }

    private void say(String content) {
        String body = "{\"merchantId\":\"" + merchant.id() + "\",\"sessionId\":\"" + session + "\",\"messageId\":\""
                + UUID.randomUUID() + "\"," + content.substring(1);
        assertThat(postJson("/chat/api/messages", null, body).statusCode()).isEqualTo(202);
    }

    private JsonNode awaitReply() {
        int before = seen.size();
        await().atMost(Duration.ofSeconds(20)).until(() -> fetch().size() > before);
        seen.clear();
        seen.addAll(fetch());
        return seen.get(seen.size() - 1);
    }

    private List<JsonNode> fetch() {
        List<JsonNode> all = new ArrayList<>();
        parse(get("/chat/api/messages?merchantId=" + merchant.id() + "&sessionId=" + session, null)).forEach(all::add);
        return all;
    }
}
