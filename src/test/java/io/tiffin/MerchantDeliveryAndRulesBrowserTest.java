package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.support.BrowserTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Delivery and store rules on the board. Where the platform's delivery and store-rules endpoints
 * are not part of this build yet, the browser is answered in their documented shapes (CONTRACT.md,
 * "Delivery"; the settings shape of issue 10); the same app against the real server must then hide
 * those parts without an error.
 */
class MerchantDeliveryAndRulesBrowserTest extends BrowserTestSupport {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    private Ordering ordering;

    private TestMerchant merchant;

    @BeforeEach
    void kitchenTablet() {
        merchant = newMerchant("Delivery Test Kitchen");
        stubGraphApi(merchant);
        tablet();
        page = context.newPage();
    }

    @Test
    void deliveryCardsShowTheDriverTheEtaOrWhatBlocksThem() {
        Order assigned = accepted(place(Order.FulfilmentType.DELIVERY, "Asha"));
        Order unassigned = accepted(place(Order.FulfilmentType.DELIVERY, "Bilal"));
        Order noLocation = accepted(place(Order.FulfilmentType.DELIVERY, "Chitra"));
        Order locked = accepted(place(Order.FulfilmentType.DELIVERY, "Deepak"));
        Order failed = accepted(place(Order.FulfilmentType.DELIVERY, "Esha"));
        Order pickup = accepted(place(Order.FulfilmentType.PICKUP, "Farah"));
        Instant eta = Instant.now().plus(Duration.ofMinutes(25));
        List<String> assignments = new CopyOnWriteArrayList<>();
        // once assigned by hand, the server lists the order with that driver
        context.route(
                "**/api/v1/merchants/*/deliveries",
                route -> json(route, 200, """
                [{"orderId":"%s","driver":{"id":"d1","name":"Ravi"},"eta":"%s","status":"ASSIGNED","needsLocation":false,"locked":false},
                 {"orderId":"%s","driver":%s,"eta":null,"status":"UNASSIGNED","needsLocation":false,"locked":false},
                 {"orderId":"%s","driver":null,"eta":null,"status":"UNASSIGNED","needsLocation":true,"locked":false},
                 {"orderId":"%s","driver":{"id":"d1","name":"Ravi"},"eta":"%s","status":"ON_THE_WAY","needsLocation":false,"locked":true},
                 {"orderId":"%s","driver":{"id":"d2","name":"Sunil"},"eta":null,"status":"FAILED","reason":"Customer not reachable"}]
                """.formatted(
                                assigned.id(),
                                eta,
                                unassigned.id(),
                                assignments.isEmpty() ? "null" : "{\"id\":\"d2\",\"name\":\"Sunil\"}",
                                noLocation.id(),
                                locked.id(),
                                eta,
                                failed.id())));
        context.route("**/api/v1/merchants/*/drivers", route -> json(route, 200, """
                [{"id":"d1","firstName":"Ravi","status":"ON_DELIVERY","capacity":4,"load":2,"reachable":true,
                  "location":{"lat":12.97,"lng":77.59}},
                 {"id":"d2","firstName":"Sunil","status":"AVAILABLE","capacity":4,"load":0,"reachable":true,"location":null},
                 {"id":"d3","firstName":"Tara","status":"AVAILABLE","capacity":4,"load":0,"reachable":false,"location":null}]"""));
        List<String> placed = new CopyOnWriteArrayList<>();
        context.route("**/api/v1/merchants/*/orders/*/location", route -> {
            placed.add(route.request().method() + " " + route.request().url() + " "
                    + route.request().postData());
            json(route, 200, "{}");
        });
        List<String> cancels = new CopyOnWriteArrayList<>();
        context.route("**/api/v1/merchants/*/orders/*/delivery/cancel", route -> {
            cancels.add(route.request().url() + " " + route.request().postData());
            json(route, 200, "{}");
        });
        context.route("**/api/v1/merchants/*/orders/*/assign", route -> {
            assignments.add(route.request().url() + " " + route.request().postData());
            json(route, 200, "{\"orderId\":\"x\",\"driver\":{\"id\":\"d2\",\"name\":\"Sunil\"}}");
        });
        List<String> retries = new CopyOnWriteArrayList<>();
        context.route("**/api/v1/merchants/*/orders/*/delivery/retry", route -> {
            retries.add(route.request().url());
            json(route, 200, "{}");
        });

        signIn();
        Locator card = cardOf(assigned);
        card.locator("[data-field=delivery]").waitFor();
        assertThat(card.locator("[data-field=delivery]").textContent())
                .isEqualTo("Ravi · ETA " + DateTimeFormatter.ofPattern("H:mm").format(eta.atZone(KOLKATA)));
        assertThat(cardOf(unassigned).locator("[data-field=delivery]").textContent())
                .isEqualTo("Unassigned");
        assertThat(cardOf(noLocation).locator("[data-field=delivery]").textContent())
                .isEqualTo("Needs a location");
        assertThat(cardOf(locked).locator("[data-field=delivery]").textContent())
                .isEqualTo("Code locked");
        assertThat(cardOf(failed).locator("[data-field=delivery]").textContent())
                .isEqualTo("Delivery failed");
        assertThat(cardOf(pickup).locator("[data-field=delivery]").count()).isZero();
        assertThat(cardOf(pickup).textContent()).contains("Pickup");
        // a failed drop-off or a locked code sounds the alarm until someone looks
        assertThat(page.locator("#alert-banner").textContent())
                .contains("Delivery problem", "#" + failed.number(), "#" + locked.number());
        screenshot(page, "board-delivery.png");
        page.locator("#alert-banner").click();

        // assign by hand from the order dialog
        openOrder(unassigned);
        Locator section = page.locator("#order-body .delivery-section");
        assertThat(section.locator("[data-field=delivery]").textContent()).isEqualTo("Unassigned");
        page.getByLabel("Assign a driver").selectOption("d2");
        assertThat(page.locator("#driver-select option[value=d2]").textContent())
                .isEqualTo("Sunil (available)");
        assertThat(page.locator("#driver-select option[value=d1]").textContent())
                .isEqualTo("Ravi (on a delivery)");
        assertThat(page.locator("#driver-select option[value=d3]").textContent())
                .isEqualTo("Tara (available, no recent location)");
        screenshot(page, "order-driver-picker.png");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Assign driver to order " + unassigned.number()))
                .click();
        page.locator("#order-body .delivery-section [data-field=delivery]")
                .getByText("Sunil")
                .waitFor();
        assertThat(assignments)
                .singleElement()
                .asString()
                .contains("/orders/" + unassigned.id() + "/assign")
                .contains("\"driverId\":\"d2\"");
        page.keyboard().press("Escape");
        assertThat(cardOf(unassigned).locator("[data-field=delivery]").textContent())
                .startsWith("Sunil");

        // a typed address nobody could find on a map: the kitchen pastes coordinates from a maps app
        openOrder(noLocation);
        page.getByLabel("Place the drop-off").fill("behind the temple");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Place order " + noLocation.number() + " on the map"))
                .click();
        assertThat(page.locator("#location-help").textContent()).contains("latitude and longitude");
        assertThat(placed).isEmpty();
        page.getByLabel("Place the drop-off").fill("12.9352, 77.6245");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Place order " + noLocation.number() + " on the map"))
                .click();
        page.waitForCondition(() -> !placed.isEmpty());
        assertThat(placed.getFirst())
                .startsWith("PUT ")
                .contains("/orders/" + noLocation.id() + "/location")
                .contains("\"lat\":12.9352")
                .contains("\"lng\":77.6245");
        page.keyboard().press("Escape");

        // a failed delivery: the reason, Retry, or Cancel with a reason the customer reads
        openOrder(failed);
        assertThat(page.locator("#order-body [data-field=delivery-reason]").textContent())
                .contains("Customer not reachable");
        page.locator("#order-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry delivery"))
                .click();
        page.waitForCondition(() -> !retries.isEmpty());
        assertThat(retries).singleElement().asString().contains("/orders/" + failed.id() + "/delivery/retry");
        page.locator("#order-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel order…"))
                .click();
        page.locator("#reason-dialog")
                .getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Driver could not reach the customer"))
                .click();
        page.locator("#reason-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel order"))
                .click();
        page.waitForCondition(() -> !cancels.isEmpty());
        assertThat(cancels)
                .singleElement()
                .asString()
                .contains("/orders/" + failed.id() + "/delivery/cancel")
                .contains("{\"reason\":\"Driver could not reach the customer\"}");
        assertThat(page.locator(".toast").allTextContents()).noneMatch(text -> text.startsWith("Could not"));
    }

    @Test
    void aDeliveryEventOnTheStreamRaisesTheAlarmAndReloadsTheDeliveries() {
        Order order = accepted(place(Order.FulfilmentType.DELIVERY, "Hari"));
        AtomicInteger reloads = new AtomicInteger();
        context.route("**/api/v1/merchants/*/deliveries", route -> {
            reloads.incrementAndGet();
            json(route, 200, "[]");
        });
        // one event, then the stream ends; the long retry keeps the app from asking again during the test
        context.route(
                "**/api/v1/merchants/*/events",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/event-stream")
                        .setBody("""
                        retry: 60000
                        id: 1700000000000-0
                        event: delivery.failed
                        data: {"orderId":"%s","number":"%s","type":"delivery.failed","status":"FAILED"}

                        """.formatted(order.id(), order.number()))));
        page.navigate("http://localhost:" + port + "/merchant/");
        page.getByLabel("Email").fill(merchant.ownerEmail());
        page.getByLabel("Password").fill(OWNER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        page.locator("#alert-banner")
                .getByText("Delivery problem: #" + order.number())
                .waitFor();
        page.waitForCondition(() -> reloads.get() >= 2);
        assertThat(cardOf(order).getAttribute("class")).contains("unacked");
    }

    @Test
    void onTheRealDispatchAnAcceptedDeliveryWaitsUnassignedUntilTheKitchenPicksADriver() {
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/users",
                                merchant.ownerToken(),
                                "{\"email\":\"ravi+" + UUID.randomUUID()
                                        + "@test.tiffin.local\",\"password\":\"driver-password-1\",\"role\":\"DRIVER\"}")
                        .statusCode())
                .isEqualTo(201);
        Order order = accepted(place(Order.FulfilmentType.DELIVERY, "Indu"));
        signIn();

        // no driver on shift: the delivery waits, and the board says so
        Locator delivery = cardOf(order).locator("[data-field=delivery]");
        delivery.getByText("Unassigned").waitFor();
        openOrder(order);
        page.locator("#driver-select").waitFor();
        assertThat(page.locator("#driver-select option").allTextContents()).contains("Ravi (offline)");
        page.getByLabel("Assign a driver")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Ravi (offline)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign driver to order " + order.number()))
                .click();
        page.locator("#order-body .delivery-section [data-field=delivery]")
                .getByText("Ravi")
                .waitFor();
        page.keyboard().press("Escape");
        delivery.getByText("Ravi").waitFor();
        JsonNode stored = parse(get(
                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/delivery", merchant.ownerToken()));
        assertThat(stored.get("driverName").asString()).isEqualTo("Ravi");
        assertThat(stored.get("pinned").asBoolean()).isTrue();
    }

    @Test
    void onAServerWithoutDeliveryOrStoreRulesTheBoardWorksAsBefore() {
        Order order = accepted(place(Order.FulfilmentType.DELIVERY, "Gita"));
        // an older server: these routes do not exist there
        for (String missing : List.of(
                "**/api/v1/merchants/*/deliveries",
                "**/api/v1/merchants/*/drivers",
                "**/api/v1/merchants/*/settings")) {
            context.route(
                    missing,
                    route -> json(route, 404, "{\"error\":\"not_found\",\"message\":\"Not found\",\"problems\":[]}"));
        }
        AtomicInteger asked = new AtomicInteger();
        context.onRequest(request -> {
            if (request.url().contains("/deliveries") || request.url().contains("/settings")) {
                asked.incrementAndGet();
            }
        });
        signIn();
        cardOf(order).waitFor();
        page.waitForCondition(() -> asked.get() >= 2);
        page.waitForTimeout(300);

        assertThat(cardOf(order).locator("[data-field=delivery]").count())
                .as("no delivery line without the endpoint")
                .isZero();
        assertThat(page.locator("#store-state").isVisible())
                .as("no open/closed guess without store rules")
                .isFalse();
        assertThat(page.locator(".toast").count()).as("no error shown").isZero();
        openOrder(order);
        assertThat(page.locator("#order-body .delivery-section").count()).isZero();
        assertThat(page.locator("#order-dialog")
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start preparing"))
                        .isVisible())
                .isTrue();
        page.keyboard().press("Escape");

        tab("Store rules");
        page.locator("#settings-form .notice").waitFor();
        assertThat(page.locator("#settings-form").textContent()).contains("not available on this server yet");
        assertThat(page.locator("#settings-form input").count()).isZero();
    }

    @Test
    void theOwnerSetsStoreRulesAndTheHeaderSaysClosed() {
        String stored = """
                {"openingHours":{"MONDAY":[{"open":"11:00","close":"23:00"}],"TUESDAY":[],"WEDNESDAY":[],"THURSDAY":[],
                 "FRIDAY":[],"SATURDAY":[],"SUNDAY":[]},
                 "timezone":"Asia/Kolkata","minimumOrder":15000,"deliveryFee":{"flat":3000},"deliveryRadiusKm":5,
                 "packagingCharge":0,"taxPercent":0,"pickupAllowed":true,"webChat":{"enabled":false},"slug":"delivery-test-kitchen-7f3k",
                 "openNow":false}""";
        List<String> saved = new CopyOnWriteArrayList<>();
        AtomicInteger puts = new AtomicInteger();
        context.route("**/api/v1/merchants/*/settings", route -> {
            if ("PUT".equals(route.request().method())) {
                saved.add(route.request().postData());
                if (puts.incrementAndGet() == 1) {
                    json(route, 400, """
                            {"error":"invalid_settings","message":"The settings are invalid",
                             "problems":[{"path":"deliveryRadiusKm","reason":"must be at most 6 for this plan"}]}""");
                } else {
                    json(route, 200, route.request().postData());
                }
            } else {
                json(route, 200, stored);
            }
        });
        signIn();
        page.locator("#store-state").waitFor();
        assertThat(page.locator("#store-state").textContent())
                .startsWith("Closed")
                .contains("opens")
                .contains("11:00");
        page.setViewportSize(1024, 768);
        assertThat(page.locator("header.top").boundingBox().height)
                .as("header with the Closed pill at 1024x768")
                .isLessThan(64);
        var signOut = page.locator("#logout-button").boundingBox();
        assertThat(signOut.x + signOut.width).as("Sign out stays on screen").isLessThanOrEqualTo(1024);
        assertThat(page.locator("#store-state").isVisible()).isTrue();
        page.setViewportSize(1280, 800);

        tab("Store rules");
        page.locator("[data-day=MONDAY] input[type=time]").first().waitFor();
        assertThat(page.getByLabel("Monday opens").inputValue()).isEqualTo("11:00");
        assertThat(page.getByLabel("Monday closes").inputValue()).isEqualTo("23:00");
        assertThat(page.locator("[data-day=TUESDAY]").textContent()).contains("Closed");
        assertThat(page.getByLabel("Minimum order (₹)").inputValue()).isEqualTo("150.00");

        // Sunday: open late, past midnight
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add hours on Sunday"))
                .click();
        page.getByLabel("Sunday opens").fill("18:00");
        page.getByLabel("Sunday closes").fill("02:00");
        page.getByLabel("Minimum order (₹)").fill("12.345");
        page.getByLabel("Packaging charge per order (₹)").fill("10");
        page.getByLabel("Tax (%)").fill("5");
        page.getByLabel("Delivery radius (km, empty for any distance)").fill("8");
        page.locator("label[for=fee-mode-bands]").click();
        page.getByLabel("Up to (km)").fill("3");
        page.getByLabel("Fee (₹)").fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a distance band"))
                .click();
        page.getByLabel("Up to (km)").nth(1).fill("6");
        page.getByLabel("Fee (₹)").nth(1).fill("40");
        page.getByLabel("Customers may pick up at the counter").uncheck();
        page.getByLabel("Take orders through the web chat").check();

        // a bad amount is explained beside its field and nothing is sent
        save();
        assertThat(page.locator("#settings-form [role=alert]").textContent()).contains("minimumOrder");
        assertThat(page.getByLabel("Minimum order (₹)").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(saved).isEmpty();

        // the server's refusal is shown with its path; the form keeps what was typed
        page.getByLabel("Minimum order (₹)").fill("200");
        save();
        page.locator("#settings-form [role=alert]")
                .getByText("must be at most 6 for this plan")
                .waitFor();
        assertThat(page.getByLabel("Sunday closes").inputValue()).isEqualTo("02:00");
        page.getByLabel("Delivery radius (km, empty for any distance)").fill("6");
        save();
        page.locator("#settings-status").getByText("Store rules saved.").waitFor();
        page.setViewportSize(1280, 1700);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth"))
                .as(
                        "nothing sticks out sideways: %s",
                        page.evaluate(
                                "() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 1281).map((e) => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join('; ')"))
                .isEqualTo(1280);
        screenshot(page, "store-rules.png");
        page.setViewportSize(390, 1600);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth"))
                .as("the form fits a phone")
                .isEqualTo(390);
        screenshot(page, "store-rules-390.png");

        JsonNode body = json.readTree(saved.getLast());
        assertThat(body.at("/openingHours/MONDAY/0/open").asString()).isEqualTo("11:00");
        assertThat(body.at("/openingHours/SUNDAY/0/open").asString()).isEqualTo("18:00");
        assertThat(body.at("/openingHours/SUNDAY/0/close").asString()).isEqualTo("02:00");
        assertThat(body.at("/openingHours/TUESDAY").size()).isZero();
        assertThat(body.get("timezone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(body.get("minimumOrder").asLong()).isEqualTo(20000);
        assertThat(body.get("packagingCharge").asLong()).isEqualTo(1000);
        assertThat(body.get("taxPercent").asDouble()).isEqualTo(5.0);
        assertThat(body.get("deliveryRadiusKm").asDouble()).isEqualTo(6.0);
        assertThat(body.at("/deliveryFee/flat").isMissingNode()).isTrue();
        assertThat(body.at("/deliveryFee/bands/0/upToKm").asDouble()).isEqualTo(3.0);
        assertThat(body.at("/deliveryFee/bands/0/fee").asLong()).isEqualTo(2000);
        assertThat(body.at("/deliveryFee/bands/1/upToKm").asDouble()).isEqualTo(6.0);
        assertThat(body.at("/deliveryFee/bands/1/fee").asLong()).isEqualTo(4000);
        assertThat(body.get("pickupAllowed").asBoolean()).isFalse();
        assertThat(body.at("/webChat/enabled").asBoolean()).isTrue();
        assertThat(body.get("slug").asString())
                .as("fields the screen does not edit go back as they came")
                .isEqualTo("delivery-test-kitchen-7f3k");
        assertThat(body.has("openNow")).isFalse();
    }

    @Test
    void noOpeningHoursMeansOpenAlwaysAndTheWebChatSwitchLivesOnTheMerchant() {
        // the settings as the store-rules API answers them: no hours (open always), no webChat field
        context.route("**/api/v1/merchants/*/settings", route -> {
            if ("PUT".equals(route.request().method())) {
                json(route, 200, route.request().postData());
            } else {
                json(route, 200, """
                        {"openingHours":null,"timezone":"Asia/Kolkata","minimumOrder":0,"deliveryFee":null,"deliveryRadiusKm":null,
                         "packagingCharge":0,"taxPercent":0,"pickupAllowed":true,"openNow":true,"nextOpening":null}""");
            }
        });
        List<String> puts = new CopyOnWriteArrayList<>();
        context.onRequest(request -> {
            if ("PUT".equals(request.method()) && request.url().endsWith("/settings")) {
                puts.add(request.postData());
            }
        });
        List<String> patches = new CopyOnWriteArrayList<>();
        context.route("**/api/v1/merchants/" + merchant.id(), route -> {
            if (!"PATCH".equals(route.request().method())) {
                route.fallback();
                return;
            }
            patches.add(route.request().postData());
            json(
                    route,
                    200,
                    "{\"id\":\"" + merchant.id()
                            + "\",\"name\":\"Delivery Test Kitchen\",\"webChat\":{\"enabled\":true}}");
        });
        signIn();
        assertThat(page.locator("#store-state").isVisible()).isFalse();
        tab("Store rules");
        page.getByLabel("Open every day, all day").waitFor();
        assertThat(page.getByLabel("Open every day, all day").isChecked()).isTrue();
        assertThat(page.locator("[data-day]").count())
                .as("no weekday rows while open always")
                .isZero();
        assertThat(page.getByLabel("Take orders through the web chat").isChecked())
                .isFalse();
        page.getByLabel("Take orders through the web chat").check();
        save();
        page.locator("#settings-status").getByText("Store rules saved.").waitFor();

        JsonNode body = json.readTree(puts.getLast());
        assertThat(body.get("openingHours").isNull())
                .as("open always is sent as no hours")
                .isTrue();
        assertThat(body.has("webChat"))
                .as("the settings carry no web chat switch")
                .isFalse();
        assertThat(patches).singleElement().asString().isEqualTo("{\"webChat\":{\"enabled\":true}}");

        // choosing hours fills a week to edit; emptied, it is refused before anything is sent
        page.getByLabel("Open every day, all day").uncheck();
        assertThat(page.getByLabel("Friday opens").inputValue()).isEqualTo("11:00");
        for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + day + " hours 1"))
                    .click();
        }
        save();
        assertThat(page.locator("#settings-form [role=alert]").textContent()).contains("at least one day");
        assertThat(puts).hasSize(1);
    }

    @Test
    void storeRulesSavedOnTheRealServerPriceTheNextOrderAndCloseTheStore() {
        signIn();
        assertThat(page.locator("#store-state").isVisible())
                .as("a new store is open always")
                .isFalse();
        tab("Store rules");
        page.getByLabel("Open every day, all day").waitFor();
        assertThat(page.getByLabel("Open every day, all day").isChecked()).isTrue();

        // hours on one day only, three days from today in Kolkata: closed now, whatever the hour
        String openDay = java.time.LocalDate.now(KOLKATA)
                .plusDays(3)
                .getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        page.getByLabel("Open every day, all day").uncheck();
        for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + day + " hours 1"))
                    .click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add hours on " + openDay))
                .click();
        page.getByLabel("Minimum order (₹)").fill("100");
        page.getByLabel("Packaging charge per order (₹)").fill("10");
        page.getByLabel("Tax (%)").fill("5");
        page.getByLabel("Delivery radius (km, empty for any distance)").fill("8");
        page.getByLabel("Delivery fee (₹)").fill("30");
        page.getByLabel("Take orders through the web chat").check();
        // payments and email live on the merchant: an email needs an address, and none of them is sent without one
        page.getByLabel("Online payment", new Page.GetByLabelOptions().setExact(false))
                .check();
        page.getByLabel("Email me a summary every evening").check();
        save();
        page.locator("#setting-emails_address-error")
                .getByText("Give an email address for these emails.")
                .waitFor();
        page.getByLabel("Email for new orders and the daily summary").fill("owner@kitchen.example");
        save();
        page.locator("#settings-status").getByText("Store rules saved.").waitFor();
        page.locator("#store-state").getByText("Closed").waitFor();
        JsonNode saved = parse(get("/api/v1/merchants/" + merchant.id(), merchant.ownerToken()));
        assertThat(saved.at("/payments/online").asBoolean()).isTrue();
        assertThat(saved.at("/payments/cashOnDelivery").asBoolean()).isTrue();
        assertThat(saved.at("/emails/address").asString()).isEqualTo("owner@kitchen.example");
        assertThat(saved.at("/emails/dailySummary").asBoolean()).isTrue();
        assertThat(saved.at("/emails/newOrders").asBoolean()).isFalse();

        JsonNode stored = parse(get("/api/v1/merchants/" + merchant.id() + "/settings", merchant.ownerToken()));
        String dayKey = openDay.toUpperCase(java.util.Locale.ROOT);
        assertThat(stored.at("/openingHours/" + dayKey + "/0/open").asString()).isEqualTo("11:00");
        assertThat(stored.at("/openingHours/" + dayKey + "/0/close").asString()).isEqualTo("23:00");
        assertThat(stored.get("openNow").asBoolean()).isFalse();
        assertThat(stored.get("minimumOrder").asLong()).isEqualTo(10000);
        assertThat(stored.get("packagingCharge").asLong()).isEqualTo(1000);
        assertThat(stored.get("taxPercent").decimalValue()).isEqualByComparingTo("5");
        assertThat(stored.get("deliveryRadiusKm").asDouble()).isEqualTo(8.0);
        assertThat(stored.at("/deliveryFee/flat").asLong()).isEqualTo(3000);
        assertThat(parse(get("/api/v1/merchants/" + merchant.id(), merchant.ownerToken()))
                        .at("/webChat/enabled")
                        .asBoolean())
                .as("the web chat switch is saved on the merchant")
                .isTrue();

        // open always again: the header clears, and the next order carries the server's charges
        page.getByLabel("Open every day, all day").check();
        save();
        page.locator("#settings-status").getByText("Store rules saved.").waitFor();
        page.locator("#store-state")
                .waitFor(new Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        Order order = place(Order.FulfilmentType.DELIVERY, "Jaya");
        assertThat(order.total()).isGreaterThan(order.items().getFirst().lineTotal());
        tab("Board");
        cardOf(order).waitFor();
        openOrder(order);
        assertThat(page.locator("#order-body .delivery-section [data-field=delivery]")
                        .textContent())
                .isEqualTo("A driver is planned once the order is accepted");
        Locator prices = page.locator("#order-body tfoot");
        assertThat(prices.locator("[data-kind=SUBTOTAL]").textContent()).contains("349.00");
        assertThat(prices.textContent()).contains("30.00", "10.00");
        assertThat(prices.locator("[data-kind=TOTAL]").textContent())
                .contains(String.format("%,.2f", order.total() / 100.0));
        screenshot(page, "order-with-charges.png");
    }

    @Test
    void openingHoursAreReadInTheStoresTimeZoneAcrossMidnight() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setTimezoneId("UTC"));
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/merchant/");
        // Monday 2026-11-30; the tablet runs on UTC, the store in Kolkata (UTC+5:30)
        Object answers = page.evaluate("""
                async () => {
                  const { openAt, nextOpening } = await import('/merchant/hours.js');
                  const late = { timezone: 'Asia/Kolkata', openingHours: { MONDAY: [{ open: '18:00', close: '02:00' }] } };
                  const early = { timezone: 'Asia/Kolkata', openingHours: { MONDAY: [{ open: '00:00', close: '03:00' }] } };
                  return [
                    openAt(early, new Date('2026-11-29T20:00:00Z')),  // Sunday 20:00 UTC is Monday 01:30 in Kolkata
                    openAt(early, new Date('2026-11-30T20:00:00Z')),  // Monday 20:00 UTC is Tuesday 01:30 there
                    openAt(late, new Date('2026-11-30T19:30:00Z')),   // Tuesday 01:00 there: Monday's evening runs on
                    openAt(late, new Date('2026-11-30T21:00:00Z')),   // Tuesday 02:30 there: closed
                    openAt(late, new Date('2026-11-30T11:00:00Z')),   // Monday 16:30 there: not yet
                    nextOpening(late, new Date('2026-11-30T11:00:00Z')),
                    nextOpening(late, new Date('2026-11-30T21:00:00Z')),
                    // the server's own next opening (an instant) is said in the store's time zone
                    nextOpening({ timezone: 'Asia/Kolkata', nextOpening: '2026-12-01T05:30:00Z' }, new Date('2026-11-30T21:00:00Z')),
                    nextOpening({ timezone: 'Asia/Kolkata', nextOpening: '2026-12-02T05:30:00+00:00' }, new Date('2026-11-30T21:00:00Z')),
                    openAt({ ...late, openNow: true }, new Date('2026-11-30T11:00:00Z')),
                    openAt({ timezone: 'Asia/Kolkata' }, new Date()),
                  ];
                }""");
        assertThat(String.valueOf(answers))
                .isEqualTo(
                        "[true, false, true, false, false, opens 18:00, opens Mon 18:00, opens 11:00, opens Wed 11:00, true, null]");
    }

    // ---------- helpers ----------

    Order place(Order.FulfilmentType fulfilment, String name) {
        return ordering.place(new PlaceOrder(
                merchant.id(),
                "WHATSAPP",
                new Order.Customer(newCustomer(), name),
                List.of(new LineRequest("butter-chicken", 1, List.of(), null)),
                fulfilment,
                fulfilment == Order.FulfilmentType.PICKUP
                        ? null
                        : new Order.Address("42 Residency Road", 12.9716, 77.5946),
                UUID.randomUUID().toString()));
    }

    Order accepted(Order order) {
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":20}")
                        .statusCode())
                .isEqualTo(200);
        return order;
    }

    static void json(Route route, int status, String body) {
        route.fulfill(new Route.FulfillOptions()
                .setStatus(status)
                .setContentType("application/json")
                .setBody(body));
    }

    void signIn() {
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
    }

    void tab(String name) {
        page.locator("nav.tabs")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .click();
    }

    void save() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save store rules"))
                .click();
    }

    Locator cardOf(Order order) {
        return page.locator(".card[data-order-id='" + order.id() + "']");
    }

    void openOrder(Order order) {
        cardOf(order).locator(".card-open").click();
        page.locator("#order-dialog[open]").waitFor();
    }
}
