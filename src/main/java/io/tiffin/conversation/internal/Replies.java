package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.dispatch.DeliveryTracking;
import io.tiffin.merchant.Merchant;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.PricedCart;
import io.tiffin.platform.text.MoneyText;
import io.tiffin.platform.text.Templates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders the bot's replies from the templates, in the session's language. */
@Component
class Replies {

    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";
    static final String PICKUP = "pickup";
    static final String ITEM_PREFIX = "item:";

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("h:mm a", java.util.Locale.ENGLISH);
    private static final java.util.Set<io.tiffin.ordering.OrderStatus> ON_THE_WAY = java.util.EnumSet.of(
            io.tiffin.ordering.OrderStatus.ACCEPTED, io.tiffin.ordering.OrderStatus.PREPARING,
            io.tiffin.ordering.OrderStatus.READY, io.tiffin.ordering.OrderStatus.PICKED_UP);

    private final Templates templates;
    private final DeliveryTracking deliveries;

    Replies(Templates templates, DeliveryTracking deliveries) {
        this.templates = templates;
        this.deliveries = deliveries;
    }

    /** One conversation turn: the merchant, the session and the menu the replies speak about. */
    record Turn(Merchant merchant, Session session, MenuSnapshot snapshot) {
        Menu menu() {
            return snapshot == null ? null : snapshot.menu();
        }

        Channel channel() {
            return Channel.valueOf(session.channel());
        }
    }

    OutboundMessage say(Turn turn, String key, Map<String, ?> model) {
        turn.session().said(key);
        return OutboundMessage.text(
                turn.channel(),
                turn.merchant().id(),
                turn.session().customerId(),
                templates.render(turn.session().language(), key, withDefaults(turn, model)));
    }

    OutboundMessage say(Turn turn, String key) {
        return say(turn, key, Map.of());
    }

