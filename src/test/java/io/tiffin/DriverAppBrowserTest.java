package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.tiffin.support.BrowserTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The driver's phone app and the customer's tracking page in Debian's Chromium at 390×844, with the
 * phone's position set by the test. No map tiles are reachable (the tile server is blocked), which is
 * how the pages must behave in a dead zone too: the stop list and the tracking details carry on.
 */
class DriverAppBrowserTest extends BrowserTestSupport {

    private static final String DRIVER_PASSWORD = "driver-password-1";

    @BeforeEach
    void openPhone() {
        phone(15);
    }

    @Test
    void appShellInstallsAndShowsTheSignInWithoutErrors() {
        HttpResponse<String> leaflet = get("/webjars/leaflet/dist/leaflet.js", null);
        assertThat(leaflet.statusCode()).isEqualTo(200);
        HttpResponse<String> tiles = get("/api/v1/maps/config", null);
        assertThat(tiles.statusCode()).isEqualTo(200);
        assertThat(parse(tiles).get("tileUrl").asString()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(get("/driver/", null)
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow())
                .contains("img-src 'self' data: https://tile.openstreetmap.org;")
                .contains("default-src 'self'");
        assertThat(get("/driver/manifest.webmanifest", null).body()).contains("\"start_url\": \"/driver/\"");
        assertThat(get("/driver/README.md", null).statusCode()).isEqualTo(404);
        assertThat(get("/common/stream.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/common/README.md", null).statusCode()).isEqualTo(404);

        Page page = newPage();
        page.navigate("http://localhost:" + port + "/driver");

        assertThat(page.url()).endsWith("/driver/");
        page.getByLabel("Email").waitFor();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                        .isVisible())
                .isTrue();
        assertThat(page.evaluate("() => typeof window.L")).isEqualTo("object");
        // the service worker takes the shell, Leaflet included, so the app opens without a connection
        assertThat(page.evaluate("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL)"))
                .asString()
                .endsWith("/driver/sw.js");
        assertThat(
                        page.evaluate(
                                "async () => { const c = await caches.open((await caches.keys()).find(k => k.startsWith('tiffin-driver-'))); return !!(await c.match('/webjars/leaflet/dist/leaflet.js')); }"))
                .isEqualTo(true);
        // ... and the modules it shares with the kitchen board, served from /common/ without a login
        assertThat(
                        page.evaluate(
                                "async () => { const c = await caches.open((await caches.keys()).find(k => k.startsWith('tiffin-driver-')));"
                                        + " return (await Promise.all(['/common/api.js', '/common/dom.js', '/common/stream.js'].map(f => c.match(f)))).every(Boolean); }"))
                .isEqualTo(true);
        // every control a thumb must hit is big enough
        assertThat(((Number) page.evaluate(
                                "() => document.querySelector('#login-form button').getBoundingClientRect().height"))
                        .doubleValue())
                .isGreaterThanOrEqualTo(56);
        screenshot(page, "driver-sign-in.png");
        assertThat(errors).isEmpty();
    }

