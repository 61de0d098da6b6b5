package io.tiffin.conversation.internal;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.ordering.PricedCart;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import io.tiffin.ordering.OrderRefusedException;
import io.tiffin.channel.Channel;
import io.tiffin.geocoding.Geocoder;
import io.tiffin.merchant.Merchant;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dialog: what the bot answers to one message, given the session. It changes the session (cart,
 * address, what it waits for) and returns the replies; it sends nothing itself. It routes by what
 * the customer is doing: questions go to {@link MenuAnswers}, cart edits to {@link CartEdits}, orders
 * to {@link CartSteps}; checking out (confirm, address, pickup, placing) and the last order are here.
 */
@Component
class Dialog {

    private static final int MIN_ADDRESS_LENGTH = 8;
    /** Channels on which a customer can send a location pin (the web chat through the browser). */
    private static final Set<Channel> PIN_CHANNELS = EnumSet.of(Channel.WHATSAPP, Channel.TELEGRAM, Channel.WEB);

    private final OrderParser parser;
    private final Ordering ordering;
    private final Replies replies;
    private final MenuTexts menuTexts;
    private final Geocoder geocoder;
    private final CartSteps steps;
    private final CartEdits edits;
    private final MenuAnswers answers;

    Dialog(OrderParser parser, Ordering ordering, Replies replies, MenuTexts menuTexts, Geocoder geocoder,
            CartSteps steps, CartEdits edits, MenuAnswers answers) {
        this.parser = parser;
        this.ordering = ordering;
        this.replies = replies;
        this.menuTexts = menuTexts;
        this.geocoder = geocoder;
        this.steps = steps;
        this.edits = edits;
        this.answers = answers;
    }

    List<OutboundMessage> respond(Turn turn, InboundMessage message) {
        return switch (message.kind()) {
            case LOCATION -> onLocation(turn, message.location());
            case BUTTON_REPLY, LIST_REPLY -> onChoice(turn, message.reply());
            case TEXT -> onText(turn, message.text());
            case IMAGE, VIDEO, DOCUMENT -> message.textContent() != null && !message.textContent().isBlank()
                    ? onText(turn, message.textContent()) : List.of(replies.say(turn, "media_unsupported"));
            case ORDER -> onCatalogCart(turn, message);
            default -> List.of(replies.say(turn, "media_unsupported"));
        };
    }

    /**
     * A typed message, by what the customer is doing: asking for the last order or its status,
     * asking about the menu, editing the cart, checking out, or ordering.
     */
    private List<OutboundMessage> onText(Turn turn, String text) {
        if (turn.menu() == null) {
            return List.of(replies.say(turn, "paused", Map.of("reason", "")));
        }
        ParseResult parsed = parser.parse(text, turn.snapshot());
        turn.session().speaks(parsed.language());
        Intent intent = parsed.intent();
        if (intent == Intent.REPEAT) {
            return turn.merchant().paused() ? List.of(paused(turn)) : repeatLastOrder(turn);
        }
        if (intent == Intent.STATUS) {
            return List.of(status(turn));
        }
        if (turn.merchant().paused()) {
            return List.of(paused(turn));
        }
        if (intent == Intent.QUESTION) {
            return answers.answer(turn, parsed.question());
        }
        // while an address is expected, "actually 42 MG Road" is an address; a line the cart has is still edited
        boolean addressExpected = turn.session().awaiting() == Session.Awaiting.ADDRESS;
        if (CartEdits.isEdit(parsed)
                && (!addressExpected || parsed.edit() == null || parsed.edit().target().isPronoun() || !parsed.lines().isEmpty())) {
            return edits.edit(turn, parsed, text);
        }
        return switch (intent) {
            case CANCEL -> {
                turn.session().clearCart();
                yield List.of(replies.say(turn, "cart_cleared"));
            }
            case PICKUP -> addressExpected ? place(turn, Order.FulfilmentType.PICKUP) : orderOrElse(turn, parsed, text);
            case CONFIRM -> confirm(turn);
            default -> orderOrElse(turn, parsed, text);
        };
    }

