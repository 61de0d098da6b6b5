package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.tiffin.support.BrowserTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The owner's side of the menu screen in Debian's Chromium: prices and menu imports. */
class MerchantMenuBrowserTest extends BrowserTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchantWithTheDemoMenu() throws Exception {
        merchant = newMerchant("Menu Test Kitchen");
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
    }

    @Test
    void ownerChangesAnItemAndAnOptionPriceInRupees() {
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        tab("Menu");

        button("Edit price of Garlic Naan").click();
        Locator price = field("Price of Garlic Naan");
        assertThat(price.inputValue()).isEqualTo("70.00");
        assertTouchSized(button("Save price of garlic naan"));
        price.fill("85.5");
        button("Save price of garlic naan").click();
        page.locator("#menu-status").getByText("Price of Garlic Naan is now").waitFor();

        button("Edit price of Chicken Biryani Large").click();
        field("Extra price of Chicken Biryani, Size Large").fill("120");
        field("Extra price of Chicken Biryani, Size Large").press("Enter");
        page.locator("#menu-status")
                .getByText("Extra price of Chicken Biryani, Size Large is now")
                .waitFor();

        JsonNode menu = menu();
        assertThat(item(menu, "garlic-naan").get("price").asLong()).isEqualTo(8550);
        assertThat(item(menu, "chicken-biryani")
                        .at("/optionGroups/0/options/1/price")
                        .asLong())
                .isEqualTo(12000);
        assertThat(item(menu, "chicken-biryani").get("price").asLong()).isEqualTo(31900);
        assertThat(page.locator("[data-item-id=garlic-naan] > .menu-row [data-field=price]")
                        .textContent())
                .contains("85.50");

        page.setViewportSize(800, 1280);
        button("Edit price of Butter Naan").click();
        assertTouchSized(button("Edit price of Butter Naan"));
        assertTouchSized(field("Price of Butter Naan"));
        screenshot(page, "merchant-menu-portrait.png");
    }

    @Test
    void aBadPriceIsExplainedBesideTheFieldAndChangesNothing() {
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        tab("Menu");
        long version = menu().get("version").asLong();
        button("Edit price of Garlic Naan").click();
        Locator price = field("Price of Garlic Naan");
        Locator error = page.locator("[data-item-id=garlic-naan] .price-form .error");

        for (String[] bad : new String[][] {
            {"-5", "cannot be negative"},
            {"85.555", "At most 2 digits after the dot"},
            {"85,50", "Use digits and a dot"},
            {"", "Enter a price"}
        }) {
            price.fill(bad[0]);
            button("Save price of garlic naan").click();
            assertThat(error.textContent()).as(bad[0]).contains(bad[1]);
            assertThat(price.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(price.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo(price.getAttribute("id"));
        }
        screenshot(page, "merchant-menu-price-error.png");

        assertThat(menu().get("version").asLong()).isEqualTo(version);
        assertThat(item(menu(), "garlic-naan").get("price").asLong()).isEqualTo(7000);
        assertThat(page.locator("[data-item-id=garlic-naan] > .menu-row [data-field=price]")
                        .textContent())
                .contains("70.00");
    }

    @Test
    void staffSeeNeitherPriceEditsNorImport() {
        String staff = newUser(merchant, "MERCHANT_STAFF", "staff-password-1");
        signInToBoard(staff, "staff-password-1");
        tab("Menu");
        button("Garlic Naan is available").waitFor();

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit price"))
                        .count())
                .isZero();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import menu"))
                        .count())
                .isZero();
    }

    @Test
    void anInvalidMenuFileShowsEveryProblemAsTextAndChangesNothing() {
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        tab("Import menu");
        long version = menu().get("version").asLong();
        String invalid = """
                {"currency": "INR", "categories": [{"name": "Tiffin", "items": [
                  {"id": "Masala Dosa!", "name": "Masala Dosa", "price": -500},
                  {"id": "idli", "name": "<img src=x onerror=window.__xss=1>Idli"}]}]}
                """;

        page.getByLabel("Menu file (JSON or CSV)").setInputFiles(file("broken.json", "application/json", invalid));

        Locator problems = page.locator("#import-result .problems li");
        problems.first().waitFor();
        assertThat(problems.allTextContents())
                .containsExactlyInAnyOrder(
                        "categories[0].items[0].idonly a-z, 0-9, _ and - are allowed",
                        "categories[0].items[0].pricemust not be negative",
                        "categories[0].items[1].priceis required, in minor units (paise, cents)");
        assertThat(page.locator("#import-result h3").textContent()).isEqualTo("broken.json: 3 problems");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replace the menu"))
                        .count())
                .isZero();
        screenshot(page, "merchant-import-errors.png");

        // not even JSON: said so at once, nothing sent
        page.getByLabel("Menu file (JSON or CSV)")
                .setInputFiles(file("truncated.json", "application/json", "{\"categories\": ["));
        page.locator("#import-result").getByText("This is not valid JSON").waitFor();

        assertThat(menu().get("version").asLong()).isEqualTo(version);
        assertThat(page.locator("#import-result img").count()).isZero();
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void aValidCsvIsPreviewedThenReplacesTheMenu() {
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        tab("Import menu");
        String csv = """
                category,item_id,item_name,price,group_id,group_name,group_min,group_max,option_id,option_name,option_price
                South <b>Indian</b>,masala-dosa,Masala Dosa,12000,,,,,,,
                ,masala-dosa,,,size,Size,1,1,regular,Regular,0
                ,masala-dosa,,,size,,,,family,Family,9000
                South <b>Indian</b>,idli,Idli,6000,,,,,,,
                Breads,garlic-naan,Garlic Naan,7500,,,,,,,
                """;

        page.getByLabel("Menu file (JSON or CSV)").setInputFiles(file("tiffin.csv", "text/csv", csv));

        Locator preview = page.locator("#import-result .import-preview");
        preview.waitFor();
        assertThat(preview.locator("[data-field=categories]").textContent()).isEqualTo("2");
        assertThat(preview.locator("[data-field=items]").textContent()).isEqualTo("3");
        assertThat(preview.locator("[data-field=options]").textContent()).isEqualTo("2");
        assertThat(preview.locator(".preview-categories").textContent()).contains("South <b>Indian</b> (2)");
        assertThat(preview.locator("b").count()).isZero();
        assertThat(preview.locator("[data-field=added]").textContent()).contains("New (2)", "Masala Dosa", "Idli");
        assertThat(preview.locator("[data-field=removed]").textContent())
                .contains("Removed (")
                .contains("Butter Chicken");
        assertThat(preview.locator("[data-field=repriced]").textContent()).contains("Garlic Naan");
        assertThat(menu().get("version").asLong())
                .as("a preview stores nothing")
                .isEqualTo(1);
        screenshot(page, "merchant-import-preview.png");

        button("Replace the menu").click();

        button("Masala Dosa Family is available").waitFor();
        assertThat(page.locator("#menu-view").isVisible()).isTrue();
        assertThat(page.locator("#menu-status").textContent()).contains("Menu imported from tiffin.csv: 3 items");
        assertThat(page.locator("[data-item-id=butter-chicken]").count()).isZero();
        JsonNode menu = menu();
        assertThat(menu.get("version").asLong()).isEqualTo(2);
        assertThat(menu.at("/menu/categories/0/name").asString()).isEqualTo("South <b>Indian</b>");
        assertThat(item(menu, "masala-dosa")
                        .at("/optionGroups/0/options/1/price")
                        .asLong())
                .isEqualTo(9000);
        assertThat(item(menu, "garlic-naan").get("price").asLong()).isEqualTo(7500);
    }

    private void tab(String name) {
        page.locator("nav.tabs")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .click();
    }

    /** A text box by the start of its label (the label ends with the currency symbol). */
    private Locator field(String label) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void assertTouchSized(Locator target) {
        var box = target.boundingBox();
        assertThat(box.height).as("touch target height").isGreaterThanOrEqualTo(48);
        assertThat(box.width).as("touch target width").isGreaterThanOrEqualTo(48);
    }

    private static FilePayload file(String name, String type, String content) {
        return new FilePayload(name, type, content.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode menu() {
        return parse(get("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken()));
    }
}
