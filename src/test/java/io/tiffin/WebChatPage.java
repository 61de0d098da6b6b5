package io.tiffin;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The customer's side of the built-in web chat in a browser: opens a merchant's link, gives a first
 * name, types messages and taps choices, and reads back what the page shows. A turn ends when the
 * bot has answered and two more polls brought nothing, so a reply of several messages is read whole.
 */
final class WebChatPage implements AutoCloseable {

    /** A phone the chat is made for, and a desktop. */
    enum Screen {
        PHONE(390, 844, true),
        DESKTOP(1280, 800, false);

        final int width;
        final int height;
        final boolean touch;

        Screen(int width, int height, boolean touch) {
            this.width = width;
            this.height = height;
            this.touch = touch;
        }
    }

    private final BrowserContext context;
    private final Screen screen;
    private final Page page;
    final List<String> errors = new CopyOnWriteArrayList<>();

    private WebChatPage(BrowserContext context, Screen screen) {
        this.context = context;
        this.screen = screen;
        this.page = context.newPage();
        page.onPageError(error -> errors.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add("console: " + message.text());
            }
        });
    }

    /**
     * Opens the chat of a merchant's slug as a customer at the given client address (each customer
     * its own, as phones are: the chat limits new chats per address) and gives the first name.
     */
    static WebChatPage open(Browser browser, int port, String slug, Screen screen, String address, String name) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(screen.width, screen.height)
                .setDeviceScaleFactor(2)
                .setIsMobile(screen.touch)
                .setHasTouch(screen.touch)
                .setLocale("en-IN")
                .setTimezoneId("Asia/Kolkata")
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", address)));
        WebChatPage chat = new WebChatPage(context, screen);
        chat.page.navigate("http://localhost:" + port + "/chat/?m=" + slug);
        chat.page.locator("#first-name").fill(name);
        chat.page.locator("#intro button[type=submit]").click();
        chat.page.locator("#text").waitFor();
        return chat;
    }

    Page page() {
        return page;
    }

    BrowserContext context() {
        return context;
    }

    /** Types a message as a customer does, presses Enter and answers the bot's messages of the turn. */
    List<String> say(String text) {
        int before = bots().count();
        page.locator("#text").fill(text);
        page.locator("#text").press("Enter");
        return turnAfter(before);
    }

    /** Taps the choice with the title on the newest message that offers it. */
    List<String> tap(String title) {
        int before = bots().count();
        page.locator(".msg.bot .choices button", new Page.LocatorOptions().setHasText(title))
                .last()
                .click();
        return turnAfter(before);
    }

    private List<String> turnAfter(int before) {
        page.waitForFunction(
                "n => document.querySelectorAll('.msg.bot').length > n",
                before,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        settle();
        List<String> texts = botTexts();
        return List.copyOf(texts.subList(before, texts.size()));
    }

    /** Waits until two full polls after the newest bubble brought nothing more. */
    void settle() {
        int count;
        do {
            count = bots().count();
            nextPoll();
            nextPoll();
        } while (bots().count() != count);
    }

    private void nextPoll() {
        page.waitForResponse(WebChatPage::isPoll, new Page.WaitForResponseOptions().setTimeout(30_000), () -> {});
    }

    private static boolean isPoll(Response response) {
        return response.url().contains("/chat/api/messages?")
                && "GET".equals(response.request().method());
    }

    Locator bots() {
        return page.locator(".msg.bot");
    }

    /** What each bot message reads, its choice buttons left out. */
    List<String> botTexts() {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) page.evaluate("() => [...document.querySelectorAll('.msg.bot')].map(m => {"
                + " const c = m.cloneNode(true); c.querySelectorAll('.choices').forEach(x => x.remove());"
                + " return c.innerText.trim(); })");
        return texts;
    }

    /** Every bubble as "me: ..." or "bot: ...", oldest first, as a person scrolling up reads them. */
    List<String> transcript() {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) page.evaluate("() => [...document.querySelectorAll('.msg')].map(m => {"
                + " const c = m.cloneNode(true); c.querySelectorAll('.choices').forEach(x => x.remove());"
                + " return (m.classList.contains('me') ? 'me: ' : 'bot: ') + c.innerText.trim(); })");
        return texts;
    }

    /** The titles of the choices the newest bot message offers. */
    List<String> newestChoices() {
        return bots().last().locator(".choices button").allInnerTexts();
    }

    /** The lines of the newest cart the bot showed ("3 × Paneer Tikka: ₹747"), or none. */
    List<String> shownCart() {
        List<String> texts = botTexts();
        for (int i = texts.size() - 1; i >= 0; i--) {
            if (texts.get(i).contains("🛒")) {
                List<String> lines = new ArrayList<>();
                for (String line : texts.get(i).split("\n")) {
                    if (line.matches("\\d+ × .+: ₹[\\d,]+")) {
                        lines.add(line);
                    }
                }
                return lines;
            }
        }
        return List.of();
    }

    /** The bold runs of the newest bot message that has any. */
    List<String> boldOfNewestCart() {
        Locator carts = page.locator(".msg.bot", new Page.LocatorOptions().setHasText("🛒"));
        return carts.last().locator("strong").allInnerTexts();
    }

    boolean inputFocused() {
        return (Boolean) page.evaluate("() => document.activeElement === document.getElementById('text')");
    }

    /** The conversation is scrolled to its end, so the newest reply is in view. */
    boolean scrolledToNewest() {
        return (Boolean) page.evaluate("() => { const l = document.getElementById('log');"
                + " const last = l.lastElementChild.getBoundingClientRect(), box = l.getBoundingClientRect();"
                + " return l.scrollHeight - l.clientHeight - l.scrollTop < 2 && last.bottom <= box.bottom + 1; }");
    }

    /**
     * What does not fit the screen: any element reaching past its right edge (a phone's browser
     * widens the page to hold it, so the page's own width tells nothing) or a bubble whose text does
     * not wrap.
     */
    List<String> overflowing() {
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) page.evaluate(
                "w => { const out = [];"
                        + " document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();"
                        + " if (r.width > 1 && (r.right > w + 1 || r.left < -1))"
                        + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
                        + " document.querySelectorAll('.msg').forEach(m => { if (m.scrollWidth > m.clientWidth + 1)"
                        + " out.push(m.innerText.slice(0, 40)); });"
                        + " return out; }",
                screen.width);
        return wide;
    }

    /** The fonts the browser drew the text of the newest message with, by family name. */
    List<String> fontsOfNewest() {
        CDPSession cdp = context.newCDPSession(page);
        try {
            cdp.send("DOM.enable");
            cdp.send("CSS.enable");
            JsonObject query = new JsonObject();
            query.addProperty(
                    "nodeId",
                    cdp.send("DOM.getDocument")
                            .getAsJsonObject("root")
                            .get("nodeId")
                            .getAsInt());
            query.addProperty("selector", "#log > .msg:last-child");
            JsonObject node = new JsonObject();
            node.addProperty(
                    "nodeId", cdp.send("DOM.querySelector", query).get("nodeId").getAsInt());
            List<String> families = new ArrayList<>();
            cdp.send("CSS.getPlatformFontsForNode", node)
                    .getAsJsonArray("fonts")
                    .forEach(f ->
                            families.add(f.getAsJsonObject().get("familyName").getAsString()));
            return families;
        } finally {
            cdp.detach();
        }
    }

    void expectStatus(String text) {
        PlaywrightAssertions.assertThat(page.locator("#status")).hasText(text);
    }

    void screenshot(String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", file)));
    }

    @Override
    public void close() {
        context.close();
    }
}
