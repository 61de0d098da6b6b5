package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Media;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.support.BoardRoutes;
import io.tiffin.support.BrowserTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The board as a kitchen sees it on a 1280×800 tablet, a 1024×768 tablet and a phone, and the
 * printed kitchen ticket. Orders are placed straight through the ordering API (no chat needed to
 * fill a board), then moved along the columns through the merchant API.
 */
class MerchantBoardLayoutBrowserTest extends BrowserTestSupport {

    static final Pattern UUID_LIKE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final String LONG_NAME = "Venkatanarasimha Rajuvaripeta Subrahmanyam Lakshminarayana";
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    private Ordering ordering;

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = newMerchant("Layout Test Kitchen");
        stubGraphApi(merchant);
    }

    @Test
    void aBusyBoardShowsSeveralCompactCardsPerColumnAtEverySize() {
        Order webGuest = place("WEB", UUID.randomUUID().toString(), null, line("dal-makhani", 1, null));
        Order longName = place(
                "WHATSAPP",
                newCustomer(),
                LONG_NAME,
                line("butter-chicken", 2, "less spicy"),
                line("garlic-naan", 3, null));
        place("WHATSAPP", newCustomer(), "Asha", line("chicken-biryani", 1, null), line("mango-lassi", 2, null));
        place("WHATSAPP", newCustomer(), "Ravi", line("paneer-tikka", 1, null));
        place("WHATSAPP", newCustomer(), null, line("chole", 2, null), line("tandoori-roti", 4, null));
        for (String step : List.of("accepted", "preparing", "ready")) {
            for (int i = 0; i < 4; i++) {
                Order order = place(
                        "WHATSAPP",
                        newCustomer(),
                        "Guest " + step + " " + i,
                        line("veg-biryani", 1, null),
                        line("sweet-lassi", 1 + i, null),
                        line("gulab-jamun", 2, null));
                moveTo(order, step);
            }
        }

        tablet();
        BoardRoutes.withUnverifiedWebCustomers(context, json);
        page = context.newPage();
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        page.locator(".column[data-column=ready] .card").nth(3).waitFor();
        acknowledgeAlert();

        // 1280×800: one header row, at least three whole cards in every column of four or more
        assertThat(page.locator("header.top").boundingBox().height)
                .as("header height at 1280x800")
                .isLessThan(64);
        assertHeaderIsOneRow();
        for (String column : List.of("new", "accepted", "preparing", "ready")) {
            assertThat(page.locator(".column[data-column=" + column + "] .count")
                            .textContent())
                    .isNotEqualTo("0");
            assertThat(wholeCardsVisible(column))
                    .as("whole cards visible in " + column + " at 1280x800")
                    .isGreaterThanOrEqualTo(3);
        }
        assertThat(page.locator(".column[data-column=new] .count").textContent())
                .isEqualTo("5");

        // names: never a raw id; a web chat guest is "Web guest"; a long name ends in an ellipsis
        for (String shown : page.locator(".card-customer").allTextContents()) {
            assertThat(UUID_LIKE.matcher(shown).find())
                    .as("customer shown as " + shown)
                    .isFalse();
        }
        assertThat(cardOf(webGuest).locator(".card-customer").textContent()).isEqualTo("Web guest");
        assertThat(cardOf(webGuest).locator(".badge").allTextContents()).contains("Unverified");
        assertThat(cardOf(longName).locator(".badge").allTextContents()).doesNotContain("Unverified");
        Locator longCustomer = cardOf(longName).locator(".card-customer");
        assertThat(longCustomer.textContent()).isEqualTo(LONG_NAME);
        String cut = "e => e.scrollWidth > e.clientWidth && getComputedStyle(e).textOverflow === 'ellipsis'";
        // the card's width settles once the columns are laid out; a timeout here means the name was never cut
        page.waitForCondition(() -> Boolean.TRUE.equals(longCustomer.evaluate(cut)));
        assertThat(longCustomer.evaluate(cut))
                .as("a long name is cut with an ellipsis")
                .isEqualTo(true);
        assertThat(longCustomer.boundingBox().height)
                .as("a long name stays on one line")
                .isLessThan(30);
        screenshot(page, "board-1280x800.png");

        // the dialog: Accept, Reject and Print stay in view while the body scrolls
        openOrder(longName);
        assertThat(page.locator("#order-body [data-field=customer]").textContent())
                .contains(LONG_NAME);
        assertActionsInView(800);
        screenshot(page, "order-1280x800.png");
        page.keyboard().press("Escape");

        page.setViewportSize(1024, 768);
        assertThat(page.locator("header.top").boundingBox().height)
                .as("header height at 1024x768")
                .isLessThan(64);
        assertHeaderIsOneRow();
        for (String column : List.of("new", "accepted", "preparing", "ready")) {
            assertThat(wholeCardsVisible(column))
                    .as("whole cards visible in " + column + " at 1024x768")
                    .isGreaterThanOrEqualTo(3);
        }
        assertThat(
                        page.evaluate(
                                "() => [...document.querySelectorAll('.card-meta')].every((m) => m.scrollWidth <= m.clientWidth + 1)"))
                .as("card details fit their card at 1024x768")
                .isEqualTo(true);
        screenshot(page, "board-1024x768.png");
        openOrder(webGuest);
        assertActionsInView(768);
        screenshot(page, "order-1024x768.png");
        page.keyboard().press("Escape");

        page.setViewportSize(390, 844);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth"))
                .as("no sideways scrolling on a phone")
                .isEqualTo(390);
        assertThat(wholeCardsVisible("new"))
                .as("new orders visible first on a phone")
                .isGreaterThanOrEqualTo(2);
        assertThat(
                        page.evaluate(
                                "() => [...document.querySelectorAll('.card, header.top')].every((e) => e.getBoundingClientRect().right <= innerWidth)"))
                .as("cards and header fit the phone's width")
                .isEqualTo(true);
        assertThat(page.locator("header.top").boundingBox().height)
                .as("header height on a phone")
                .isLessThan(130);
        screenshot(page, "board-390x844.png");
        fullScreenshot(page, "board-390x844-full.png");
        openOrder(longName);
        assertActionsInView(844);
        screenshot(page, "order-390x844.png");
    }

    @Test
    void theKitchenTicketPrintsEveryLineOn80mmPaper() throws Exception {
        String phone = newCustomer();
        Order order = place(
                "WHATSAPP",
                phone,
                "Asha",
                line("butter-chicken", 2, "less spicy", new OptionRequest("portion", "full", null)),
                line("garlic-naan", 3, null),
                line("chicken-biryani", 1, null, new OptionRequest("addons", "raita", null)));
        Order pickup = ordering.place(new PlaceOrder(
                merchant.id(),
                "WEB",
                new Order.Customer(UUID.randomUUID().toString(), null),
                List.of(
                        line("masala-chai", 2, "no sugar"),
                        new LineRequest(
                                "margherita-pizza",
                                1,
                                List.of(),
                                null,
                                List.of(new OptionRequest("toppings", "cheese", LineRequest.Qualifier.EXTRA)))),
                Order.FulfilmentType.PICKUP,
                null,
                UUID.randomUUID().toString()));
        // orders carrying a line "note" and server-priced charges (delivery fee, tax) render them as well
        tablet();
        BoardRoutes.withChargesAndNote(context, json, order.id(), "well done");
        page = context.newPage();
        page.addInitScript("window.print = () => { window.__printed = (window.__printed || 0) + 1; };");
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        cardOf(order).waitFor();
        acknowledgeAlert();

        openOrder(order);
        assertThat(page.locator("#order-body tfoot").textContent())
                .contains("Items", "Delivery fee", "GST 5%", "Total");
        page.locator("#order-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Print ticket"))
                .click();
        assertThat(page.evaluate("() => window.__printed")).isEqualTo(1);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));

        Locator ticket = page.locator("#ticket");
        assertThat(ticket.isVisible()).isTrue();
        assertThat(page.locator("#app").isVisible())
                .as("only the ticket prints")
                .isFalse();
        String text = ticket.innerText();
        assertThat(text).doesNotContain("[object", "null", "undefined");
        String placed =
                DateTimeFormatter.ofPattern("H:mm").format(order.createdAt().atZone(KOLKATA));
        assertThat(text)
                .contains(
                        "#" + order.number(),
                        "Layout Test Kitchen",
                        "DELIVERY",
                        "Placed",
                        placed,
                        "Customer: Asha · +" + phone,
                        "Deliver to: 42 Residency Road",
                        "2 × Butter Chicken",
                        "Full",
                        "NOTE: less spicy",
                        "3 × Garlic Naan",
                        "NOTE: well done",
                        "1 × Chicken Biryani",
                        "Raita",
                        "Delivery fee",
                        "30.00",
                        "GST 5%",
                        "TOTAL",
                        rupees(order.total() + 3000 + 1500),
                        "Cash on delivery");
        assertThat(page.locator("#ticket .line").first().textContent())
                .contains("2 × Butter Chicken", rupees(order.items().getFirst().lineTotal()));
        // every item line is there once, in order
        assertThat(text.indexOf("2 × Butter Chicken")).isLessThan(text.indexOf("3 × Garlic Naan"));
        assertThat(text.indexOf("3 × Garlic Naan")).isLessThan(text.indexOf("1 × Chicken Biryani"));

        // 80 mm wide: the ticket box and the printed page; the number in large type
        assertThat((Number) ticket.evaluate("e => e.getBoundingClientRect().width"))
                .satisfies(width -> assertThat(width.doubleValue()).isBetween(300.0, 304.0));
        assertThat((Number) page.locator("#ticket .ticket-number")
                        .evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
                .satisfies(size -> assertThat(size.doubleValue())
                        .as("order number font size")
                        .isGreaterThanOrEqualTo(36.0));
        assertThat((Number)
                        page.locator("#ticket .line").first().evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
                .satisfies(size -> assertThat(size.doubleValue()).isLessThan(20.0));
        fullScreenshot(page, "ticket-print.png");
        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(false));
        Files.write(SHOTS.resolve("ticket.pdf"), pdf);
        assertThat(mediaBox(pdf)[0])
                .as("PDF page width in points (80 mm = 226.8 pt)")
                .isBetween(225.0, 228.5);
        assertThat(pages(pdf))
                .as("the ticket prints on one page as long as itself")
                .isEqualTo(1);
        double ticketPoints =
                ((Number) ticket.evaluate("e => e.getBoundingClientRect().height")).doubleValue() * 72 / 96;
        assertThat(mediaBox(pdf)[1]).isBetween(ticketPoints, ticketPoints + 20);

        // a pickup from a web chat guest: no address, pickup said plainly, the note on its line
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        page.keyboard().press("Escape");
        // a refused extra ("no extra cheese") reads as text on the card's badge, the order and the ticket
        assertThat(cardOf(pickup).textContent()).contains("Note");
        openOrder(pickup);
        assertThat(page.locator("#order-body [data-field=declined]").textContent())
                .isEqualTo("no extra Cheese");
        page.locator("#order-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Print ticket"))
                .click();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        String pickupText = ticket.innerText();
        assertThat(pickupText)
                .contains(
                        "#" + pickup.number(),
                        "PICKUP",
                        "Customer: Web guest",
                        "Pickup: At the counter",
                        "2 × Masala Chai",
                        "NOTE: no sugar",
                        "1 × Margherita Pizza",
                        "NO EXTRA CHEESE",
                        "Cash at pickup",
                        "TOTAL");
        assertThat(UUID_LIKE.matcher(pickupText).find()).isFalse();
        assertThat(pickupText).doesNotContain("Items", "null");
    }

    // ---------- helpers ----------

    LineRequest line(String itemId, int quantity, String notes, OptionRequest... options) {
        return new LineRequest(itemId, quantity, List.of(options), notes);
    }

    Order place(String channel, String customerId, String name, LineRequest... lines) {
        return ordering.place(new PlaceOrder(
                merchant.id(),
                channel,
                new Order.Customer(customerId, name),
                List.of(lines),
                Order.FulfilmentType.DELIVERY,
                new Order.Address("42 Residency Road", 12.9716, 77.5946),
                UUID.randomUUID().toString()));
    }

    void moveTo(Order order, String step) {
        String base = "/api/v1/merchants/" + merchant.id() + "/orders/" + order.id();
        assertThat(postJson(base + "/accept", merchant.ownerToken(), "{\"prepMinutes\":20}")
                        .statusCode())
                .isEqualTo(200);
        if (step.equals("preparing") || step.equals("ready")) {
            assertThat(postJson(base + "/preparing", merchant.ownerToken(), "{}")
                            .statusCode())
                    .isEqualTo(200);
        }
        if (step.equals("ready")) {
            assertThat(postJson(base + "/ready", merchant.ownerToken(), "{}").statusCode())
                    .isEqualTo(200);
        }
    }

    void acknowledgeAlert() {
        if (page.locator("#alert-banner").isVisible()) {
            page.locator("#alert-banner").click();
        }
    }

    Locator cardOf(Order order) {
        return page.locator(".card[data-order-id='" + order.id() + "']");
    }

    void openOrder(Order order) {
        cardOf(order).locator(".card-open").click();
        page.locator("#order-dialog[open]").waitFor();
    }

    /** Cards of a column whose whole box is on screen, inside the column's scroll area. */
    int wholeCardsVisible(String column) {
        return ((Number) page.evaluate("""
                column => {
                  const list = document.querySelector(`.column[data-column="${column}"] .cards`);
                  const area = list.getBoundingClientRect();
                  const bottom = Math.min(area.bottom, window.innerHeight), top = Math.max(area.top, 0);
                  return [...list.querySelectorAll('.card')].filter((c) => {
                    const r = c.getBoundingClientRect();
                    return r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1;
                  }).length;
                }""", column)).intValue();
    }

    void assertHeaderIsOneRow() {
        List<BoundingBox> parts = new ArrayList<>();
        for (String part : List.of("header.top .brand", "header.top .tabs", "header.top .top-actions")) {
            parts.add(page.locator(part).boundingBox());
        }
        double firstTop = parts.getFirst().y;
        for (BoundingBox box : parts) {
            assertThat(Math.abs(box.y + box.height / 2 - (firstTop + parts.getFirst().height / 2)))
                    .as("header parts share one row")
                    .isLessThan(12);
        }
    }

    void assertActionsInView(int viewportHeight) {
        // actions not offered in the order's state are hidden; the dialog may still be filling in
        Locator buttons = page.locator("#order-actions button:visible");
        buttons.first().waitFor();
        page.waitForTimeout(300);
        for (int i = 0; i < buttons.count(); i++) {
            BoundingBox box = buttons.nth(i).boundingBox();
            if (box == null) {
                continue; // hidden between count() and here by a re-render
            }
            assertThat(box.y)
                    .as("top of action " + buttons.nth(i).textContent())
                    .isGreaterThanOrEqualTo(0);
            assertThat(box.y + box.height)
                    .as("bottom of action " + buttons.nth(i).textContent())
                    .isLessThanOrEqualTo(viewportHeight);
        }
        assertThat(page.locator("#order-dialog")
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Print ticket"))
                        .isVisible())
                .isTrue();
    }

    static String rupees(long paise) {
        return new DecimalFormat("#,##0.00").format(paise / 100.0);
    }

    /** Width and height in points of the first page's MediaBox: Chromium writes it uncompressed. */
    static double[] mediaBox(byte[] pdf) {
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*]")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        assertThat(box.find()).as("a MediaBox in the PDF").isTrue();
        return new double[] {
            Double.parseDouble(box.group(3)) - Double.parseDouble(box.group(1)),
            Double.parseDouble(box.group(4)) - Double.parseDouble(box.group(2))
        };
    }

    static long pages(byte[] pdf) {
        return Pattern.compile("/Type\\s*/Page(?![s\\w])")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1))
                .results()
                .count();
    }
}
