package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
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
import io.tiffin.merchant.StoreRules;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dialog: what the bot answers to one message, given the session. It changes the session (cart,
 * address, what it waits for) and returns the replies; it sends nothing itself.
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
    private final PaymentChoice payments;
    private final EmailQuestion emails;
    private final Clock clock;
    private final EditPhrases phrases = EditPhrases.load();

    Dialog(OrderParser parser, Ordering ordering, Replies replies, MenuTexts menuTexts, Geocoder geocoder,
            PaymentChoice payments, EmailQuestion emails, Clock clock) {
        this.payments = payments;
        this.emails = emails;
        this.parser = parser;
        this.ordering = ordering;
        this.replies = replies;
        this.menuTexts = menuTexts;
        this.geocoder = geocoder;
        this.clock = clock;
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

    private List<OutboundMessage> onText(Turn turn, String text) {
        turn.session().speaks(Languages.of(text, turn.session().language()));
        if (turn.menu() == null) {
            return List.of(replies.say(turn, "paused", Map.of("reason", "")));
        }
        ParseResult parsed = parser.parse(text, turn.snapshot());
        Intent intent = parsed.intent();
        // before STATUS: "repeat my last order" names the last order without asking about it
        if (parsed.lines().isEmpty() && phrases.isRepeat(text)) {
            return turn.merchant().paused()
                    ? List.of(replies.say(turn, "paused", Map.of("reason", nullToEmpty(turn.merchant().pauseReason()))))
                    : repeatLastOrder(turn);
        }
        if (intent == Intent.STATUS) {
            return List.of(status(turn));
        }
        if (turn.merchant().paused()) {
            return List.of(replies.say(turn, "paused", Map.of("reason", nullToEmpty(turn.merchant().pauseReason()))));
        }
        // while an address is expected, "actually 42 MG Road" is an address: only "make ..." corrects then
        boolean addressExpected = turn.session().awaiting() == Session.Awaiting.ADDRESS
                && !EditPhrases.normalize(text).startsWith(" make ");
        Optional<Correction> correction = intent == Intent.REMOVE || addressExpected ? Optional.empty()
                : Correction.of(text, parsed, turn.session().cart(), turn.menu(), phrases);
        if (correction.isPresent()) {
            return correct(turn, correction.get());
        }
        if (intent == Intent.CANCEL) {
            turn.session().clearCart();
            return List.of(replies.say(turn, "cart_cleared"));
        }
        Order.FulfilmentType paying = payments.answer(turn, text);
        if (paying == null) {
            paying = emails.answer(turn, text);
        }
        if (paying != null) {
            return place(turn, paying);
        }
        if (isPickup(turn, text) && turn.session().awaiting() == Session.Awaiting.ADDRESS) {
            return place(turn, Order.FulfilmentType.PICKUP);
        }
        if (intent == Intent.CONFIRM) {
            return confirm(turn);
        }
        if (intent == Intent.REMOVE) {
            return remove(turn, parsed);
        }
        if (!parsed.lines().isEmpty()) {
            turn.session().await(Session.Awaiting.NOTHING);
            return addLines(turn, parsed);
        }
        // "less sugar" after "2 masala chai": a note for the kitchen on the last line
        if (parsed.note() != null && !turn.session().cart().isEmpty()) {
            turn.session().noteOnLastLine(parsed.note());
            return List.of(cartReply(turn, List.of()));
        }
        // no menu item in it: while we wait for an address, that is the address ("42 Residency Road")
        if (turn.session().awaiting() == Session.Awaiting.ADDRESS
                && intent != Intent.MENU && intent != Intent.HELP && intent != Intent.GREETING) {
            return onTypedAddress(turn, text);
        }
        return switch (intent) {
            case MENU -> List.of(replies.say(turn, "menu", menuTexts.model(turn.menu())));
            case HELP -> List.of(replies.say(turn, "help"));
            case GREETING -> closed(turn) ? List.of(replies.say(turn, "greeting"), closedReply(turn))
                    : turn.session().cart().isEmpty() ? List.of(replies.say(turn, "greeting"))
                    : List.of(replies.say(turn, "greeting"), cartReply(turn, List.of()));
            default -> parsed.unresolved().isEmpty() ? List.of(replies.say(turn, "not_understood"))
                    : addLines(turn, parsed);
        };
    }

    private List<OutboundMessage> onChoice(Turn turn, InboundMessage.Reply reply) {
        String id = reply.id() == null ? "" : reply.id();
        Order.FulfilmentType paying = payments.answer(turn, id);
        if (paying == null) {
            paying = emails.answer(turn, id);
        }
        if (paying != null) {
            return place(turn, paying);
        }
        if (id.equals(Replies.CONFIRM)) {
            return turn.merchant().paused()
                    ? List.of(replies.say(turn, "paused", Map.of("reason", nullToEmpty(turn.merchant().pauseReason()))))
                    : confirm(turn);
        }
        if (id.equals(Replies.CANCEL)) {
            turn.session().clearCart();
            return List.of(replies.say(turn, "cart_cleared"));
        }
        if (id.equals(Replies.PICKUP)) {
            return place(turn, Order.FulfilmentType.PICKUP);
        }
        if (id.startsWith(Replies.ITEM_PREFIX) && turn.menu() != null) {
            ChoiceIds.Selection selection = ChoiceIds.parse(id);
            if (selection != null) {
                return addLines(turn, new ParseResult(Intent.ADD, List.of(selection.line()), List.of(), 1.0));
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
        return addLines(turn, new ParseResult(Intent.ORDER, lines, List.of(), 1.0));
    }

    private List<OutboundMessage> addLines(Turn turn, ParseResult parsed) {
        if (closed(turn)) {
            return List.of(closedReply(turn));
        }
        List<String> notes = new ArrayList<>();
        List<LineRequest> accepted = new ArrayList<>();
        OutboundMessage question = null;
        for (ParseResult.Line line : parsed.lines()) {
            LineRequest request = toRequest(line);
            try {
                Pricing.priceLine(turn.menu(), request);
                accepted.add(request);
            } catch (PricingException e) {
                if (e.reason() == PricingException.Reason.MISSING_CHOICE && question == null) {
                    question = askChoice(turn, request);
                } else {
                    notes.add(pricingNote(turn, e));
                }
            }
        }
        for (ParseResult.Unresolved unresolved : parsed.unresolved()) {
            if (unresolved.reason() == ParseResult.Reason.MISSING_CHOICE) {
                continue; // the line is kept without the choice; pricing it above asked for it
            }
            if (question == null && unresolved.reason() == ParseResult.Reason.AMBIGUOUS) {
                question = unresolvedReply(turn, unresolved);
            } else {
                notes.add(unresolvedReply(turn, unresolved).text());
            }
        }
        turn.session().add(accepted);
        List<OutboundMessage> out = new ArrayList<>();
        // an unchanged cart is not worth repeating when all we need is an answer to a question
        boolean showCart = !turn.session().cart().isEmpty() && (!accepted.isEmpty() || question == null);
        if (showCart) {
            out.add(cartReply(turn, notes));
        } else {
            notes.forEach(n -> out.add(OutboundMessage.text(turn.channel(), turn.merchant().id(), turn.session().customerId(), n)));
        }
        if (question != null) {
            out.add(question);
        }
        if (out.isEmpty()) {
            out.add(replies.say(turn, "not_understood"));
        }
        return out;
    }

    private List<OutboundMessage> remove(Turn turn, ParseResult parsed) {
        List<String> ids = parsed.lines().stream().map(ParseResult.Line::itemId).distinct().toList();
        List<String> removed = turn.session().remove(ids);
        List<OutboundMessage> out = new ArrayList<>();
        if (removed.isEmpty()) {
            out.add(replies.say(turn, "not_in_cart", Map.of("items", names(turn.menu(), ids))));
        } else {
            out.add(replies.say(turn, "removed", Map.of("items", names(turn.menu(), removed))));
        }
        out.add(turn.session().cart().isEmpty() ? replies.say(turn, "cart_empty") : cartReply(turn, List.of()));
        return out;
    }

    private List<OutboundMessage> correct(Turn turn, Correction correction) {
        try {
            Pricing.priceLine(turn.menu(), correction.line());
        } catch (PricingException e) {
            return List.of(cartReply(turn, List.of(pricingNote(turn, e))));
        }
        turn.session().replace(correction.index(), correction.line());
        turn.session().await(Session.Awaiting.NOTHING);
        return List.of(cartReply(turn, List.of()));
    }

    /** "Same again": the last order's lines as asked for then, priced from today's menu; what is gone is named. */
    private List<OutboundMessage> repeatLastOrder(Turn turn) {
        if (closed(turn)) {
            return List.of(closedReply(turn));
        }
        Session session = turn.session();
        Optional<Order> last = ordering.latestOf(turn.merchant().id(), session.channel(), session.customerId(),
                session.verifiedPhone());
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
        return List.of(cartReply(turn, notes));
    }

    private List<OutboundMessage> confirm(Turn turn) {
        Session session = turn.session();
        if (closed(turn)) {
            return List.of(closedReply(turn));
        }
        if (session.cart().isEmpty()) {
            return List.of(replies.say(turn, "cart_empty"));
        }
        long subtotal = price(turn).subtotal();
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
            // asked before placing, once each: how to pay (when the merchant takes both), an email for receipts
            Optional<OutboundMessage> question = payments.ask(turn, type).or(() -> emails.ask(turn, type));
            if (question.isPresent()) {
                return List.of(question.get());
            }
            Order order = ordering.place(new PlaceOrder(turn.merchant().id(), session.channel(),
                    session.customer(), session.cart(), type,
                    type == Order.FulfilmentType.DELIVERY ? session.address() : null, session.placementKey(),
                    session.language(), session.payment()));
            session.placed(order.id());
            session.deliverTo(null);
            return List.of(replies.placed(turn, order));
        } catch (OrderRefusedException e) {
            return refused(turn, e);
        } catch (PricingException e) {
            session.remove(List.of(e.itemId()));
            session.await(Session.Awaiting.NOTHING);
            return session.cart().isEmpty() ? List.of(replies.say(turn, "cart_empty"))
                    : List.of(cartReply(turn, List.of(pricingNote(turn, e))));
        }
    }

    /** The store rules said no when placing: say why, and keep the cart for what the customer does next. */
    private List<OutboundMessage> refused(Turn turn, OrderRefusedException e) {
        Session session = turn.session();
        return switch (e.reason()) {
            case CLOSED -> {
                session.await(Session.Awaiting.NOTHING);
                yield List.of(closedReply(turn));
            }
            case BELOW_MINIMUM -> {
                session.await(Session.Awaiting.NOTHING);
                yield List.of(replies.belowMinimum(turn, price(turn).subtotal()));
            }
            case OUT_OF_RANGE -> {
                Double distance = distanceKm(turn.merchant(), session.address());
                session.deliverTo(null);
                session.await(Session.Awaiting.ADDRESS);
                yield List.of(replies.outOfRange(turn, distance));
            }
        };
    }

    private boolean closed(Turn turn) {
        return !turn.merchant().rules().isOpen(clock.instant(), turn.merchant().zone());
    }

    private OutboundMessage closedReply(Turn turn) {
        Merchant merchant = turn.merchant();
        return replies.closed(turn, merchant.rules().nextOpening(clock.instant(), merchant.zone()).orElse(null),
                clock.instant());
    }

    /**
     * The cart as the server prices it now: a delivery once the address is known (its fee by
     * distance), pickup at a merchant that only does pickup, otherwise not yet chosen.
     */
    private PricedCart price(Turn turn) {
        Merchant merchant = turn.merchant();
        Order.Address address = turn.session().address();
        Order.FulfilmentType fulfilment = !merchant.fulfilment().delivery() ? Order.FulfilmentType.PICKUP
                : address != null ? Order.FulfilmentType.DELIVERY : null;
        return Pricing.price(turn.menu(), turn.session().cart(), merchant.rules(), fulfilment,
                fulfilment == Order.FulfilmentType.DELIVERY ? distanceKm(merchant, address) : null);
    }

    static Double distanceKm(Merchant merchant, Order.Address address) {
        if (address == null || address.lat() == null || address.lng() == null || merchant.location() == null) {
            return null;
        }
        return merchant.location().distanceKm(address.lat(), address.lng());
    }

    private OutboundMessage status(Turn turn) {
        Session s = turn.session();
        return ordering.latestOf(turn.merchant().id(), s.channel(), s.customerId(), s.verifiedPhone())
                .map(order -> replies.status(turn, order))
                .orElseGet(() -> replies.say(turn, "no_orders"));
    }

    private OutboundMessage cartReply(Turn turn, List<String> notes) {
        PricedCart cart = price(turn);
        StoreRules rules = turn.merchant().rules();
        boolean feeLater = turn.merchant().fulfilment().delivery() && turn.session().address() == null
                && rules.deliveryFee() != null && rules.deliveryFee().dependsOnDistance();
        return replies.cart(turn, cart, notes, feeLater);
    }

    private OutboundMessage askChoice(Turn turn, LineRequest request) {
        Menu.Item item = turn.menu().item(request.itemId()).orElseThrow();
        Menu.OptionGroup group = item.optionGroups().stream()
                .filter(g -> g.isSingleChoice() && request.options().stream().noneMatch(o -> o.groupId().equals(g.id())))
                .findFirst().orElseThrow();
        List<Choice> choices = group.options().stream().filter(Menu.Option::isAvailable)
                .map(o -> new Choice(ChoiceIds.of(request, group.id(), o.id()), o.name()))
                .toList();
        return replies.choose(turn, "missing_choice", Map.of("group", group.name().toLowerCase(Locale.ROOT),
                "item", item.name(), "choices", MenuTexts.orList(choices.stream().map(Choice::title).toList())), choices);
    }

    private OutboundMessage unresolvedReply(Turn turn, ParseResult.Unresolved unresolved) {
        Menu menu = turn.menu();
        List<String> candidateNames = unresolved.candidates().stream()
                .map(id -> menu.item(id).map(Menu.Item::name).orElse(null)).filter(n -> n != null).limit(5).toList();
        return switch (unresolved.reason()) {
            case UNAVAILABLE -> replies.say(turn, "unavailable", Map.of("item", unresolved.span(),
                    "alternatives", MenuTexts.orList(candidateNames)));
            case AMBIGUOUS -> replies.choose(turn, "ambiguous", Map.of("span", unresolved.span(),
                    "candidates", MenuTexts.orList(candidateNames)),
                    unresolved.candidates().stream().filter(id -> menu.item(id).isPresent()).map(id -> new Choice(
                            ChoiceIds.of(new LineRequest(id, 1, List.of(), unresolved.note()), null, null), menu.item(id).get().name()))
                            .toList());
            default -> replies.say(turn, "unknown_item", Map.of("span", unresolved.span(),
                    "candidates", MenuTexts.orList(candidateNames)));
        };
    }

    private String pricingNote(Turn turn, PricingException e) {
        String item = e.itemId() == null ? "" : turn.menu().item(e.itemId()).map(Menu.Item::name).orElse(e.itemId());
        if (e.reason() == PricingException.Reason.UNAVAILABLE_ITEM) {
            return replies.say(turn, "unavailable", Map.of("item", item,
                    "alternatives", MenuTexts.orList(MenuTexts.alternatives(turn.menu(), e.itemId())))).text();
        }
        return e.getMessage();
    }

    private static LineRequest toRequest(ParseResult.Line line) {
        return new LineRequest(line.itemId(), Math.min(line.quantity(), 99), line.options().stream()
                .map(o -> new LineRequest.OptionRequest(o.groupId(), o.optionId(),
                        o.qualifier() == null ? null : LineRequest.Qualifier.valueOf(o.qualifier().name())))
                .toList(), line.notes());
    }

    private boolean isPickup(Turn turn, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("pickup") || t.equals("pick up") || t.equals("takeaway") || t.equals("self pickup");
    }

    private static String names(Menu menu, List<String> ids) {
        return MenuTexts.andList(ids.stream().map(id -> menu.item(id).map(Menu.Item::name).orElse(id)).toList());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
