package io.tiffin.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Browser tests against the running server: one Chromium per test class, one browser context per
 * test (closed after it), the phone and tablet the apps are made for, their sign-in screens, and
 * screenshots under target/screenshots for a person to look at.
 */
public abstract class BrowserTestSupport extends IntegrationTestSupport {

    protected static final Path SHOTS = Paths.get("target", "screenshots");
    /** The sandbox has no internet: tile requests fail at once instead of waiting on DNS. */
    private static final Pattern TILES = Pattern.compile("^https?://([a-z0-9-]+\\.)*tile\\.openstreetmap\\.org/.*");

    private static Chromium chromium;
    protected static Browser browser;

    /** This test's context, if it opened one with {@link #phone} / {@link #tablet} or set it itself. */
    protected BrowserContext context;

    protected Page page;
    /** Script errors seen by pages opened with {@link #newPage()}. */
    protected final List<String> errors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchChromium() throws IOException {
        chromium = Chromium.launch();
        browser = chromium.browser();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            // a request the page sent late would reach a route handler while the context closes, and the
            // handler's bookkeeping on a closed context throws; without handlers it is let through quietly
            context.unrouteAll();
            context.close();
            context = null;
        }
    }

    /** A 390×844 phone at a spot in Bengaluru that allows geolocation; map tiles are refused. */
    protected BrowserContext phone(double accuracyMetres) {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setGeolocation(new Geolocation(12.9752, 77.5920).setAccuracy(accuracyMetres))
                .setPermissions(List.of("geolocation")));
        context.route(TILES, Route::abort);
        return context;
    }

    /** A 1280×800 kitchen tablet in India, so times read as the kitchen reads them. */
    protected BrowserContext tablet() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800)
                .setLocale("en-GB")
                .setTimezoneId("Asia/Kolkata"));
        return context;
    }

    /** A page in this test's context whose script errors land in {@link #errors}. */
    protected Page newPage() {
        Page opened = context.newPage();
        opened.onPageError(error -> errors.add("page error: " + error));
        opened.onConsoleMessage(message -> {
            // a refused request (a 422 for a wrong code is expected) is the browser's note, not a script error
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add("console: " + message.text() + " at " + message.location());
            }
        });
        return opened;
    }

    /** Signs in on the kitchen board in {@link #page} and waits for its live connection. */
    protected void signInToBoard(String email, String password) {
        page.navigate("http://localhost:" + port + "/merchant/");
        signIn(page, email, password);
        page.locator("#connection").getByText("live").waitFor();
    }

    /** Opens the driver app on the given page and signs in. */
    protected void signInToDriverApp(Page on, String email, String password) {
        on.navigate("http://localhost:" + port + "/driver/");
        signIn(on, email, password);
    }

    private static void signIn(Page on, String email, String password) {
        on.getByLabel("Email").fill(email);
        on.getByLabel("Password").fill(password);
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /** A user of the merchant with the role, made through the API; answers the email. */
    protected String newUser(TestMerchant merchant, String role, String password) {
        String email = role.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + UUID.randomUUID() + "@test.tiffin.local";
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/users",
                                merchant.ownerToken(),
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                                        + "\"}")
                        .statusCode())
                .isEqualTo(201);
        return email;
    }

    protected static void screenshot(Page of, String file) {
        of.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(file)));
    }

    protected static void fullScreenshot(Page of, String file) {
        of.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(file)).setFullPage(true));
    }
}
