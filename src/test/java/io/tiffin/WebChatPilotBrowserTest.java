package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.tiffin.support.BrowserTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The chat pilot's conversations played by a customer in the real web chat page: every message typed,
 * every reply read off the page and held to the pilot's expectations (what is said, what never is,
 * the cart shown, the order placed), and the page itself checked after each turn: nothing unfilled or
 * escaped, nothing wider than the screen, the newest reply in view and the input ready for the next
 * message. Screenshots of each turn go to target/screenshots/pilot-*.png for a person to look at.
 */
class WebChatPilotBrowserTest extends BrowserTestSupport {

    private static final PilotScript PILOT = PilotScript.read("conversation/pilot-two.chat");

    /** Edits of each kind, questions, other scripts, negations, dishes we do not have, checkouts. */
    private static final List<String> ON_A_PHONE = List.of(
            "one more paneer tikka",
            "one less naan",
            "actually no rice",
            "change the paneer to paneer butter masala",
            "the coke a bottle, then the other one too",
            "make both spicy",
            "swap the jeera rice for a laccha paratha",
            "remove the second one",
            "add raita to it",
            "3 samosas not 2",
            "double the garlic naan",
            "remove something that is not in the cart",
            "is the rogan josh spicy",
            "price of a large chicken biryani",
            "is the dal vegetarian",
            "which desserts",
            "what's non veg",
            "devanagari biryani and garlic naan",
            "devanagari remove the mango lassi",
            "devanagari price question",
            "tamil butter naan",
            "hinglish biryani bina anda",
            "large margherita hold the olives and jalapenos",
            "veg biryani with raita but no egg",
            "mutton biryani is not on the menu",
            "paneer pizza is not on the menu",
            "chicken burger question",
            "large biryanis, spicy?, raita on both, checkout",
            "hinglish dal, question, rice, done");

    private static final List<String> ON_A_DESKTOP = List.of(
            "order, total, fewer naans, checkout",
            "what drinks",
            "tandoori chicken is not on the menu",
            "devanagari biryani and garlic naan");

    /** What must never reach a customer: WhatsApp marks, unfilled or raw template keys, script values, escapes. */
    private static final Pattern JUNK = Pattern.compile(
            "\\*|\\{\\{|}}|\\bundefined\\b|\\bnull\\b|\\[object|\\bNaN\\b|&(amp|lt|gt|quot|#\\d+);|\\b[a-z]+_[a-z_]+\\b");

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    private static String slug;
    private static TestMerchant merchant;
    private static Map<String, String> names;

    @BeforeEach
    void kitchenWithTheWebChatOn() {
        if (slug != null) {
            return;
        }
        merchant = newMerchant("Pilot Web Kitchen");
        slug = enableWebChat(merchant);
        names = new HashMap<>();
        for (JsonNode category : parse(get("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken()))
                .at("/menu/categories")) {
            for (JsonNode item : category.get("items")) {
                names.put(item.get("id").asString(), item.get("name").asString());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> thePilotOnAPhone() {
        return ON_A_PHONE.stream()
                .map(title -> DynamicTest.dynamicTest(title, () -> play(title, WebChatPage.Screen.PHONE)));
    }

    @TestFactory
    Stream<DynamicTest> thePilotOnADesktop() {
        return ON_A_DESKTOP.stream()
                .map(title -> DynamicTest.dynamicTest(title, () -> play(title, WebChatPage.Screen.DESKTOP)));
    }

    private void play(String title, WebChatPage.Screen screen) {
        String name = customerName();
        String shot = "pilot-" + screen.width + "-" + fileName(title);
        try (WebChatPage chat = open(screen, name)) {
            int turn = 0;
            for (PilotScript.Turn expected : PILOT.conversation(title)) {
                List<String> replies = chat.say(expected.message());
                chat.screenshot(shot + "-" + ++turn + ".png");
                String said = String.join("\n", replies);
                String at = "after \"" + expected.message() + "\" the page showed:\n" + said + "\n";
                expected.says().forEach(part -> assertThat(said).as(at).contains(plain(part)));
                expected.never().forEach(part -> assertThat(said).as(at).doesNotContain(plain(part)));
                if (expected.cart() != null) {
                    expectCart(chat, expected.cart(), replies, at);
                }
                if (expected.order() != null) {
                    expectOrder(name, expected.order());
                }
                expectReadable(chat, at);
            }
            assertThat(chat.errors).isEmpty();
        }
    }

    /** The cart the customer sees is the cart the pilot expects: counts, names, prices in rupees, a bold total. */
    private void expectCart(WebChatPage chat, List<String> cart, List<String> replies, String at) {
        if (cart.isEmpty()) {
            assertThat(replies).as(at).noneMatch(r -> r.contains("🛒"));
            return;
        }
        List<String> lines = chat.shownCart();
        assertThat(lines).as(at).hasSize(cart.size());
        for (int i = 0; i < cart.size(); i++) {
            String[] entry = cart.get(i).split(" ", 2);
            assertThat(lines.get(i))
                    .as(at)
                    .startsWith(entry[0] + " × " + names.get(entry[1]))
                    .matches(".*: ₹[\\d,]+");
        }
        assertThat(chat.boldOfNewestCart()).as(at).anyMatch(b -> b.matches("(Total|कुल): ₹[\\d,]+"));
    }

    private void expectOrder(String name, List<String> items) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> ordered = new ArrayList<>();
            for (JsonNode order : parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()))) {
                if (name.equals(order.at("/customer/name").asString())) {
                    order.get("items")
                            .forEach(i -> ordered.add(i.get("quantity").asInt() + " "
                                    + i.get("itemId").asString()));
                }
            }
            assertThat(ordered).isEqualTo(items);
        });
    }