    /** Items named are ordered; else a kitchen note, an address while one is expected, or a plain intent. */
    private List<OutboundMessage> orderOrElse(Turn turn, ParseResult parsed, String text) {
        Intent intent = parsed.intent();
        if (!parsed.lines().isEmpty()) {
            turn.session().await(Session.Awaiting.NOTHING);
            return steps.addLines(turn, parsed);
        }
        // "less sugar" after "2 masala chai": a note for the kitchen on the last line
        if (parsed.note() != null && !turn.session().cart().isEmpty()) {
            turn.session().noteOnLastLine(parsed.note());
            return List.of(steps.cartReply(turn, List.of()));
        }
        // no menu item in it: while we wait for an address, that is the address ("42 Residency Road")
        if (turn.session().awaiting() == Session.Awaiting.ADDRESS
                && intent != Intent.MENU && intent != Intent.HELP && intent != Intent.GREETING) {
            return onTypedAddress(turn, text);
        }
        return switch (intent) {
            case MENU -> List.of(replies.say(turn, "menu", menuTexts.model(turn.menu())));
            case HELP -> List.of(replies.say(turn, "help"));
            case GREETING -> steps.closed(turn) ? List.of(replies.say(turn, "greeting"), steps.closedReply(turn))
                    : turn.session().cart().isEmpty() ? List.of(replies.say(turn, "greeting"))
                    : List.of(replies.say(turn, "greeting"), steps.cartReply(turn, List.of()));
            default -> parsed.unresolved().isEmpty() ? List.of(replies.say(turn, "not_understood"))
                    : steps.addLines(turn, parsed);
        };
    }

    private OutboundMessage paused(Turn turn) {
        return replies.say(turn, "paused", Map.of("reason", nullToEmpty(turn.merchant().pauseReason())));
    }

    private List<OutboundMessage> onChoice(Turn turn, InboundMessage.Reply reply) {
        String id = reply.id() == null ? "" : reply.id();
        if (id.equals(Replies.CONFIRM)) {
            return turn.merchant().paused() ? List.of(paused(turn)) : confirm(turn);
        }
        if (id.equals(Replies.CANCEL)) {
            turn.session().clearCart();
            return List.of(replies.say(turn, "cart_cleared"));
        }
        if (id.equals(Replies.PICKUP)) {
            return place(turn, Order.FulfilmentType.PICKUP);
        }
        if (id.startsWith(CartEdits.LINE_PREFIX) && turn.menu() != null) {
            return edits.onLineChosen(turn, id, t -> parser.parse(t, turn.snapshot()));
        }
        if (id.startsWith(Replies.ITEM_PREFIX) && turn.menu() != null) {
            ChoiceIds.Selection selection = ChoiceIds.parse(id);
            if (selection != null) {
                return steps.addLines(turn, new ParseResult(Intent.ORDER, List.of(selection.line()), List.of(), 1.0));
            }
        }
        return onText(turn, reply.title() == null ? id : reply.title());
    }

    private List<OutboundMessage> onLocation(Turn turn, InboundMessage.Location location) {
        String text = location.address() != null ? location.address() : location.name();
        turn.session().deliverTo(new Order.Address(text, location.latitude(), location.longitude()));
        if (turn.session().awaiting() == Session.Awaiting.ADDRESS) {
            return place(turn, Order.FulfilmentType.DELIVERY);
        }
        return List.of(replies.say(turn, "location_saved"));
    }

    /**
     * A typed address goes to the geocoder for coordinates. Not found (or no geocoder), the bot asks
     * once for a pin where the channel can send one; an address typed after that, or on a channel
     * without pins, is taken as written and the order reaches the board as "needs a location".
     */
    private List<OutboundMessage> onTypedAddress(Turn turn, String text) {
        String address = text.strip();
        if (address.length() < MIN_ADDRESS_LENGTH) {
            return List.of(replies.say(turn, "address_too_short"));
        }
        Merchant.GeoPoint at = turn.merchant().location();
        Optional<Geocoder.Place> found = geocoder.locate(address, at == null ? null : new Geocoder.Near(at.lat(), at.lng()));
        if (found.isPresent()) {
            turn.session().deliverTo(new Order.Address(address, found.get().lat(), found.get().lng()));
            return place(turn, Order.FulfilmentType.DELIVERY);
        }
        if (PIN_CHANNELS.contains(turn.channel()) && !turn.session().pinAsked()) {
            turn.session().askedForPin();
            return List.of(replies.askPin(turn, address));
        }
        turn.session().deliverTo(new Order.Address(address, null, null));
        return place(turn, Order.FulfilmentType.DELIVERY);
    }

    private List<OutboundMessage> onCatalogCart(Turn turn, InboundMessage message) {
        List<ParseResult.Line> lines = message.cartItems().stream()
                .filter(i -> turn.menu() != null && turn.menu().item(i.productRetailerId()).isPresent())
                .map(i -> new ParseResult.Line(i.productRetailerId(), Math.max(1, i.quantity()), List.of(), null))
                .toList();
        if (lines.isEmpty()) {
            return List.of(replies.say(turn, "not_understood"));
        }
        return steps.addLines(turn, new ParseResult(Intent.ORDER, lines, List.of(), 1.0));
    }

