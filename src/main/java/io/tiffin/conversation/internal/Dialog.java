package io.tiffin.conversation.internal;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.ordering.Order;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dialog: what the bot answers to one message, given the session. It changes the session (cart,
 * address, what it waits for) and returns the replies; it sends nothing itself. It routes by what
 * the customer is doing: questions go to {@link MenuAnswers}, cart edits to {@link CartEdits}, orders
 * to {@link CartSteps}, checking out (confirm, address, pickup, placing) to {@link Checkout}, the
 * last order (again, or where it is) to {@link LastOrder}.
 */
@Component
class Dialog {

    private final OrderParser parser;
    private final Replies replies;
    private final MenuTexts menuTexts;
    private final CartSteps steps;
    private final CartEdits edits;
    private final MenuAnswers answers;
    private final Checkout checkout;
    private final LastOrder lastOrder;

    Dialog(
            OrderParser parser,
            Replies replies,
            MenuTexts menuTexts,
            CartSteps steps,
            CartEdits edits,
            MenuAnswers answers,
            Checkout checkout,
            LastOrder lastOrder) {
        this.parser = parser;
        this.replies = replies;
        this.menuTexts = menuTexts;
        this.steps = steps;
        this.edits = edits;
        this.answers = answers;
        this.checkout = checkout;
        this.lastOrder = lastOrder;
    }

    List<OutboundMessage> respond(Turn turn, InboundMessage message) {
        return switch (message.kind()) {
            case LOCATION -> checkout.onLocation(turn, message.location());
            case BUTTON_REPLY, LIST_REPLY -> onChoice(turn, message.reply());
            case TEXT -> onText(turn, message.text());
            case IMAGE, VIDEO, DOCUMENT ->
                message.textContent() != null && !message.textContent().isBlank()
                        ? onText(turn, message.textContent())
                        : List.of(replies.say(turn, "media_unsupported"));
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
        Optional<List<OutboundMessage>> lineChosen = edits.onTypedLineChoice(turn, text, parser);
        if (lineChosen.isPresent()) {
            return lineChosen.get();
        }
        ParseResult parsed = parser.parse(text, turn.snapshot());
        turn.session().speaks(parsed.language());
        boolean again = parsed.edit() != null && parsed.edit().again();
        if (!again && !CartEdits.isEdit(parsed)) {
            turn.session().forgetReferred();
        }
        Intent intent = parsed.intent();
        if (intent == Intent.REPEAT) {
            return turn.merchant().paused() ? List.of(paused(turn)) : lastOrder.repeat(turn);
        }
        if (intent == Intent.STATUS) {
            return List.of(lastOrder.status(turn));
        }
        if (turn.merchant().paused()) {
            return List.of(paused(turn));
        }
        if (intent == Intent.QUESTION) {
            return answers.answer(turn, parsed.question(), parsed.lines(), parsed.unresolved());
        }
        // how to pay, or an email for receipts, when the checkout asked for one
        Optional<List<OutboundMessage>> paid =
                intent == Intent.CANCEL ? Optional.empty() : checkout.onTypedAnswer(turn, parsed.answer());
        if (paid.isPresent()) {
            return paid.get();
        }
        // while an address is expected, "actually 42 MG Road" is an address; a line the cart has is still edited
        boolean addressExpected = turn.session().awaiting() == Session.Awaiting.ADDRESS;
        Optional<ParseResult> offered = addressExpected
                ? Optional.empty()
                : OfferedDish.ordered(
                        turn.session().lastReplies(), turn.menu(), text, parsed, t -> parser.parse(t, turn.snapshot()));
        if (offered.isPresent()) {
            // "ok add one" after an answer about one dish: that dish
            return steps.addLines(turn, offered.get());
        }
        if (again && parsed.parts().isEmpty()) {
            // "the other one too": the last edit once more, read again from what was said then
            return edits.again(turn, parsed, text, t -> parser.parse(t, turn.snapshot()));
        }
        if (CartEdits.isEdit(parsed)
                && (!addressExpected
                        || parsed.edit() == null
                        || parsed.edit().target().isPronoun()
                        || !parsed.lines().isEmpty())) {
            return edits.edit(turn, parsed, text);
        }
        return switch (intent) {
            case CANCEL -> {
                turn.session().clearCart();
                yield List.of(replies.say(turn, "cart_cleared"));
            }
            case PICKUP ->
                addressExpected
                        ? checkout.place(turn, Order.FulfilmentType.PICKUP)
                        : pickupBeforeCheckout(turn, parsed) ? chosePickup(turn) : orderOrElse(turn, parsed, text);
            case CONFIRM -> checkout.confirm(turn);
            case DELIVERY -> {
                // "I want it delivered", even after pickup was said: the checkout asks where
                turn.session().chooseDelivery();
                yield checkout.confirm(turn);
            }
            case CART -> List.of(steps.cartOrEmpty(turn, List.of()));
            default -> orderOrElse(turn, parsed, text);
        };
    }

    /** "I'll pick it up" said to the cart shown, before checking out, where the merchant does pickup. */
    private static boolean pickupBeforeCheckout(Turn turn, ParseResult parsed) {
        return parsed.lines().isEmpty()
                && !turn.session().cart().isEmpty()
                && turn.merchant().fulfilment().pickup();
    }

    /** The choice is kept for the checkout, which then asks no address; the order waits for Confirm. */
    private List<OutboundMessage> chosePickup(Turn turn) {
        turn.session().choosePickup();
        return List.of(steps.cartReply(turn, List.of(replies.text(turn, "pickup_chosen", ""))));
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
                && intent != Intent.MENU
                && intent != Intent.HELP
                && intent != Intent.GREETING) {
            return checkout.onTypedAddress(turn, text);
        }
        return switch (intent) {
            case MENU ->
                List.of(replies.say(
                        turn,
                        "menu",
                        menuTexts.model(turn.menu(), turn.session().language())));
            case HELP -> List.of(replies.say(turn, "help"));
            case GREETING ->
                steps.closed(turn)
                        ? List.of(replies.say(turn, "greeting"), steps.closedReply(turn))
                        : turn.session().cart().isEmpty()
                                ? List.of(replies.say(turn, "greeting"))
                                : List.of(replies.say(turn, "greeting"), steps.cartReply(turn, List.of()));
            default ->
                parsed.unresolved().isEmpty()
                        ? List.of(replies.say(turn, "not_understood"))
                        : steps.addLines(turn, parsed);
        };
    }

