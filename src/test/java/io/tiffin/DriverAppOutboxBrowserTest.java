package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.tiffin.support.BrowserTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the driver app does on a bad connection, against a stand-in for the driver API so the network
 * can be cut exactly where the test wants: stop actions taken offline are kept on the phone (also across
 * a reload), shown as done at once, and sent in the order they were made when the connection is back;
 * a wrong delivery code shows the attempts left; a customer's text stays text. Sign-in is the real one.
 *
 * <p>Playwright for Java runs the stand-in's route handler on the test thread, and only while that
 * thread is inside a Playwright call: a request the page sends after the last such call waits, unanswered,
 * until the next one. So a wait for something the stand-in is to receive goes through
 * {@code page.waitForCondition}, which keeps handling requests while it waits; Awaitility polling
 * {@link #received} would poll a list that cannot change, however long it waited.
 */
class DriverAppOutboxBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "driver-password-1";
    /** Done stops sit in a folded "Done today" list. */
    private static final Locator.WaitForOptions ATTACHED =
            new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);

    /** Stop actions the stand-in server received, as "stopId action body". */
    private final List<String> received = new ArrayList<>();

    private final Map<String, String> statuses = new LinkedHashMap<>();
    private boolean online;
    private boolean offline;
    private int locations;
    private int otpTries;

    @BeforeEach
    void signedInOnShift() {
        TestMerchant merchant = newMerchant("Outbox Kitchen");
        String email = newUser(merchant, "DRIVER", PASSWORD);
        statuses.put("p1", "PENDING");
        statuses.put("d1", "PENDING");

        phone(12);
        context.route(Pattern.compile(".*/api/v1/driver/.*"), this::driverApi);
        page = newPage();
        signInToDriverApp(page, email, PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go on shift"))
                .click();
        page.locator("#stops .stop[data-stop-id=p1].active").waitFor();
    }

    @Test
    void theRouteShowsEachStopWithWhatTheDriverNeeds() {
        Locator pickup = page.locator("#stops .stop[data-stop-id=p1]");
        Locator dropoff = page.locator("#stops .stop[data-stop-id=d1]");
        assertThat(page.locator("#driver-name").textContent()).isEqualTo("Ravi");
        assertThat(pickup.locator("[data-field=name]").textContent()).isEqualTo("Outbox Kitchen");
        assertThat(dropoff.locator("[data-field=name]").textContent())
                .isEqualTo("Eve <img src=x onerror=window.__xss=1>");
        assertThat(dropoff.locator("[data-field=address]").textContent()).isEqualTo("<b>9</b> Lake Road");
        assertThat(dropoff.locator("[data-field=items]").textContent()).isEqualTo("3 items");
        assertThat(dropoff.locator("[data-field=cash]").textContent())
                .contains("450")
                .contains("Collect");
        assertThat(dropoff.locator("[data-field=eta]").textContent()).startsWith("ETA ");
        assertThat(dropoff.locator("a[href='geo:12.9716,77.5946?q=12.9716,77.5946']")
                        .count())
                .isEqualTo(1);
        assertThat(dropoff.locator("a[href='https://www.google.com/maps/dir/?api=1&destination=12.9716%2C77.5946']")
                        .count())
                .isEqualTo(1);
        // only the active stop offers its actions, and only it may show a phone number
        assertThat(pickup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Picked up order 17"))
                        .isVisible())
                .isTrue();
        assertThat(dropoff.locator(".actions").count()).isZero();
        assertThat(page.locator("#stops img, #stops b").count()).isZero();
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        // a position went out, and the map drew both stops without any tile
        page.waitForCondition(() -> locations > 0);
        assertThat(page.locator(".stop-pin").count()).isEqualTo(2);
        assertThat(page.locator("#map-note").isVisible()).isTrue();
        // every button a thumb must hit is at least 56 px tall
        Object smallest = page.evaluate(
                "() => Math.min(...[...document.querySelectorAll('#app button:not(.small), #stops a.big')]"
                        + ".filter(b => b.offsetParent).map(b => b.getBoundingClientRect().height))");
        assertThat(((Number) smallest).doubleValue()).isGreaterThanOrEqualTo(56);
        fullScreenshot(page, "driver-route-standin.png");
        assertThat(errors).isEmpty();
    }

    @Test
    void actionsTakenOfflineAreKeptAndSentInOrderWhenTheConnectionIsBack() {
        goOffline(true);
        Locator pickup = page.locator(".stop[data-stop-id=p1]");
        pickup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Arrived order 17"))
                .click();
        page.locator("#outbox-status").getByText("1 action waiting").waitFor();
        pickup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Picked up order 17"))
                .click();
        page.locator("#outbox-status").getByText("2 actions waiting").waitFor();
        // shown as done at once, and the drop-off is next
        page.locator("#done-stops .stop[data-stop-id=p1]").waitFor(ATTACHED);
        page.locator("#stops .stop[data-stop-id=d1].active").waitFor();
        screenshot(page, "driver-offline.png");
        assertThat(received).isEmpty();

        // the phone closes the app and opens it again, still without signal: the shell and the kept actions are there
        page.reload();
        page.locator("#outbox-status").getByText("2 actions waiting").waitFor();
        assertThat(received).isEmpty();

        goOffline(false);
        page.locator("#outbox-status").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(received).containsExactly("p1 arrived", "p1 picked-up");
        assertThat(statuses.get("p1")).isEqualTo("PICKED_UP");
        assertThat(errors).isEmpty();
    }

    @Test
    void aWrongCodeShowsTheAttemptsLeftAndTheRightOneDelivers() {
        Locator pickup = page.locator(".stop[data-stop-id=p1]");
        pickup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Picked up order 17"))
                .click();
        Locator dropoff = page.locator("#stops .stop[data-stop-id=d1].active");
        dropoff.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delivered order 17"))
                .click();

        page.getByLabel("4-digit code").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm delivery"))
                .click();
        assertThat(page.locator("#otp-error").textContent()).isEqualTo("The code is 4 digits.");
        page.getByLabel("4-digit code").fill("1111");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm delivery"))
                .click();
        page.locator("#otp-error").getByText("Wrong code (4 attempts left)").waitFor();
        screenshot(page, "driver-wrong-code-standin.png");
        // the cash as the customer was told it ("Total: ₹450"), not "₹450.00"
        assertThat(page.locator("#otp-hint").textContent())
                .isEqualTo("Collect ₹450 cash, then ask the customer for the 4-digit code they received.");
        assertThat(page.locator("#otp-error").textContent())
                .isEqualTo("Wrong code (4 attempts left). Ask the customer to read it again.");

        page.getByLabel("4-digit code").fill("4321");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm delivery"))
                .click();
        page.locator("#otp-dialog").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        page.locator("#done-stops .stop[data-stop-id=d1]").waitFor(ATTACHED);
        // the stop shows as done before its action has reached the server
        page.waitForCondition(() -> received.size() >= 3);
        assertThat(received)
                .containsExactly("p1 picked-up", "d1 delivered {\"otp\":\"1111\"}", "d1 delivered {\"otp\":\"4321\"}");
        assertThat(page.locator("#route-empty").isVisible()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void aWrongCodeIsShownAlsoWhenASendQueuedBeforeTheTapTakesIt() {
        // the pickup is still on its way when the phone reports its connection back: that queues a send of
        // everything kept, which then takes the code typed next before the tap's own send runs
        page.evaluate("""
                () => {
                  const real = window.fetch;
                  const held = new Promise((release) => { window.releasePickup = release; });
                  window.fetch = (url, init) => String(url).endsWith('/picked-up')
                    ? held.then(() => real(url, init))
                    : real(url, init);
                }""");
        page.locator(".stop[data-stop-id=p1]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Picked up order 17"))
                .click();
        page.evaluate("() => window.dispatchEvent(new Event('online'))");
        page.locator("#stops .stop[data-stop-id=d1].active")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delivered order 17"))
                .click();
        page.getByLabel("4-digit code").fill("1111");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm delivery"))
                .click();
        page.locator("#outbox-status").getByText("2 actions waiting").waitFor();
        page.evaluate("() => window.releasePickup()");

        page.locator("#otp-error").getByText("Wrong code (4 attempts left)").waitFor();
        assertThat(page.locator("#otp-dialog").isVisible()).isTrue();
        assertThat(received).containsExactly("p1 picked-up", "d1 delivered {\"otp\":\"1111\"}");
        assertThat(errors).isEmpty();
    }

    @Test
    void aFailedDeliveryNeedsAReason() {
        page.locator(".stop[data-stop-id=p1]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Picked up order 17"))
                .click();
        page.locator("#stops .stop[data-stop-id=d1].active")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Failed order 17"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report failed"))
                .click();
        assertThat(page.locator("#fail-error").textContent()).isNotEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Customer not answering"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report failed"))
                .click();
        page.locator("#done-stops .stop[data-stop-id=d1]").waitFor(ATTACHED);
        // the stop shows as done before its action has reached the server
        page.waitForCondition(() -> received.size() >= 2);
        assertThat(received).containsExactly("p1 picked-up", "d1 failed {\"reason\":\"Customer not answering\"}");
        // the dialog closes once the tap knows what became of its action, and says so
        page.locator("#fail-dialog").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(page.locator("#toast").textContent()).isEqualTo("Reported failed: order #17");
        assertThat(errors).isEmpty();
    }

    @Test
    void goingOffShiftWithStopsLeftAsksFirst() {
        page.onceDialog(dialog -> {
            assertThat(dialog.message()).startsWith("You still have 2 stops.");
            dialog.dismiss();
        });
        page.locator("#shift-button").click();
        assertThat(page.locator("#shift-button").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(online).isTrue();

        page.onceDialog(Dialog::accept);
        page.locator("#shift-button").click();
        page.locator("#shift-button[aria-pressed=false]").waitFor();
        assertThat(online).isFalse();
        assertThat(page.locator("#off-shift").isVisible()).isTrue();
    }

    private void goOffline(boolean cut) {
        offline = cut;
        context.setOffline(cut);
    }

    // ---------- the stand-in driver API ----------

    private void driverApi(Route route) {
        if (offline) {
            // the browser's offline switch does not reach requests a test answers itself
            route.abort("internetdisconnected");
            return;
        }
        String method = route.request().method();
        String path = route.request().url().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
        if (path.equals("/api/v1/driver/events")) {
            // a stream that ends at once and asks for a slow reconnect: the app polls and reacts to 'online'
            route.fulfill(new Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("text/event-stream")
                    .setBody("retry: 60000\n\n"));
        } else if (path.equals("/api/v1/driver/shift") || path.equals("/api/v1/driver/me")) {
            if (method.equals("PUT")) {
                online = route.request().postData().contains("true");
            }
            json(route, 200, "{\"id\":\"dr1\",\"firstName\":\"Ravi\",\"onShift\":" + online + ",\"capacity\":4}");
        } else if (path.equals("/api/v1/driver/location")) {
            locations++;
            json(route, 202, "{}");
        } else if (path.equals("/api/v1/driver/route")) {
            json(route, 200, routeJson());
        } else if (method.equals("POST") && path.startsWith("/api/v1/driver/stops/")) {
            String[] parts = path.substring("/api/v1/driver/stops/".length()).split("/");
            String body = route.request().postData();
            received.add(parts[0] + " " + parts[1] + (body == null || body.isEmpty() ? "" : " " + body));
            if (parts[1].equals("delivered") && !body.contains("\"4321\"")) {
                otpTries++;
                json(
                        route,
                        422,
                        "{\"error\":\"wrong_code\",\"message\":\"wrong delivery code\",\"attemptsLeft\":"
                                + (5 - otpTries) + "}");
                return;
            }
            statuses.put(
                    parts[0],
                    Map.of("arrived", "ARRIVED", "picked-up", "PICKED_UP", "delivered", "DELIVERED", "failed", "FAILED")
                            .get(parts[1]));
            json(route, 200, "{\"id\":\"" + parts[0] + "\",\"status\":\"" + statuses.get(parts[0]) + "\"}");
        } else {
            json(route, 404, "{\"error\":\"not_found\",\"message\":\"not found\"}");
        }
    }

    private String routeJson() {
        List<String> stops = new ArrayList<>();
        stops.add("""
                {"id":"p1","kind":"PICKUP","orderId":"o1","orderNumber":17,"merchantName":"Outbox Kitchen","address":"1 Test Road",
                 "location":{"lat":12.97,"lng":77.59},"eta":"2030-01-01T12:10:00Z","itemsCount":3,"status":"%s"}""".formatted(statuses.get("p1")));
        stops.add("""
                {"id":"d1","kind":"DROPOFF","orderId":"o1","orderNumber":17,"customerName":"Eve <img src=x onerror=window.__xss=1>",
                 "address":"<b>9</b> Lake Road","location":{"lat":12.9716,"lng":77.5946},"eta":"2030-01-01T12:30:00Z","itemsCount":3,
                 "cashToCollect":{"amount":45000,"currency":"INR"},"phone":"+91 98450 00000","status":"%s"}""".formatted(statuses.get("d1")));
        return "{\"online\":" + online + ",\"stops\":[" + String.join(",", stops) + "]}";
    }

    private static void json(Route route, int status, String body) {
        route.fulfill(new Route.FulfillOptions()
                .setStatus(status)
                .setContentType("application/json")
                .setBody(body));
    }
}
