package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tiffin.support.BrowserTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer on a phone opens a merchant's web chat link, gives a first name and orders. */
class WebChatBrowserTest extends BrowserTestSupport {

    @Test
    void theChatAsksForAFirstNameAndTheOrderCarriesIt() throws Exception {
        TestMerchant merchant = newMerchant("Browser Chat Kitchen");
        String slug = enableWebChat(merchant);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/chat/?m=" + slug);
            // the name arrives with the merchant's details after the page has loaded: wait for it, never read it at
            // once
            PlaywrightAssertions.assertThat(page.locator("#merchant-name")).hasText("Browser Chat Kitchen");
            // the name comes first: the composer waits until it is given
            page.locator("#first-name").waitFor();
            assertThat(page.locator("#composer").isVisible()).isFalse();
            screenshot(page, "webchat-name-390.png");

            page.locator("#first-name").fill("Meera");
            page.locator("#phone").fill("+91 90000 11111");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chatting"))
                    .click();
            page.locator("#text").fill("1 butter chicken");
            page.locator("#text").press("Enter");
            page.locator(".choices button").first().waitFor();
            page.locator(".choices button", new Page.LocatorOptions().setHasText("Confirm"))
                    .click();
            page.getByText("Where should we deliver").waitFor();
            page.locator("#text").fill("9 Church Street, Bengaluru");
            page.locator("#text").press("Enter");
            screenshot(page, "webchat-order-390.png");
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()))
                                .size()
                        == 1);
        JsonNode order = parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()))
                .get(0);
        assertThat(order.at("/customer/name").asString()).isEqualTo("Meera");
        assertThat(order.at("/customer/phone").asString()).isEqualTo("+91 90000 11111");
        assertThat(order.at("/customer/verified").asBoolean()).isFalse();
    }

    @Test
    void aLinkWithAMerchantIdInsteadOfASlugOpensNothing() {
        TestMerchant merchant = newMerchant("Browser Chat By Id");
        send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                "{\"webChat\":{\"enabled\":true}}".getBytes(StandardCharsets.UTF_8));

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/chat/?merchant=" + merchant.id());
            page.getByText("this chat is not available").waitFor();
            assertThat(page.locator("#merchant-name").textContent()).isNotEqualTo("Browser Chat By Id");
        }
    }
}