    @Test
    void kitchenStaffAreSentToTheirOwnApp() {
        TestMerchant merchant = newMerchant("Wrong App Kitchen");
        Page page = newPage();
        signInToDriverApp(page, merchant.ownerEmail(), OWNER_PASSWORD);

        page.locator("#login-error").getByText("This app is for drivers").waitFor();
        assertThat(page.locator("#app").isHidden()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void wrongTrackingLinkShowsNotFoundWithNoDetails() {
        Page page = newPage();
        page.navigate("http://localhost:" + port + "/t/"
                + UUID.randomUUID().toString().replace("-", ""));

        page.getByText("Tracking link not found").waitFor();
        assertThat(page.locator("#tracking").isHidden()).isTrue();
        assertThat(page.locator("#order-number").textContent()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void trackingPageFollowsTheOrderAsItChanges() {
        // a stand-in for the tracking API, so the order can be moved along exactly
        String[] answer = {"""
                {"orderNumber":"42","status":"PREPARING","eta":"%s","driver":null}""".formatted(java.time.Instant.now().plus(Duration.ofMinutes(25)))};
        List<String> asked = new CopyOnWriteArrayList<>();
        context.route(Pattern.compile(".*/api/v1/track/.*"), route -> {
            asked.add(route.request().url());
            route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("application/json")
                    .setBody(answer[0]));
        });
        Page page = newPage();
        page.navigate("http://localhost:" + port + "/t/AbCdEf0123456789xyz");

        page.locator("#status[data-status=PREPARING]").waitFor();
        assertThat(page.locator("#order-number").textContent()).isEqualTo("#42");
        assertThat(page.locator("#eta-in").textContent()).matches("in about 2[45] min");
        assertThat(page.locator("#map-wrap").isHidden()).isTrue();
        assertThat(asked).allMatch(url -> url.endsWith("/api/v1/track/AbCdEf0123456789xyz"));

        answer[0] = """
                {"orderNumber":"42","status":"PICKED_UP","eta":"%s","driver":{"name":"Ravi <b>K</b>","location":{"lat":12.9716,"lng":77.5946}}}""".formatted(java.time.Instant.now().plus(Duration.ofMinutes(9)));
        // what the page does every 10 s, and at once when the customer comes back to it
        page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))");
        page.locator("#status[data-status=PICKED_UP]").waitFor();
        assertThat(page.locator("#status").textContent()).isEqualTo("On the way to you");
        assertThat(page.locator("#driver").textContent()).isEqualTo("Ravi <b>K</b> is bringing your order");
        page.locator(".driver-pin").waitFor();
        assertThat(page.locator("#map-note").isVisible()).isTrue();
        screenshot(page, "tracking-standin.png");

        answer[0] = "{\"orderNumber\":\"42\",\"status\":\"DELIVERED\",\"eta\":null,\"driver\":null}";
        page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))");
        page.locator("#status[data-status=DELIVERED]").waitFor();
        assertThat(page.locator("#map-wrap").isHidden()).isTrue();
        assertThat(page.locator("#eta-box").isHidden()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void driverGoesOnShiftGetsTheStopLiveAndDeliversWithTheCode() {
        TestMerchant merchant = newMerchant("Driver Test Kitchen");
        stubGraphApi(merchant);
        String driverEmail = newUser(merchant, "DRIVER", DRIVER_PASSWORD);

        Page phone = newPage();
        // count the tones the app plays (Web Audio makes no file request a test could see)
        phone.addInitScript(
                "window.__tones = 0; const make = AudioContext.prototype.createOscillator;"
                        + "AudioContext.prototype.createOscillator = function () { window.__tones++; return make.call(this); };");
        signInToDriverApp(phone, driverEmail, DRIVER_PASSWORD);
        phone.locator("#connection").getByText("live").waitFor();
        assertThat(phone.locator("#off-shift").isVisible()).isTrue();

        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go on shift"))
                .click();
        phone.locator("#shift-button[aria-pressed=true]").waitFor();
        // the phone's position reached the platform
        phone.locator("#location-status")
                .getByText("Location shared")
                .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        screenshot(phone, "driver-on-shift.png");

        String customer = newCustomer();
        JsonNode order = placeWhatsAppOrder(
                merchant, customer, "Asha Verma", "2 butter chicken and 3 garlic naan", "42 Residency Road");
        String orderId = order.get("id").asString();
        String number = order.get("number").asString();
        assertThat(postJson(ordersPath(merchant, orderId) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);

        // the planner assigns it and the stops arrive on the phone without a reload, with the alert
        Locator pickup = phone.locator("#stops .stop[data-kind=PICKUP][data-order-number='" + number + "']");
        Locator dropoff = phone.locator("#stops .stop[data-kind=DROPOFF][data-order-number='" + number + "']");
        pickup.waitFor(new Locator.WaitForOptions().setTimeout(15_000));
        dropoff.waitFor();
        assertThat(phone.locator("#assignment-banner").isVisible()).isTrue();
        assertThat(((Number) phone.evaluate("() => window.__tones")).intValue()).isPositive();
        assertThat(pickup.locator("[data-field=name]").textContent()).isEqualTo("Driver Test Kitchen");
        assertThat(dropoff.locator("[data-field=name]").textContent()).isEqualTo("Asha");
        assertThat(dropoff.locator("[data-field=address]").textContent()).contains("42 Residency Road");
        assertThat(dropoff.locator("[data-field=items]").textContent()).isEqualTo("5 items");
        assertThat(dropoff.locator("[data-field=cash]").textContent())
                .startsWith("Collect ")
                .contains("cash");
        assertThat(dropoff.locator("[data-field=eta]").textContent()).startsWith("ETA ");
        assertThat(dropoff.locator("a[href^='geo:12.97']").count()).isEqualTo(1);
        assertThat(dropoff.locator("a[href^='https://www.google.com/maps/dir/?api=1&destination=12.97']")
                        .count())
                .isEqualTo(1);
        assertThat(phone.locator(".stop-pin").count()).isGreaterThanOrEqualTo(2);
        phone.locator("#assignment-banner").click();
        fullScreenshot(phone, "driver-route.png");

        // the kitchen cooks; the driver picks up
        send("POST", ordersPath(merchant, orderId) + "/preparing", merchant.ownerToken(), null, null);
        send("POST", ordersPath(merchant, orderId) + "/ready", merchant.ownerToken(), null, null);
        pickup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Arrived order " + number))
                .click();
        pickup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Picked up order " + number))
                .click();
        // the pickup is done (the server drops it from the route) and the drop-off is next
        phone.locator("#stops .stop.active[data-kind=DROPOFF][data-order-number='" + number + "']")
                .waitFor();
        assertThat(pickup.count()).isZero();

        // the customer's tracking page while it is on its way: status, ETA, the driver on a map without tiles
        String link = trackingPath(merchant, customer);
        Page tracking = newPage();
        tracking.navigate("http://localhost:" + port + link);
        tracking.locator("#status[data-status]").waitFor();
        tracking.locator("#eta-box").waitFor();
        assertThat(tracking.locator("#order-number").textContent()).isEqualTo("#" + number);
        assertThat(tracking.locator("#status").textContent()).isNotBlank();
        assertThat(tracking.locator("#eta").textContent()).isNotBlank();
        tracking.locator(".driver-pin").waitFor();
        assertThat(tracking.locator("body").textContent()).doesNotContain(customer);
        screenshot(tracking, "tracking-on-the-way.png");

        // a wrong code is refused with the attempts left; the right one delivers
        String code = deliveryCode(merchant, customer);
        dropoff.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Arrived order " + number))
                .click();
        dropoff.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delivered order " + number))
                .click();
        phone.getByLabel("4-digit code").fill(code.equals("1234") ? "4321" : "1234");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm delivery"))
                .click();
        phone.locator("#otp-error").getByText("Wrong code").waitFor();
        assertThat(phone.locator("#otp-error").textContent()).contains("attempts left");
        // the cash in whole rupees as the customer's cart said it, never "₹908.00"
        assertThat(phone.locator("#otp-hint").textContent())
                .matches("Collect ₹[\\d,]+ cash, then ask the customer for the 4-digit code they received\\.");
        screenshot(phone, "driver-wrong-code.png");
        assertThat(statusOf(merchant, orderId)).isNotEqualTo("DELIVERED");

        phone.getByLabel("4-digit code").fill(code);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm delivery"))
                .click();
        phone.locator("#otp-dialog").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        phone.getByText("Delivered: order #" + number).waitFor();
        phone.locator("#route-empty").waitFor();
        assertThat(dropoff.count()).isZero();
        // the day's finished stops stay on the phone, folded away
        assertThat(phone.locator("#done-stops .stop[data-order-number='" + number + "']")
                        .count())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> statusOf(merchant, orderId).equals("DELIVERED"));
        screenshot(phone, "driver-delivered.png");

        tracking.reload();
        tracking.locator("#status[data-status=DELIVERED]").waitFor();
        screenshot(tracking, "tracking-delivered.png");
        assertThat(errors).isEmpty();
    }

    private static String ordersPath(TestMerchant merchant, String orderId) {
        return "/api/v1/merchants/" + merchant.id() + "/orders/" + orderId;
    }

    private String statusOf(TestMerchant merchant, String orderId) {
        return parse(get(ordersPath(merchant, orderId), merchant.ownerToken()))
                .get("status")
                .asString();
    }

    /** The path of the tracking link the customer was sent on WhatsApp (its host is the public URL). */
    private String trackingPath(TestMerchant merchant, String customer) {
        Pattern link = Pattern.compile("https?://[^\\s/]+(/t/[A-Za-z0-9_-]+)");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(merchant, customer).stream()
                        .anyMatch(m -> link.matcher(m).find()));
        for (String message : messagesTo(merchant, customer)) {
            Matcher found = link.matcher(message);
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new AssertionError("no tracking link sent");
    }

    /** The 4-digit delivery code the customer was sent. */
    private String deliveryCode(TestMerchant merchant, String customer) {
        Pattern code = Pattern.compile("(?i)code\\D{0,40}?(\\d{4})\\b");
        for (String message : messagesTo(merchant, customer)) {
            Matcher found = code.matcher(message);
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new AssertionError("no delivery code sent: " + messagesTo(merchant, customer));
    }
}
