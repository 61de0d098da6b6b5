package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Store rules through the settings API and in the conversation: opening hours, the minimum order,
 * the delivery radius, fees and tax priced by the server, kitchen notes, and typed addresses geocoded
 * through the Nominatim stand-in. The test merchants sit at 12.97, 77.59 (Bengaluru).
 */
class StoreRulesIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String customer;

    @BeforeEach
    void merchantWithGraphApi() {
        merchant = newMerchant("Rules Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
    }

    @Test
    void existingMerchantsAreOpenAlwaysWithNoFees() {
        JsonNode settings = parse(get("/api/v1/merchants/" + merchant.id() + "/settings", merchant.ownerToken()));

        assertThat(settings.get("openingHours").isNull()).isTrue();
        assertThat(settings.get("openNow").asBoolean()).isTrue();
        assertThat(settings.get("nextOpening").isNull()).isTrue();
        assertThat(settings.get("minimumOrder").asLong()).isZero();
        assertThat(settings.get("packagingCharge").asLong()).isZero();
        assertThat(settings.get("timezone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(settings.get("pickupAllowed").asBoolean()).isTrue();
    }

    @Test
    void theOwnerReplacesTheRulesStaffReadsThemAndOtherMerchantsSeeNothing() {
        HttpResponse<String> put = putSettings("""
                {"openingHours":{"MONDAY":[{"open":"11:00","close":"15:00"},{"open":"18:00","close":"01:00"}],
                 "SATURDAY":[{"open":"00:00","close":"24:00"}]},
                 "timezone":"Asia/Kolkata","minimumOrder":20000,"deliveryFee":{"bands":[{"upToKm":3,"fee":2000},{"upToKm":6,"fee":4000}]},
                 "deliveryRadiusKm":6,"packagingCharge":1000,"taxPercent":5,"pickupAllowed":false}""");
        assertThat(put.statusCode()).isEqualTo(200);

        JsonNode read = parse(get("/api/v1/merchants/" + merchant.id() + "/settings", newStaff(merchant)));
        assertThat(read.at("/openingHours/MONDAY/1/close").asString()).isEqualTo("01:00");
        assertThat(read.at("/openingHours/TUESDAY").size()).isZero();
        assertThat(read.at("/deliveryFee/bands/1/fee").asLong()).isEqualTo(4000);
        assertThat(read.get("minimumOrder").asLong()).isEqualTo(20000);
        assertThat(read.get("taxPercent").asString()).isEqualTo("5");
        assertThat(read.get("pickupAllowed").asBoolean()).isFalse();
        assertThat(read.has("openNow")).isTrue();

        assertThat(send(
                                "PUT",
                                "/api/v1/merchants/" + merchant.id() + "/settings",
                                newStaff(merchant),
                                "application/json",
                                "{}".getBytes())
                        .statusCode())
                .isEqualTo(403);
        TestMerchant other = newMerchant("Other Kitchen");
        assertThat(get("/api/v1/merchants/" + merchant.id() + "/settings", other.ownerToken())
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(
                                "PUT",
                                "/api/v1/merchants/" + merchant.id() + "/settings",
                                other.ownerToken(),
                                "application/json",
                                "{}".getBytes())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void invalidSettingsAnswer400WithEveryProblemAndStoreNothing() {
        HttpResponse<String> put = putSettings("""
                {"openingHours":{"MONDAY":[{"open":"25:00","close":"23:00"}],"FUNDAY":[{"open":"10:00","close":"12:00"}],
                  "TUESDAY":[{"open":"10:00","close":"14:00"},{"open":"13:00","close":"16:00"}],
                  "WEDNESDAY":[{"open":"09:00","close":"09:00"}]},
                 "timezone":"Mars/Olympus","minimumOrder":-100,"packagingCharge":-1,
                 "deliveryFee":{"flat":1000,"bands":[{"upToKm":3,"fee":2000}]},
                 "deliveryRadiusKm":0,"taxPercent":120}""");

        assertThat(put.statusCode()).isEqualTo(400);
        JsonNode error = parse(put);
        assertThat(error.get("error").asString()).isEqualTo("invalid_input");
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("problems")
                        .valueStream()
                        .map(p -> p.get("path").asString())
                        .toList())
                .contains(
                        "openingHours.MONDAY[0].open",
                        "openingHours.FUNDAY",
                        "openingHours.TUESDAY",
                        "openingHours.WEDNESDAY[0]",
                        "timezone",
                        "minimumOrder",
                        "packagingCharge",
                        "deliveryFee",
                        "deliveryRadiusKm",
                        "taxPercent");
        assertThat(error.toString()).doesNotContain("io.tiffin", "Exception");

        HttpResponse<String> bands =
                putSettings("{\"deliveryFee\":{\"bands\":[{\"upToKm\":5,\"fee\":2000},{\"upToKm\":3,\"fee\":-5}]}}");
        assertThat(bands.statusCode()).isEqualTo(400);
        assertThat(bands.body()).contains("deliveryFee.bands[1].upToKm", "deliveryFee.bands[1].fee");
        HttpResponse<String> fraction = putSettings("{\"minimumOrder\":199.5}");
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(parse(fraction).at("/problems/0/path").asString()).isEqualTo("minimumOrder");

        JsonNode unchanged = parse(get("/api/v1/merchants/" + merchant.id() + "/settings", merchant.ownerToken()));
        assertThat(unchanged.get("minimumOrder").asLong()).isZero();
        assertThat(unchanged.get("openingHours").isNull()).isTrue();
    }

    @Test
    void aClosedStoreSaysWhenItOpensAndTakesNoOrder() {
        // open only on the day after tomorrow (in the merchant's zone), so it is closed whenever this runs
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        DayOfWeek openDay = today.plusDays(2).getDayOfWeek();
        assertThat(putSettings("{\"openingHours\":{\"" + openDay + "\":[{\"open\":\"10:00\",\"close\":\"11:00\"}]}}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode settings = parse(get("/api/v1/merchants/" + merchant.id() + "/settings", merchant.ownerToken()));
        assertThat(settings.get("openNow").asBoolean()).isFalse();
        assertThat(settings.get("nextOpening").asString()).isEqualTo(today.plusDays(2) + "T10:00:00+05:30");

        say("2 masala chai");
        String weekday = openDay.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        assertThat(awaitMessages(merchant, customer, 1).getLast())
                .contains("closed", "opens on " + weekday + " at *10:00*");
        tap("confirm", "Confirm order");
        assertThat(awaitMessages(merchant, customer, 2).getLast()).contains("closed");
        say("ek masala chai chahiye");
        assertThat(awaitMessages(merchant, customer, 3).getLast()).contains("बंद", "10:00");

        assertThat(latestOrderOf(merchant, customer)).isNull();
    }

    @Test
    void belowTheMinimumTheBotSaysHowMuchMoreIsNeededAndDoesNotConfirm() {
        putSettings("{\"minimumOrder\":50000}");

        say("1 masala chai"); // 49
        awaitMessages(merchant, customer, 1);
        tap("confirm", "Confirm order");
        assertThat(awaitMessages(merchant, customer, 2).getLast())
                .contains("minimum order", "₹500", "₹49", "add *₹451*");
        assertThat(latestOrderOf(merchant, customer)).isNull();

        say("2 butter chicken");
        awaitMessages(merchant, customer, 3);
        tap("confirm", "Confirm order");
        assertThat(awaitMessages(merchant, customer, 4).getLast()).contains("Where should we deliver");
    }

    @Test
    void anAddressOutsideTheRadiusIsRefusedWithPickupOffered() {
        putSettings("{\"deliveryRadiusKm\":3,\"pickupAllowed\":true}");

        say("2 butter chicken");
        awaitMessages(merchant, customer, 1);
        tap("confirm", "Confirm order");
        awaitMessages(merchant, customer, 2);
        // Yelahanka, about 15 km north
        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(),
                customer,
                WhatsAppPayloads.newMessageId(),
                13.1007,
                77.5963,
                "Yelahanka New Town"));
        assertThat(awaitMessages(merchant, customer, 3).getLast()).contains("about 14.", "within 3 km", "Pickup");
        JsonNode refusal = lastPayloadTo(customer);
        assertThat(refusal.at("/interactive/action/buttons/0/reply/id").asString())
                .isEqualTo("pickup");
        assertThat(latestOrderOf(merchant, customer)).isNull();

        tap("pickup", "Pickup");
        await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer) != null);
        assertThat(latestOrderOf(merchant, customer).get("fulfilment").asString())
                .isEqualTo("PICKUP");
    }

    @Test
    void feesAndTaxArePricedByTheServerAndShownAsLines() {
        putSettings("""
                {"deliveryFee":{"bands":[{"upToKm":3,"fee":2000},{"upToKm":6,"fee":4000}]},"deliveryRadiusKm":6,
                 "packagingCharge":1000,"taxPercent":5}""");

        say("2 butter chicken"); // 2 × 349
        String cart = awaitMessages(merchant, customer, 1).getLast();
        assertThat(cart)
                .contains(
                        "Items: ₹698", "Packaging: ₹10", "Tax (5%): ₹35.40", "*Total: ₹743.40* + delivery by distance");
        tap("confirm", "Confirm order");
        awaitMessages(merchant, customer, 2);
        // about 4 km north of the merchant: the second band
        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), 13.006, 77.59, "Sadashivanagar"));
        await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer) != null);

        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.get("subtotal").asLong()).isEqualTo(69800);
        assertThat(order.get("charges")
                        .valueStream()
                        .map(c ->
                                c.get("kind").asString() + "=" + c.get("amount").asLong())
                        .toList())
                .containsExactly("PACKAGING=1000", "DELIVERY=4000", "TAX=3540"); // 5% of 708.00
        assertThat(order.get("total").asLong()).isEqualTo(69800 + 1000 + 4000 + 3540);
        assertThat(awaitMessages(merchant, customer, 3).getLast()).contains("Delivery: ₹40", "Total: ₹783.40");
    }

    @Test
    void aNoteSaidInTheChatReachesTheOrderLine() {
        say("2 masala chai less sugar and a paneer tikka well done");
        String cart = awaitMessages(merchant, customer, 1).getLast();
        assertThat(cart).contains("2 × Masala Chai: ₹98\n  📝 less sugar", "📝 well done");
        say("1 coke");
        awaitMessages(merchant, customer, 2);
        say("no ice please");
        assertThat(awaitMessages(merchant, customer, 3).getLast()).contains("📝 no ice");

        JsonNode order = placeWith(customer, 12.9716, 77.5946);
        assertThat(order.get("items")
                        .valueStream()
                        .map(i ->
                                i.get("name").asString() + ":" + i.get("notes").asString())
                        .toList())
                .containsExactly("Masala Chai:less sugar", "Paneer Tikka:well done", "Coca-Cola:no ice");
        assertThat(order.at("/items/0/note").asString()).isEqualTo("less sugar");
    }

    @Test
    void aTypedAddressIsGeocodedThroughNominatim() {
        GEOCODER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/search"))
                .withQueryParam("q", containing("Church Street"))
                .willReturn(okJson(nominatimResult(
                        12.9752, 77.6030, "Church Street, Shanthala Nagar, Bengaluru, 560001, India"))));

        say("2 butter chicken");
        awaitMessages(merchant, customer, 1);
        tap("confirm", "Confirm order");
        awaitMessages(merchant, customer, 2);
        say("42 Church Street, Bengaluru");
        await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer) != null);

        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.at("/deliveryAddress/text").asString()).isEqualTo("42 Church Street, Bengaluru");
        assertThat(order.at("/deliveryAddress/lat").asDouble()).isEqualTo(12.9752);
        assertThat(order.at("/deliveryAddress/lng").asDouble()).isEqualTo(77.6030);
        assertThat(order.get("needsLocation").asBoolean()).isFalse();
        GEOCODER.verify(getRequestedFor(urlPathEqualTo("/search"))
                .withQueryParam("q", equalTo("42 Church Street, Bengaluru"))
                .withQueryParam("format", equalTo("jsonv2"))
                .withQueryParam("limit", equalTo("1"))
                .withHeader("User-Agent", containing("Tiffin")));
    }

    @Test
    void anAddressNobodyFindsAsksForAPinThenReachesTheBoardAsNeedingALocation() {
        GEOCODER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/search"))
                .withQueryParam("q", containing("Nowhere Lane"))
                .willReturn(okJson("[]")));

        say("2 butter chicken");
        awaitMessages(merchant, customer, 1);
        tap("confirm", "Confirm order");
        awaitMessages(merchant, customer, 2);
        say("7 Nowhere Lane, behind the old mill");
        assertThat(awaitMessages(merchant, customer, 3).getLast()).contains("couldn't find", "share your location");
        assertThat(latestOrderOf(merchant, customer)).isNull();

        say("7 Nowhere Lane, behind the old mill");
        await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer) != null);
        JsonNode order = latestOrderOf(merchant, customer);
        assertThat(order.get("needsLocation").asBoolean()).isTrue();
        assertThat(order.at("/deliveryAddress/lat").isNull()).isTrue();
        assertThat(awaitMessages(merchant, customer, 4).getLast()).contains("find it on the map");
    }

    private HttpResponse<String> putSettings(String body) {
        return putJson("/api/v1/merchants/" + merchant.id() + "/settings", merchant.ownerToken(), body);
    }

    private void say(String text) {
        postWhatsApp(WhatsAppPayloads.text(merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), text));
    }

    private void tap(String id, String title) {
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), id, title));
    }

    /** Confirms the cart and sends a location pin; answers the stored order. */
    private JsonNode placeWith(String customer, double lat, double lng) {
        int before = messagesTo(merchant, customer).size();
        tap("confirm", "Confirm order");
        awaitMessages(merchant, customer, before + 1);
        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), lat, lng, "42 Residency Road"));
        await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer) != null);
        return latestOrderOf(merchant, customer);
    }

    private JsonNode lastPayloadTo(String customer) {
        List<JsonNode> sent = GRAPH
                .findAll(postRequestedFor(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .stream()
                .map(r -> json.readTree(r.getBodyAsString()))
                .toList();
        return sent.getLast();
    }
}