    OutboundMessage cart(Turn turn, PricedCart cart, List<String> notes, boolean feeLater) {
        turn.session().said("cart");
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines(cart, turn.session().language()));
        model.put("charges", charges(turn, cart.charges(), cart.subtotal(), cart.currency()));
        model.put(
                "total",
                MoneyText.format(cart.total(), cart.currency(), turn.session().language()));
        model.put("notes", notes);
        model.put("feeLater", feeLater);
        String text = templates.render(turn.session().language(), "cart", withDefaults(turn, model));
        return new OutboundMessage(
                turn.channel(),
                turn.merchant().id(),
                turn.session().customerId(),
                text,
                List.of(
                        new Choice(CartStamp.confirmId(cart), button(turn, "confirm")),
                        new Choice(CANCEL, button(turn, "cancel"))),
                null);
    }

    OutboundMessage askAddress(Turn turn) {
        turn.session().said("ask_address");
        boolean pickup = turn.merchant().fulfilment().pickup();
        String text = templates.render(
                turn.session().language(), "ask_address", withDefaults(turn, Map.of("pickup", pickup)));
        List<Choice> buttons = pickup
                ? List.of(new Choice(PICKUP, button(turn, "pickup")), new Choice(CANCEL, button(turn, "cancel")))
                : List.of();
        return new OutboundMessage(
                turn.channel(), turn.merchant().id(), turn.session().customerId(), text, buttons, null);
    }

    /** Closed: when it opens next, as today / tomorrow / a weekday and a local time. */
    OutboundMessage closed(Turn turn, ZonedDateTime opens, Instant now) {
        Map<String, Object> model = new HashMap<>();
        if (opens != null) {
            LocalDate today = now.atZone(opens.getZone()).toLocalDate();
            long days = ChronoUnit.DAYS.between(today, opens.toLocalDate());
            model.put("time", opens.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
            model.put("today", days == 0);
            model.put("tomorrow", days == 1);
            model.put(
                    "weekday",
                    days > 1
                            ? templates.text(
                                    turn.session().language(),
                                    "weekdays." + opens.getDayOfWeek().name())
                            : "");
        }
        return say(turn, "closed", model);
    }

    OutboundMessage belowMinimum(Turn turn, long subtotal) {
        String currency = turn.merchant().currency();
        long minimum = turn.merchant().rules().minimumOrder();
        return say(
                turn,
                "below_minimum",
                Map.of(
                        "minimum",
                        MoneyText.format(minimum, currency, turn.session().language()),
                        "subtotal",
                        MoneyText.format(subtotal, currency, turn.session().language()),
                        "missing",
                        MoneyText.format(
                                minimum - subtotal, currency, turn.session().language())));
    }

    /** Outside the delivery radius: pickup offered as a button when the merchant allows it. */
    OutboundMessage outOfRange(Turn turn, Double distanceKm) {
        turn.session().said("out_of_range");
        boolean pickup = turn.merchant().fulfilment().pickup();
        Double radius = turn.merchant().rules().deliveryRadiusKm();
        String text = templates.render(
                turn.session().language(),
                "out_of_range",
                withDefaults(
                        turn,
                        Map.of(
                                "distance", distanceKm == null ? "" : String.format(Locale.ROOT, "%.1f", distanceKm),
                                "radius",
                                        radius == null
                                                ? ""
                                                : BigDecimal.valueOf(radius)
                                                        .stripTrailingZeros()
                                                        .toPlainString(),
                                "pickup", pickup)));
        List<Choice> buttons = pickup
                ? List.of(new Choice(PICKUP, button(turn, "pickup")), new Choice(CANCEL, button(turn, "cancel")))
                : List.of();
        return new OutboundMessage(
                turn.channel(), turn.merchant().id(), turn.session().customerId(), text, buttons, null);
    }

    OutboundMessage askPin(Turn turn, String address) {
        return say(turn, "address_pin", Map.of("address", address));
    }

    /** A question with one choice per candidate item, as buttons or a list depending on the channel. */
    OutboundMessage choose(Turn turn, String key, Map<String, ?> model, List<Choice> choices) {
        turn.session().said(key);
        String text = templates.render(turn.session().language(), key, withDefaults(turn, model));
        return new OutboundMessage(
                turn.channel(),
                turn.merchant().id(),
                turn.session().customerId(),
                text,
                choices.stream().limit(10).toList(),
                null);
    }

    OutboundMessage placed(Turn turn, Order order) {
        Map<String, Object> model = new HashMap<>();
        model.put("number", order.number());
        model.put(
                "lines",
                lines(
                        new PricedCart(order.currency(), order.items(), order.total()),
                        turn.session().language()));
        model.put("charges", charges(turn, order.charges(), order.subtotal(), order.currency()));
        model.put(
                "total",
                MoneyText.format(order.total(), order.currency(), turn.session().language()));
        model.put("needsLocation", order.needsLocation());
        boolean online = order.status() == io.tiffin.ordering.OrderStatus.AWAITING_PAYMENT;
        model.put("payment", templates.text(turn.session().language(), online ? "payment_online" : "payment_cash"));
        boolean delivery = order.fulfilment() == Order.FulfilmentType.DELIVERY;
        model.put("delivery", delivery);
        model.put("pickup", !delivery);
        model.put("address", delivery ? describe(order.deliveryAddress()) : "");
        // paid online, the order reaches the kitchen only once paid: the link follows from payment
        return say(turn, online ? "placed_pay_online" : "placed", model);
    }

    /** The order's status, and while a delivery is planned its live ETA (the plan's, not the kitchen's promise). */
    OutboundMessage status(Turn turn, Order order) {
        String statusText = templates.text(
                turn.session().language(), "status_text." + order.status().name());
        OutboundMessage status = say(turn, "status", Map.of("number", order.number(), "statusText", statusText));
        if (!ON_THE_WAY.contains(order.status())) {
            return status;
        }
        return deliveries
                .etaOf(order.merchantId(), order.id())
                .map(eta -> {
                    java.time.ZoneId zone = java.time.ZoneId.of(
                            turn.merchant().timezone() == null
                                    ? "UTC"
                                    : turn.merchant().timezone());
                    String etaText = templates.render(
                            turn.session().language(), "status_eta", Map.of("etaTime", TIME.format(eta.atZone(zone))));
                    return OutboundMessage.text(
                            status.channel(), status.merchantId(), status.to(), status.text() + " " + etaText);
                })
                .orElse(status);
    }

    /** A plain text of the templates (a tag's name), or the fallback when the templates have none. */
    String text(Turn turn, String key, String fallback) {
        try {
            return templates.text(turn.session().language(), key);
        } catch (IllegalStateException e) {
            return fallback;
        }
    }

    private String button(Turn turn, String name) {
        return templates.text(turn.session().language(), "buttons." + name);
    }

    static String describe(Order.Address address) {
        if (address == null) {
            return "";
        }
        if (address.text() != null && !address.text().isBlank()) {
            return address.text();
        }
        return String.format("📍 %.5f, %.5f", address.lat(), address.lng());
    }

    private List<Map<String, Object>> lines(PricedCart cart, String language) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (PricedCart.PricedLine line : cart.lines()) {
            Map<String, Object> row = new HashMap<>();
            row.put("quantity", line.quantity());
            row.put("name", line.name());
            row.put("options", optionSummary(language, line));
            row.put("lineTotal", MoneyText.format(line.lineTotal(), cart.currency(), language));
            // always present, so a line without a note never shows the message's own notes
            row.put("note", line.notes() == null ? "" : line.notes());
            // "no extra cheese": what the customer refused, so they see the kitchen was told
            row.put(
                    "declined",
                    String.join(
                            templates.text(language, "lists.separator"),
                            line.declined().stream()
                                    .map(d -> templates.render(
                                            language,
                                            "declined_option",
                                            Map.of(
                                                    "qualifier",
                                                    templates.text(
                                                            language,
                                                            "qualifiers."
                                                                    + d.qualifier()
                                                                            .name()),
                                                    "option",
                                                    d.name())))
                                    .toList()));
            lines.add(row);
        }
        return lines;
    }

    /** The items' subtotal then each charge, labelled in the customer's language; nothing when there are none. */
    private List<Map<String, Object>> charges(
            Turn turn, List<PricedCart.Charge> charges, long subtotal, String currency) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (charges.isEmpty()) {
            return rows;
        }
        String language = turn.session().language();
        rows.add(Map.of(
                "label",
                templates.text(language, "charges.subtotal"),
                "amount",
                MoneyText.format(subtotal, currency, language)));
        String percent =
                turn.merchant().rules().taxPercent().stripTrailingZeros().toPlainString();
        for (PricedCart.Charge charge : charges) {
            String label = templates.render(language, "charges." + charge.kind().name(), Map.of("percent", percent));
            rows.add(Map.of("label", label, "amount", MoneyText.format(charge.amount(), currency, language)));
        }
        return rows;
    }

    private Map<String, Object> withDefaults(Turn turn, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>();
        all.put("merchant", turn.merchant().name());
        all.put("customerName", turn.session().customerName());
        all.put("example", example(turn));
        all.putAll(model);
        return all;
    }

    /** An order a customer could type, made from this merchant's own menu, in the customer's language. */
    String example(Turn turn) {
        String language = turn.session().language();
        List<String> names = turn.menu() == null
                ? List.of()
                : turn.menu()
                        .items()
                        .filter(Menu.Item::isAvailable)
                        .map(i -> i.name().toLowerCase(Locale.ROOT))
                        .limit(2)
                        .toList();
        return switch (names.size()) {
            case 0 -> templates.text(language, "example_order.none");
            case 1 -> templates.render(language, "example_order.one", Map.of("first", names.get(0)));
            default ->
                templates.render(language, "example_order.two", Map.of("first", names.get(0), "second", names.get(1)));
        };
    }

    /** "A, B or C" in the customer's language (the joiners are the templates' {@code lists.*}). */
    String orList(Turn turn, List<String> names) {
        return list(turn.session().language(), "lists.or", names);
    }

    /** "A, B and C" in the customer's language. */
    String andList(Turn turn, List<String> names) {
        return list(turn.session().language(), "lists.and", names);
    }

    private String list(String language, String pattern, List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        String init = String.join(templates.text(language, "lists.separator"), names.subList(0, names.size() - 1));
        return templates.render(language, pattern, Map.of("init", init, "last", names.get(names.size() - 1)));
    }

    /**
     * What the customer reads after a line's name: the choices they made, not the defaults they kept,
     * with their qualifiers ("extra Cheese", "no Onions") in the customer's language.
     */
    String optionSummary(Turn turn, PricedCart.PricedLine line) {
        return optionSummary(turn.session().language(), line);
    }

    private String optionSummary(String language, PricedCart.PricedLine line) {
        return String.join(
                templates.text(language, "lists.separator"),
                line.options().stream()
                        .filter(PricedCart.PricedOption::shown)
                        .map(o -> o.qualifier() == null
                                ? o.name()
                                : templates.render(
                                        language,
                                        "qualified_option." + o.qualifier().name(),
                                        Map.of("option", o.name())))
                        .toList());
    }
}