    /** What a customer would notice at a glance after any turn. */
    private static void expectReadable(WebChatPage chat, String at) {
        chat.botTexts()
                .forEach(text -> assertThat(JUNK.matcher(text).find())
                        .as(at + "junk in: " + text)
                        .isFalse());
        assertThat(chat.page().locator(".choices button").allInnerTexts())
                .as(at)
                .allSatisfy(title -> assertThat(title).isNotBlank().doesNotContainPattern(JUNK.pattern()));
        assertThat(chat.overflowing()).as(at).isEmpty();
        assertThat(chat.scrolledToNewest())
                .as(at + "the newest reply is out of view")
                .isTrue();
        assertThat(chat.inputFocused()).as(at + "the message box lost focus").isTrue();
    }

    @Test
    void devanagariIsDrawnWithADevanagariFont() {
        try (WebChatPage chat = open(WebChatPage.Screen.PHONE, customerName())) {
            chat.say("एक चिकन बिरयानी और दो गार्लिक नान");
            chat.screenshot("pilot-390-devanagari-font.png");
            // a missing font draws boxes in the page's Latin font; a customer cannot read those
            assertThat(chat.fontsOfNewest())
                    .anyMatch(family -> family.toLowerCase(Locale.ROOT).contains("devanagari"));
        }
    }

    /**
     * Messages typed while the phone is offline are kept, marked as not sent yet, and sent in order
     * once it is back; a reload keeps the conversation as it was, the customer's own messages too.
     */
    @Test
    void messagesTypedOfflineAreSentOnReconnectAndAReloadKeepsTheConversation() {
        try (WebChatPage chat = open(WebChatPage.Screen.PHONE, customerName())) {
            chat.say("2 paneer tikka and 1 chicken 65");
            chat.expectStatus("online");

            chat.context().setOffline(true);
            chat.expectStatus("reconnecting…");
            int before = chat.bots().count();
            chat.page().locator("#text").fill("one more paneer tikka");
            chat.page().locator("#text").press("Enter");
            chat.page().locator("#text").fill("1 masala chai");
            chat.page().locator("#text").press("Enter");
            Locator waiting = chat.page().locator(".msg.me.pending");
            PlaywrightAssertions.assertThat(waiting).hasCount(2);
            chat.screenshot("pilot-390-offline.png");

            chat.context().setOffline(false);
            PlaywrightAssertions.assertThat(waiting).hasCount(0);
            chat.expectStatus("online");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(chat.shownCart())
                            .hasSize(3)
                            .satisfiesExactly(
                                    l -> assertThat(l).startsWith("3 × Paneer Tikka"),
                                    l -> assertThat(l).startsWith("1 × Chicken 65"),
                                    l -> assertThat(l).startsWith("1 × Masala Chai")));
            chat.settle();
            assertThat(chat.bots().count()).isGreaterThan(before);
            chat.screenshot("pilot-390-back-online.png");

            List<String> transcript = chat.transcript();
            chat.page().reload();
            chat.page().locator("#text").waitFor();
            chat.settle();
            assertThat(chat.transcript()).isEqualTo(transcript);
            assertThat(chat.scrolledToNewest()).isTrue();
            chat.screenshot("pilot-390-reloaded.png");

            chat.say("remove the chicken 65");
            assertThat(chat.shownCart())
                    .satisfiesExactly(
                            l -> assertThat(l).startsWith("3 × Paneer Tikka"),
                            l -> assertThat(l).startsWith("1 × Masala Chai"));
            assertThat(chat.errors).isEmpty();
        }
    }

    /** On a desktop the customer taps the choices; the message box is ready again after each tap. */
    @Test
    void tappingTheChoicesPlacesTheOrderAndKeepsTheMessageBoxReady() {
        String name = customerName();
        try (WebChatPage chat = open(WebChatPage.Screen.DESKTOP, name)) {
            chat.say("paneer butter masala and 3 butter naan");
            assertThat(chat.newestChoices()).contains("Confirm order");
            List<String> asked = chat.tap("Confirm order");
            assertThat(String.join("\n", asked)).contains("Where should we deliver");
            assertThat(chat.inputFocused()).as("focus after a tap").isTrue();
            chat.screenshot("pilot-1280-tap-confirm.png");
            List<String> placed = chat.tap("Pickup");
            assertThat(String.join("\n", placed)).contains("is placed").contains("Total: ₹479");
            assertThat(chat.inputFocused()).as("focus after a tap").isTrue();
            expectReadable(chat, "after the taps ");
            chat.screenshot("pilot-1280-tap-placed.png");
            expectOrder(name, List.of("1 paneer-butter-masala", "3 butter-naan"));
            assertThat(chat.errors).isEmpty();
        }
    }

    private WebChatPage open(WebChatPage.Screen screen, String name) {
        // every customer from an address of their own, as phones are: the chat limits new chats per address
        int n = CUSTOMERS.incrementAndGet();
        return WebChatPage.open(browser, port, slug, screen, "203.0.113." + n, name);
    }

    /** A first name of letters only, different for every customer, so orders can be told apart. */
    private static String customerName() {
        int n = CUSTOMERS.get() + 1;
        return "Asha " + (char) ('A' + n / 26) + (char) ('a' + n % 26);
    }

    private static String fileName(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The page shows WhatsApp's bold marks as bold, so the marks themselves are not in its text. */
    private static String plain(String part) {
        return part.replace("*", "");
    }
}
