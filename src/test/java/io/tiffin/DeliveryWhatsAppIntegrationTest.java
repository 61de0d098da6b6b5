package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One delivery the whole way, as people do it: a customer orders on WhatsApp (WireMock as the Graph
 * API), the kitchen accepts, the planner gives it to the driver on shift, the customer is sent the
 * driver's name, the tracking link and the code; the driver picks it up, a wrong code is refused, the
 * right one delivers it. Each customer message goes out exactly once.
 */
class DeliveryWhatsAppIntegrationTest extends IntegrationTestSupport {

    private static final Pattern CODE = Pattern.compile("delivery code is \\*(\\d{4})\\*");
    private static final Pattern LINK = Pattern.compile("/t/([A-Za-z0-9_-]{20,})");

    @Test
    void anOrderPlacedOnWhatsAppIsDeliveredWithTheCustomersCode() {
        TestMerchant merchant = newMerchant("WhatsApp Delivery Kitchen");
        stubGraphApi(merchant);
        String driver = newDriver(merchant);
        assertThat(putJson("/api/v1/driver/shift", driver, "{\"online\":true}").statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/driver/location", driver, "{\"lat\":12.9702,\"lng\":77.5905}")
                        .statusCode())
                .isEqualTo(204);
        String customer = newCustomer();

        JsonNode order = placeWhatsAppOrder(
                merchant, customer, "Asha Rao", "2 butter chicken and 3 garlic naan", "42 Residency Road, Bengaluru");
        String orderId = order.get("id").asString();
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + orderId + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);

        List<JsonNode> stops = awaitRoute(driver);
        assertThat(stops.get(1).get("orderId").asString()).isEqualTo(orderId);
        String assigned = await().atMost(Duration.ofSeconds(20))
                .until(() -> only(merchant, customer, "will deliver your order"), m -> m != null);
        assertThat(assigned).contains("Driver", "#" + order.get("number").asString());
        Matcher code = CODE.matcher(assigned);
        Matcher link = LINK.matcher(assigned);
        assertThat(code.find()).as(assigned).isTrue();
        assertThat(link.find()).as(assigned).isTrue();
        // as a whole word: the four digits may well occur inside an order id or a timestamp
        assertThat(stops.toString()).doesNotContainPattern("\\b" + code.group(1) + "\\b");

        JsonNode tracked = parse(get("/api/v1/track/" + link.group(1), null));
        assertThat(tracked.get("orderNumber").asString())
                .isEqualTo(order.get("number").asString());
        assertThat(tracked.at("/driver/name").asString()).isEqualTo("Driver");

        // "where is my order" answers with the planned time
        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "where is my order"));
        String status = await().atMost(Duration.ofSeconds(20))
                .until(() -> only(merchant, customer, "Expected at about"), m -> m != null);
        assertThat(status).contains("#" + order.get("number").asString());

        assertThat(postJson(stop(stops.get(0), "picked-up"), driver, "{}").statusCode())
                .isEqualTo(200);
        String wrongCode = code.group(1).equals("0000") ? "1111" : "0000";
        HttpResponse<String> wrong =
                postJson(stop(stops.get(1), "delivered"), driver, "{\"otp\":\"" + wrongCode + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(orderStatus(merchant, orderId)).isEqualTo("PICKED_UP");
        assertThat(postJson(stop(stops.get(1), "delivered"), driver, "{\"otp\":\"" + code.group(1) + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(orderStatus(merchant, orderId)).isEqualTo("DELIVERED");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> only(merchant, customer, "has been delivered") != null
                        && only(merchant, customer, "is on its way") != null);
        // a moment for any duplicate to show up, then each message exactly once
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        List<String> messages = messagesTo(merchant, customer);
        assertThat(messages)
                .filteredOn(m -> m.contains("will deliver your order"))
                .hasSize(1);
        assertThat(messages).filteredOn(m -> m.contains(code.group(1))).hasSize(1);
        assertThat(messages).filteredOn(m -> m.contains("/t/" + link.group(1))).hasSize(1);
        assertThat(messages).filteredOn(m -> m.contains("is on its way")).hasSize(1);
        assertThat(messages).filteredOn(m -> m.contains("has been delivered")).hasSize(1);

        // the completed delivery names its driver to analytics: one delivery, on time, for the merchant's day
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode perDriver = parse(
                            get("/api/v1/analytics/summary?from=" + today + "&to=" + today, merchant.ownerToken()))
                    .at("/delivery/perDriver");
            assertThat(perDriver).hasSize(1);
            assertThat(perDriver.get(0).get("name").asString()).isEqualTo("Driver");
            assertThat(perDriver.get(0).get("deliveries").asLong()).isEqualTo(1);
            assertThat(perDriver.get(0).get("onTimeRate").asDouble()).isEqualTo(1.0);
        });
    }

    /** The one message to the customer containing the text; null while there is none. */
    private String only(TestMerchant merchant, String customer, String text) {
        List<String> found = messagesTo(merchant, customer).stream()
                .filter(m -> m.contains(text))
                .toList();
        return found.isEmpty() ? null : found.getFirst();
    }

    private List<JsonNode> awaitRoute(String driver) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> parse(get("/api/v1/driver/route", driver)).size() == 2);
        List<JsonNode> stops = new java.util.ArrayList<>();
        parse(get("/api/v1/driver/route", driver)).forEach(stops::add);
        return stops;
    }

    private String orderStatus(TestMerchant merchant, String orderId) {
        return parse(get("/api/v1/merchants/" + merchant.id() + "/orders/" + orderId, merchant.ownerToken()))
                .get("status")
                .asString();
    }

    private static String stop(JsonNode stop, String action) {
        return "/api/v1/driver/stops/" + stop.get("id").asString() + "/" + action;
    }
}
