package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.support.BrowserTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The tablet app in Debian's Chromium: a kitchen signs in and runs orders that arrive from WhatsApp. */
class MerchantBoardBrowserTest extends BrowserTestSupport {

    @Autowired
    private Ordering ordering;

    private TestMerchant merchant;
    private String staffEmail;

    @BeforeEach
    void signedInTablet() {
        merchant = newMerchant("Browser Test Kitchen");
        stubGraphApi(merchant);
        staffEmail = newUser(merchant, "MERCHANT_STAFF", "staff-password-1");
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        signInToBoard(staffEmail, "staff-password-1");
    }

    @Test
    void kitchenRunsAWhatsAppOrderFromNewToReady() throws Exception {
        assertThat(page.locator("#merchant-name").textContent()).isEqualTo("Browser Test Kitchen");
        String customer = newCustomer();

        JsonNode order = placeWhatsAppOrder(
                merchant, customer, "Asha", "2 butter chicken and 3 garlic naan", "42 Residency Road");

        // it arrives live, without a reload, within 2 s of being stored
        Locator card = page.locator(
                ".column[data-column=new] [data-order-id='" + order.get("id").asString() + "']");
        card.waitFor(new Locator.WaitForOptions().setTimeout(2000));
        assertThat(card.textContent()).contains("#" + order.get("number").asString(), "Asha", "2 × Butter Chicken");
        assertThat(page.locator("#alert-banner").isVisible()).isTrue();

        card.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions()
                                .setName("Open order " + order.get("number").asString()))
                .click();
        int sent = messagesTo(merchant, customer).size();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept, ready in 15 minutes"))
                .click();

        assertThat(awaitMessages(merchant, customer, sent + 1).getLast()).contains("accepted your order", "15 min");
        assertThat(statusOf(order)).isEqualTo("ACCEPTED");
        page.locator(".column[data-column=accepted] [data-order-id='"
                        + order.get("id").asString() + "']")
                .waitFor();

        page.locator("#order-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark ready"))
                .click();
        page.locator(".column[data-column=ready] [data-order-id='"
                        + order.get("id").asString() + "']")
                .waitFor();
        assertThat(statusOf(order)).isEqualTo("READY");
        assertThat(awaitMessages(merchant, customer, sent + 2).getLast()).contains("is ready");
        page.keyboard().press("Escape");

        // a second order waits in New for the screenshot of a busy board
        placeWhatsAppOrder(merchant, newCustomer(), "Ravi", "1 chicken biryani and 2 mango lassi", "7 MG Road");
        page.locator(".column[data-column=new] .card").first().waitFor();
        screenshot(page, "merchant-board.png");
        page.locator(".column[data-column=new] .card-open").first().click();
        page.locator("#order-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject…"))
                .waitFor();
        screenshot(page, "merchant-order.png");
        page.keyboard().press("Escape");
        page.setViewportSize(800, 1280);
        screenshot(page, "merchant-board-portrait.png");
    }

    @Test
    void soldOutToggleMakesTheBotRefuseTheItem() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Garlic Naan is available"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Garlic Naan is sold out"))
                .waitFor();
        String customer = newCustomer();

        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "2 garlic naan"));

        assertThat(String.join("\n", awaitMessages(merchant, customer, 1)))
                .containsIgnoringCase("garlic naan")
                .contains("isn't available");
    }

    @Test
    void customerTextIsShownAsTextNeverAsHtml() {
        String name = "Eve <script>window.__xss=1</script><img src=x onerror=window.__xss=2>";
        String address = "<img src=x onerror=window.__xss=3> 9 Lane";
        JsonNode order = placeWhatsAppOrder(merchant, newCustomer(), name, "1 dal makhani", address);

        Locator card = page.locator("[data-order-id='" + order.get("id").asString() + "']");
        card.waitFor(new Locator.WaitForOptions().setTimeout(2000));
        assertThat(card.locator(".card-customer").textContent())
                .isEqualTo(order.at("/customer/name").asString())
                .contains("<script>");
        card.locator(".card-open").click();
        assertThat(page.locator("#order-body [data-field=address]").textContent())
                .contains("<img src=x onerror=window.__xss=3>");

        assertThat(page.locator("#app img, #order-dialog img").count()).isZero();
        assertThat(page.locator("#app script, #order-dialog script").count()).isZero();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void aCustomerWhoWasNotToldStaysFlaggedAfterTheBoardReloads() {
        Order order = ordering.place(new PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new Order.Customer(newCustomer(), "Meera"),
                List.of(new LineRequest("dal-makhani", 1, List.of(), null)),
                Order.FulfilmentType.DELIVERY,
                new Order.Address("3 Church Street", 12.9716, 77.5946),
                UUID.randomUUID().toString()));
        Locator card = page.locator("[data-order-id='" + order.id() + "']");
        card.waitFor();
        assertThat(card.locator(".badge").allTextContents()).doesNotContain("Not told");

        // what a failed status webhook leaves on the order (the board's live event is not replayed on a reload)
        ordering.noteCustomerNotTold(
                merchant.id(), order.id(), "more than 24 hours since the customer last wrote (131047)");
        page.reload();

        Locator badge = page.locator(
                "[data-order-id='" + order.id() + "'] .badge", new Page.LocatorOptions().setHasText("Not told"));
        badge.waitFor();
        assertThat(badge.getAttribute("title")).contains("24 hours");
    }

    private String statusOf(JsonNode order) {
        return parse(get(
                        "/api/v1/merchants/" + merchant.id() + "/orders/"
                                + order.get("id").asString(),
                        merchant.ownerToken()))
                .get("status")
                .asString();
    }
}
