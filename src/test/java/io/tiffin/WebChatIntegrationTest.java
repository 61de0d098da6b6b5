package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The built-in web chat takes an order through the same intake and conversation as WhatsApp, for a
 * merchant that turned it on, addressed by its public slug, within per-session, per-address and
 * per-merchant limits.
 */
class WebChatIntegrationTest extends IntegrationTestSupport {

    private final String session = UUID.randomUUID().toString();
    // every test talks from its own client address (as a proxy would forward it), so limits never mix
    private String address = "203.0." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);
    private final List<JsonNode> seen = new ArrayList<>();
    private TestMerchant merchant;
    private String slug;

    @Test
    void ordersWithATypedAddressThatLooksLikeANumberAndWords() {
        open("Web Chat Kitchen");

        say("{\"name\":\"Priya\",\"phone\":\"+91 98450 12345\",\"text\":\"2 butter chicken and 3 garlic naan\"}");
        assertThat(awaitReply().get("text").asString()).contains("Total: ₹908");
        JsonNode confirm = seen.get(seen.size() - 1).at("/buttons/0");
        assertThat(confirm.get("title").asString()).startsWith("Confirm");

        say("{\"name\":\"Priya\",\"reply\":{\"id\":\"" + confirm.get("id").asString()
                + "\",\"title\":\"Confirm order\"}}");
        assertThat(awaitReply().get("text").asString()).contains("Where should we deliver");

        say("{\"name\":\"Priya\",\"text\":\"42 Residency Road, Bengaluru 560025\"}");
        String placed = awaitReply().get("text").asString();

        JsonNode order = parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()))
                .get(0);
        assertThat(placed).contains("#" + order.get("number").asString(), "42 Residency Road");
        assertThat(order.get("channel").asString()).isEqualTo("WEB");
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(order.at("/deliveryAddress/text").asString()).isEqualTo("42 Residency Road, Bengaluru 560025");
        // the first name given, never the session id; anyone can type one, so the order says it is unverified
        assertThat(order.at("/customer/name").asString()).isEqualTo("Priya");
        assertThat(order.at("/customer/phone").asString()).isEqualTo("+91 98450 12345");
        assertThat(order.at("/customer/verified").isBoolean()).isTrue();
        assertThat(order.at("/customer/verified").asBoolean()).isFalse();
    }

    @Test
    void aWhatsAppOrderCarriesTheProfileNameAndIsVerified() {
        TestMerchant whatsapp = newMerchant("Named On WhatsApp");
        stubGraphApi(whatsapp);
        String customer = newCustomer();

        JsonNode order =
                placeWhatsAppOrder(whatsapp, customer, "Asha Rao", "1 butter chicken", "7 Lake View, Bengaluru");

        assertThat(order.at("/customer/name").asString()).isEqualTo("Asha Rao");
        assertThat(order.at("/customer/verified").asBoolean()).isTrue();
    }

    @Test
    void refusesMalformedSessionsNamesAndEmptyMessages() {
        open("Web Chat Guard");

        assertThat(post("{\"merchant\":\"" + slug + "\",\"sessionId\":\"x\",\"messageId\":\"" + UUID.randomUUID()
                                + "\",\"text\":\"hi\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(message(slug, session, "{}")).statusCode()).isEqualTo(400);
        HttpResponse<String> badName = post(message(slug, session, "{\"name\":\"<script>\",\"text\":\"hi\"}"));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(parse(badName).at("/problems/0/path").asString()).isEqualTo("name");
        assertThat(post(message("no-such-merchant-slug", session, "{\"text\":\"hi\"}"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMerchantIsFoundByItsSlugAndNeverByItsId() {
        open("Web Chat Slug");

        JsonNode info = parse(get("/chat/api/merchant?m=" + slug, null));
        assertThat(info.get("name").asString()).isEqualTo("Web Chat Slug");
        assertThat(info.get("slug").asString()).isEqualTo(slug);
        assertThat(info.has("id")).isFalse();
        assertThat(slug)
                .hasSizeGreaterThanOrEqualTo(16)
                .matches("[A-Za-z0-9_-]+")
                .isNotEqualTo(merchant.id());

        assertThat(get("/chat/api/merchant?id=" + merchant.id(), null).statusCode())
                .isEqualTo(404);
        assertThat(get("/chat/api/merchant?m=" + merchant.id(), null).statusCode())
                .isEqualTo(404);
        assertThat(post(message(merchant.id(), session, "{\"text\":\"hi\"}")).statusCode())
                .isEqualTo(404);
        assertThat(get("/chat/api/messages?merchant=" + merchant.id() + "&sessionId=" + session, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMerchantWithTheWebChatOffIsNotThere() {
        merchant = newMerchant("WhatsApp Only");
        JsonNode stored = parse(get("/api/v1/merchants/" + merchant.id(), merchant.ownerToken()));
        assertThat(stored.at("/webChat/enabled").asBoolean()).isFalse();
        slug = stored.get("slug").asString();

        assertThat(get("/chat/api/merchant?m=" + slug, null).statusCode()).isEqualTo(404);
        assertThat(post(message(slug, session, "{\"name\":\"Mallory\",\"text\":\"2 butter chicken\"}"))
                        .statusCode())
                .isEqualTo(404);

        // turned on and off again by its owner
        assertThat(patch(merchant.id(), merchant.ownerToken(), true).statusCode())
                .isEqualTo(200);
        assertThat(get("/chat/api/merchant?m=" + slug, null).statusCode()).isEqualTo(200);
        assertThat(patch(merchant.id(), merchant.ownerToken(), false).statusCode())
                .isEqualTo(200);
        assertThat(get("/chat/api/merchant?m=" + slug, null).statusCode()).isEqualTo(404);
        // staff may not change it, another merchant's owner does not even see it
        assertThat(patch(merchant.id(), newStaff(merchant), true).statusCode()).isEqualTo(403);
        assertThat(patch(merchant.id(), newMerchant("Nosy").ownerToken(), true).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFreshSessionPerMessageFromOneAddressIsRefusedAfterTheNewSessionAllowance() {
        open("Web Chat Flood");
        int accepted = 0;
        String going = null;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 15 && refused == null; i++) {
            String fresh = UUID.randomUUID().toString();
            HttpResponse<String> response =
                    post(message(slug, fresh, "{\"name\":\"Bot\",\"text\":\"2 butter chicken\"}"));
            if (response.statusCode() == 202) {
                accepted++;
                going = fresh;
            } else {
                refused = response;
            }
        }
        // tiffin.webchat.new-sessions-per-address
        assertThat(accepted).isEqualTo(10);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(parse(refused).get("message").asString()).contains("try again");

        // a conversation already going on is not cut off, and another address is not affected
        assertThat(post(message(slug, going, "{\"name\":\"Bot\",\"text\":\"1 garlic naan\"}"))
                        .statusCode())
                .isEqualTo(202);
        address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        assertThat(post(message(slug, UUID.randomUUID().toString(), "{\"name\":\"Ravi\",\"text\":\"hi\"}"))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void oneSessionSendingTooFastIsSlowedDown() {
        open("Web Chat Chatty");
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            if (post(message(slug, session, "{\"name\":\"Chatty\",\"text\":\"hello\"}"))
                            .statusCode()
                    == 202) {
                accepted++;
            }
        }
        // tiffin.webchat.messages-per-session
        assertThat(accepted).isEqualTo(20);
    }

    private void open(String name) {
        merchant = newMerchant(name);
        HttpResponse<String> on = patch(merchant.id(), merchant.ownerToken(), true);
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(parse(on).at("/webChat/enabled").asBoolean()).isTrue();
        slug = parse(on).get("slug").asString();
    }

    private HttpResponse<String> patch(String merchantId, String token, boolean webChat) {
        return send(
                "PATCH",
                "/api/v1/merchants/" + merchantId,
                token,
                "application/json",
                ("{\"webChat\":{\"enabled\":" + webChat + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String message(String merchantSlug, String sessionId, String content) {
        String rest = content.substring(1);
        return "{\"merchant\":\"" + merchantSlug + "\",\"sessionId\":\"" + sessionId + "\",\"messageId\":\""
                + UUID.randomUUID() + "\"" + (rest.equals("}") ? "}" : "," + rest);
    }

    private void say(String content) {
        HttpResponse<String> response = post(message(slug, session, content));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private HttpResponse<String> post(String body) {
        return send(request("/chat/api/messages")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
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
        parse(get("/chat/api/messages?merchant=" + slug + "&sessionId=" + session, null))
                .forEach(all::add);
        return all;
    }
}
