package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tiffin.support.BrowserTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin app in Chromium: sign in, the dashboard's figures are the API's (for the platform and for
 * one merchant), find a merchant, suspend it (its WhatsApp customer is told it takes no orders),
 * resume it, read both changes in the audit log; and an owner's own dashboard in the kitchen board.
 */
class AdminAppBrowserTest extends BrowserTestSupport {

    @Test
    void adminRunsThePlatformAndOwnerSeesTheirOwnFigures() {
        String name = "Browser Bistro " + System.nanoTime();
        TestMerchant merchant = newMerchant(name);
        stubGraphApi(merchant);
        String customer = newCustomer();
        placeWhatsAppOrder(merchant, customer, "Asha", "2 garlic naan", "42 Residency Road");
        String admin = adminToken();
        // the order's event reaches the roll-ups through the event relay
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).toString();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> parse(get(
                                        "/api/v1/analytics/summary?from=" + today + "&to=" + today + "&merchantId="
                                                + merchant.id(),
                                        admin))
                                .get("orders")
                                .asLong()
                        == 1);
        // and the conversation's own reports (from the session's outbox): one conversation that showed a cart and
        // ordered
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode funnel = parse(get(
                            "/api/v1/analytics/summary?from=" + today + "&to=" + today + "&merchantId=" + merchant.id(),
                            admin))
                    .get("funnel");
            assertThat(funnel.get("conversations").asLong()).isEqualTo(1);
            assertThat(funnel.get("carts").asLong()).isEqualTo(1);
            assertThat(funnel.get("leftAt")).isEmpty();
        });

        tablet();
        page = newPage();
        page.onDialog(dialog -> dialog.accept());
        page.navigate("http://localhost:" + port + "/admin/");
        page.getByLabel("Email").fill(ADMIN_EMAIL);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertFiguresEqualApi(null, admin);
        page.locator("#dash-merchant").selectOption(merchant.id());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        page.waitForCondition(() -> "1".equals(page.locator("#kpi-orders").getAttribute("data-value")));
        assertFiguresEqualApi(merchant.id(), admin);
        page.locator("#chart-days canvas").first().waitFor();
        fullScreenshot(page, "admin-dashboard.png");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merchants"))
                .click();
        page.locator("#merchant-q").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find"))
                .click();
        Locator row = page.locator("#merchant-list tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        row.getByText("ACTIVE").waitFor();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Suspend"))
                .click();
        row.getByText("SUSPENDED").waitFor();
        screenshot(page, "admin-merchant-suspended.png");

        int before = messagesTo(merchant, customer).size();
        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, "Asha", WhatsAppPayloads.newMessageId(), "1 garlic naan"));
        assertThat(awaitMessages(merchant, customer, before + 1).getLast()).contains("isn't taking orders right now");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume"))
                .click();
        row.getByText("ACTIVE").waitFor();
        assertThat(parse(get("/api/v1/admin/merchants?q=" + name.replace(" ", "+"), admin))
                        .at("/items/0/status")
                        .asString())
                .isEqualTo("ACTIVE");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Users"))
                .click();
        page.locator("#merchant-users").getByText(merchant.ownerEmail()).waitFor();
        fullScreenshot(page, "admin-merchants.png");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Audit log"))
                .click();
        page.locator("#audit-merchant").fill(merchant.id());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        page.locator("#audit-table tbody tr").nth(1).waitFor();
        assertThat(page.locator("#audit-table tbody tr").allTextContents())
                .filteredOn(t -> t.contains("PATCH /api/v1/admin/merchants/" + merchant.id()))
                .hasSize(2);
        screenshot(page, "admin-audit.png");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Operations"))
                .click();
        page.locator("#inbox-lag").waitFor();
        screenshot(page, "admin-operations.png");
        assertThat(errors).isEmpty();

        // the owner: the same dashboard in the kitchen board, limited to their merchant by the API
        page = newPage();
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dashboard"))
                .click();
        page.locator("#kpi-orders[data-value='1']").waitFor();
        assertThat(page.locator("#dash-merchant").count()).isZero();
        assertFiguresEqualApi(null, merchant.ownerToken());
        page.locator("#chart-channels canvas").first().waitFor();
        fullScreenshot(page, "owner-dashboard.png");
        assertThat(errors).isEmpty();
    }

    /** The tiles hold the API's raw figures (data-value) for the range and merchant the page shows. */
    private void assertFiguresEqualApi(String merchantId, String token) {
        page.locator("#kpi-orders").waitFor();
        String query = "from=" + page.locator("#dash-from").inputValue() + "&to="
                + page.locator("#dash-to").inputValue() + (merchantId == null ? "" : "&merchantId=" + merchantId);
        JsonNode api = parse(get("/api/v1/analytics/summary?" + query, token));
        assertThat(page.locator("#kpi-orders").getAttribute("data-value"))
                .isEqualTo(api.get("orders").asString());
        assertThat(page.locator("#kpi-gmv").getAttribute("data-value"))
                .isEqualTo(api.get("gmv").asString());
        assertThat(page.locator("#kpi-conversations").getAttribute("data-value"))
                .isEqualTo(api.at("/funnel/conversations").asString());
        assertThat(page.locator("#table-channels tbody tr").count())
                .isEqualTo(Math.max(1, api.get("byChannel").size()));
    }
}
