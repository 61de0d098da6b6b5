package io.tiffin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An owner reprices a dish from the tablet; the bot charges the new price from the next message. */
class MenuPriceEditIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchantWithTheDemoMenu() {
        merchant = newMerchant("Price Edit Kitchen");
        stubGraphApi(merchant);
    }

    @Test
    void ownersNewPricesAreWhatTheNextOrderCosts() {
        long before = menu(merchant.ownerToken()).get("version").asLong();

        assertThat(patch("/items/garlic-naan", merchant.ownerToken(), "{\"price\":8550}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> option =
                patch("/items/chicken-biryani/options/size/large", merchant.ownerToken(), "{\"price\":12000}");
        assertThat(option.statusCode()).isEqualTo(200);

        JsonNode menu = menu(merchant.ownerToken());
        assertThat(menu.get("version").asLong()).isEqualTo(before + 2);
        assertThat(item(menu, "garlic-naan").get("price").asLong()).isEqualTo(8550);
        assertThat(item(menu, "garlic-naan").get("available").asBoolean(true)).isTrue();
        assertThat(item(menu, "chicken-biryani")
                        .at("/optionGroups/0/options/1/price")
                        .asLong())
                .isEqualTo(12000);
        assertThat(item(menu, "chicken-biryani").get("price").asLong()).isEqualTo(31900);

        String customer = newCustomer();
        JsonNode order = placeWhatsAppOrder(
                merchant, customer, "Asha", "2 large chicken biryani and 1 garlic naan", "42 Residency Road");
        // 2 × (319.00 + 120.00 large) + 85.50
        assertThat(order.get("total").asLong()).isEqualTo(2 * (31900 + 12000) + 8550);
        assertThat(messagesTo(merchant, customer).getFirst()).contains("Total: ₹963.50");
    }

    @Test
    void staffMayMarkSoldOutButNotReprice() {
        String staff = newStaff(merchant);

        HttpResponse<String> priced = patch("/items/garlic-naan", staff, "{\"price\":1}");
        assertThat(priced.statusCode()).isEqualTo(403);
        assertThat(patch("/items/chicken-biryani/options/size/large", staff, "{\"price\":1}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(patch("/items/garlic-naan", staff, "{\"available\":false,\"price\":1}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(item(menu(staff), "garlic-naan").get("price").asLong()).isEqualTo(7000);
        assertThat(item(menu(staff), "garlic-naan").get("available").asBoolean(true))
                .isTrue();

        assertThat(patch("/items/garlic-naan", staff, "{\"available\":false}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anotherMerchantsMenuIsNotFound() {
        TestMerchant other = newMerchant("Other Kitchen");

        HttpResponse<String> answer = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id() + "/menu/items/garlic-naan",
                other.ownerToken(),
                "application/json",
                "{\"price\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(item(menu(merchant.ownerToken()), "garlic-naan").get("price").asLong())
                .isEqualTo(7000);
    }

    @Test
    void refusesAPriceThatIsNotAWholeNonNegativeNumberAndChangesNothing() {
        JsonNode before = menu(merchant.ownerToken());

        for (String body : new String[] {"{\"price\":-100}", "{\"price\":85.5}", "{\"price\":\"lots\"}", "{}"}) {
            HttpResponse<String> answer = patch("/items/garlic-naan", merchant.ownerToken(), body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
        }
        HttpResponse<String> fraction =
                patch("/items/chicken-biryani/options/size/large", merchant.ownerToken(), "{\"price\":120.25}");
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(parse(fraction).at("/problems/0/path").asString()).isEqualTo("price");
        assertThat(parse(fraction).at("/problems/0/reason").asString()).isEqualTo("must be a whole number");
        assertThat(patch("/items/no-such-dish", merchant.ownerToken(), "{\"price\":100}")
                        .statusCode())
                .isEqualTo(404);

        assertThat(menu(merchant.ownerToken())).isEqualTo(before);
    }

    @Test
    void refusesAFractionalPriceInAMenuImportInsteadOfTruncatingIt() {
        String menu = demoMenu().replace("\"price\": 7000", "\"price\": 7000.5");
        assertThat(menu).contains("7000.5");

        HttpResponse<String> answer =
                putJson("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken(), menu);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(parse(answer).at("/problems/0/path").asString()).matches("categories\\[3]\\.items\\[1]\\.price");
        assertThat(item(menu(merchant.ownerToken()), "garlic-naan").get("price").asLong())
                .isEqualTo(7000);
    }

    @Test
    void previewChecksAnImportWithoutStoringIt() {
        long version = menu(merchant.ownerToken()).get("version").asLong();
        String csv = "category,item_id,item_name,price\nBreads,garlic-naan,Garlic Naan,7500\nDrinks,coke,Coke,6000\n";

        HttpResponse<String> preview = send(
                "POST",
                "/api/v1/merchants/" + merchant.id() + "/menu/preview",
                merchant.ownerToken(),
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(parse(preview).get("categories").asInt()).isEqualTo(2);
        assertThat(parse(preview).get("items").asInt()).isEqualTo(2);
        assertThat(parse(preview).at("/menu/currency").asString()).isEqualTo("INR");
        assertThat(menu(merchant.ownerToken()).get("version").asLong()).isEqualTo(version);

        HttpResponse<String> invalid = send(
                "POST",
                "/api/v1/merchants/" + merchant.id() + "/menu/preview",
                merchant.ownerToken(),
                "application/json",
                "{\"currency\":\"INR\",\"categories\":[{\"name\":\"Breads\",\"items\":[{\"id\":\"Naan!\",\"name\":\"Naan\"}]}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(parse(invalid).get("problems").size()).isGreaterThanOrEqualTo(2);
        assertThat(send(
                                "POST",
                                "/api/v1/merchants/" + merchant.id() + "/menu/preview",
                                newStaff(merchant),
                                "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> patch(String suffix, String token, String body) {
        return patchMenu(merchant, suffix, token, body);
    }

    private JsonNode menu(String token) {
        HttpResponse<String> answer = get("/api/v1/merchants/" + merchant.id() + "/menu", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        return parse(answer);
    }
}
