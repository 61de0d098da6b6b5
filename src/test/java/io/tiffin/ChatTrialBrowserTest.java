package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tiffin.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Two flows of the customer trial on a phone, in the real web chat: two of one drink or two of
 * another, tapped, gives two of the one tapped; "cancel the drinks" takes the drinks out and keeps
 * the food.
 */
class ChatTrialBrowserTest extends BrowserTestSupport {

    @Test
    void twoOfEitherDrinkAddsTwoOfTheTappedOneAndCancellingTheDrinksKeepsTheFood() {
        TestMerchant merchant = newMerchant("Trial Chat Kitchen");
        String slug = enableWebChat(merchant);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/chat/?m=" + slug);
            page.locator("#first-name").fill("Asha");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chatting"))
                    .click();

            say(page, "2 cokes or 2 diet cokes");
            page.locator(".choices button", new Page.LocatorOptions().setHasText("Diet Coke"))
                    .last()
                    .waitFor();
            screenshot(page, "trial-either-390.png");
            page.locator(".choices button", new Page.LocatorOptions().setHasText("Diet Coke"))
                    .last()
                    .click();
            page.getByText("2 × Diet Coke: ₹120").waitFor();

            say(page, "1 paneer tikka and a mango lassi");
            page.getByText("1 × Mango Lassi: ₹99").waitFor();
            say(page, "cancel the drinks");
            page.getByText("Removed Diet Coke and Mango Lassi from your cart.").waitFor();
            // the cart left follows the removal as a message of its own
            page.waitForCondition(
                    () -> page.locator(".msg").last().textContent().contains("Paneer Tikka"));
            screenshot(page, "trial-cancel-drinks-390.png");
            String last = page.locator(".msg").last().textContent();
            assertThat(last).contains("Paneer Tikka").doesNotContain("Diet Coke", "Mango Lassi");
        }
    }

    private static void say(Page page, String text) {
        int before = page.locator(".msg").count();
        page.locator("#text").fill(text);
        page.locator("#text").press("Enter");
        page.waitForCondition(() -> page.locator(".msg").count() > before + 1);
    }
}