    private OutboundMessage paused(Turn turn) {
        return replies.say(
                turn, "paused", Map.of("reason", nullToEmpty(turn.merchant().pauseReason())));
    }

    private List<OutboundMessage> onChoice(Turn turn, InboundMessage.Reply reply) {
        String id = reply.id() == null ? "" : reply.id();
        Optional<List<OutboundMessage>> paid = checkout.onTappedAnswer(turn, id);
        if (paid.isPresent()) {
            return paid.get();
        }
        Optional<List<OutboundMessage>> addressed = checkout.onAddressChoice(turn, id);
        if (addressed.isPresent()) {
            return addressed.get();
        }
        if (CartStamp.isConfirm(id)) {
            if (turn.merchant().paused()) {
                return List.of(paused(turn));
            }
            if (!stampMatches(turn, id)) {
                // the Confirm of an older cart message: the cart or its prices changed since, so it is shown as it is
                // now
                return List.of(
                        turn.session().cart().isEmpty()
                                ? replies.say(turn, "cart_empty")
                                : steps.cartReply(turn, List.of(replies.text(turn, "cart_changed", ""))));
            }
            return checkout.confirm(turn);
        }
        if (id.equals(Replies.CANCEL)) {
            turn.session().clearCart();
            return List.of(replies.say(turn, "cart_cleared"));
        }
        if (id.equals(Replies.PICKUP)) {
            return checkout.place(turn, Order.FulfilmentType.PICKUP);
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

    /**
     * Whether a tapped Confirm was shown with the cart as it is priced now. A cart that cannot be
     * priced now (a dish sold out since) is left to the checkout, which says what is wrong.
     */
    private boolean stampMatches(Turn turn, String id) {
        if (turn.session().cart().isEmpty()) {
            return !CartStamp.isStamped(id);
        }
        try {
            return CartStamp.matches(id, steps.price(turn));
        } catch (io.tiffin.ordering.PricingException e) {
            return true;
        }
    }

    private List<OutboundMessage> onCatalogCart(Turn turn, InboundMessage message) {
        List<ParseResult.Line> lines = message.cartItems().stream()
                .filter(i -> turn.menu() != null
                        && turn.menu().item(i.productRetailerId()).isPresent())
                .map(i -> new ParseResult.Line(i.productRetailerId(), Math.max(1, i.quantity()), List.of(), null))
                .toList();
        if (lines.isEmpty()) {
            return List.of(replies.say(turn, "not_understood"));
        }
        return steps.addLines(turn, new ParseResult(Intent.ORDER, lines, List.of(), 1.0));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