    /** "Same again": the last order's lines as asked for then, priced from today's menu; what is gone is named. */
    private List<OutboundMessage> repeatLastOrder(Turn turn) {
        if (steps.closed(turn)) {
            return List.of(steps.closedReply(turn));
        }
        Session session = turn.session();
        Optional<Order> last = ordering.latestOf(turn.merchant().id(), session.channel(), session.customerId());
        if (last.isEmpty()) {
            return List.of(replies.say(turn, "no_orders"));
        }
        List<LineRequest> lines = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (PricedCart.PricedLine line : last.get().items()) {
            LineRequest request = new LineRequest(line.itemId(), line.quantity(), line.options().stream()
                    .filter(PricedCart.PricedOption::shown) // defaults come from today's menu
                    .map(o -> new LineRequest.OptionRequest(o.groupId(), o.optionId(), o.qualifier())).toList(), line.notes());
            try {
                Pricing.priceLine(turn.menu(), request);
                lines.add(request);
            } catch (PricingException e) {
                dropped.add(line.name());
            }
        }
        session.add(lines);
        session.await(Session.Awaiting.NOTHING);
        List<String> notes = dropped.isEmpty() ? List.of()
                : List.of(replies.say(turn, "repeat_dropped", Map.of("items", MenuTexts.andList(dropped))).text());
        if (session.cart().isEmpty()) {
            List<OutboundMessage> out = new ArrayList<>();
            notes.forEach(n -> out.add(OutboundMessage.text(turn.channel(), turn.merchant().id(), session.customerId(), n)));
            out.add(replies.say(turn, "cart_empty"));
            return out;
        }
        return List.of(steps.cartReply(turn, notes));
    }

    private List<OutboundMessage> confirm(Turn turn) {
        Session session = turn.session();
        if (steps.closed(turn)) {
            return List.of(steps.closedReply(turn));
        }
        if (session.cart().isEmpty()) {
            return List.of(replies.say(turn, "cart_empty"));
        }
        long subtotal = steps.price(turn).subtotal();
        if (subtotal < turn.merchant().rules().minimumOrder()) {
            return List.of(replies.belowMinimum(turn, subtotal));
        }
        var fulfilment = turn.merchant().fulfilment();
        if (!fulfilment.delivery()) {
            return place(turn, Order.FulfilmentType.PICKUP);
        }
        if (session.address() == null) {
            session.await(Session.Awaiting.ADDRESS);
            return List.of(replies.askAddress(turn));
        }
        return place(turn, Order.FulfilmentType.DELIVERY);
    }

    private List<OutboundMessage> place(Turn turn, Order.FulfilmentType type) {
        Session session = turn.session();
        if (session.cart().isEmpty()) {
            session.await(Session.Awaiting.NOTHING);
            return List.of(replies.say(turn, "cart_empty"));
        }
        try {
            Order order = ordering.place(new PlaceOrder(turn.merchant().id(), session.channel(),
                    session.customer(), session.cart(), type,
                    type == Order.FulfilmentType.DELIVERY ? session.address() : null, session.placementKey(),
                    session.language()));
            session.placed(order.id());
            session.deliverTo(null);
            return List.of(replies.placed(turn, order));
        } catch (OrderRefusedException e) {
            return refused(turn, e);
        } catch (PricingException e) {
            session.remove(List.of(e.itemId()));
            session.await(Session.Awaiting.NOTHING);
            return session.cart().isEmpty() ? List.of(replies.say(turn, "cart_empty"))
                    : List.of(steps.cartReply(turn, List.of(steps.pricingNote(turn, e))));
        }
    }

    /** The store rules said no when placing: say why, and keep the cart for what the customer does next. */
    private List<OutboundMessage> refused(Turn turn, OrderRefusedException e) {
        Session session = turn.session();
        return switch (e.reason()) {
            case CLOSED -> {
                session.await(Session.Awaiting.NOTHING);
                yield List.of(steps.closedReply(turn));
            }
            case BELOW_MINIMUM -> {
                session.await(Session.Awaiting.NOTHING);
                yield List.of(replies.belowMinimum(turn, steps.price(turn).subtotal()));
            }
            case OUT_OF_RANGE -> {
                Double distance = CartSteps.distanceKm(turn.merchant(), session.address());
                session.deliverTo(null);
                session.await(Session.Awaiting.ADDRESS);
                yield List.of(replies.outOfRange(turn, distance));
            }
        };
    }

    private OutboundMessage status(Turn turn) {
        Session s = turn.session();
        return ordering.latestOf(turn.merchant().id(), s.channel(), s.customerId())
                .map(order -> replies.status(turn, order))
                .orElseGet(() -> replies.say(turn, "no_orders"));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
