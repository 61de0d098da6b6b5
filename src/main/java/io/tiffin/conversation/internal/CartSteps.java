package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.StoreRules;
import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.PricedCart;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What every part of the dialog does with a cart: add what a message orders (asking what is
 * missing), show the cart as the server prices it, and say why a line cannot be had, all rendered
 * from the templates in the customer's language.
 */
@Component
class CartSteps {

    private final Replies replies;
    private final Clock clock;

    CartSteps(Replies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    List<OutboundMessage> addLines(Turn turn, ParseResult parsed) {
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
            boolean asks = unresolved.reason() == ParseResult.Reason.AMBIGUOUS
                    || unresolved.reason() == ParseResult.Reason.EITHER
                    || unresolved.reason() == ParseResult.Reason.UNKNOWN_ITEM
                            && !unresolved.candidates().isEmpty();
            if (question == null && asks) {
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
            notes.forEach(n -> out.add(text(turn, n)));
        }
        if (question != null) {
            out.add(question);
        }
        if (out.isEmpty()) {
            out.add(replies.say(turn, "not_understood"));
        }
        return out;
    }

    OutboundMessage cartReply(Turn turn, List<String> notes) {
        PricedCart cart = price(turn);
        StoreRules rules = turn.merchant().rules();
        boolean feeLater = turn.merchant().fulfilment().delivery()
                && turn.session().address() == null
                && rules.deliveryFee() != null
                && rules.deliveryFee().dependsOnDistance();
        return replies.cart(turn, cart, notes, feeLater);
    }

    /** The cart after an edit, or that it is empty now. */
    OutboundMessage cartOrEmpty(Turn turn, List<String> notes) {
        return turn.session().cart().isEmpty() ? replies.say(turn, "cart_empty") : cartReply(turn, notes);
    }

    /**
     * The cart as the server prices it now: a delivery once the address is known (its fee by
     * distance), pickup at a merchant that only does pickup, otherwise not yet chosen.
     */
    PricedCart price(Turn turn) {
        Merchant merchant = turn.merchant();
        Order.Address address = turn.session().address();
        Order.FulfilmentType fulfilment = !merchant.fulfilment().delivery()
                ? Order.FulfilmentType.PICKUP
                : address != null ? Order.FulfilmentType.DELIVERY : null;
        return Pricing.price(
                turn.menu(),
                turn.session().cart(),
                merchant.rules(),
                fulfilment,
                fulfilment == Order.FulfilmentType.DELIVERY ? distanceKm(merchant, address) : null);
    }

    static Double distanceKm(Merchant merchant, Order.Address address) {
        if (address == null || address.lat() == null || address.lng() == null || merchant.location() == null) {
            return null;
        }
        return merchant.location().distanceKm(address.lat(), address.lng());
    }

    boolean closed(Turn turn) {
        return !turn.merchant().rules().isOpen(clock.instant(), turn.merchant().zone());
    }

    OutboundMessage closedReply(Turn turn) {
        Merchant merchant = turn.merchant();
        return replies.closed(
                turn,
                merchant.rules().nextOpening(clock.instant(), merchant.zone()).orElse(null),
                clock.instant());
    }

    OutboundMessage askChoice(Turn turn, LineRequest request) {
        Menu.Item item = turn.menu().item(request.itemId()).orElseThrow();
        Menu.OptionGroup group = item.optionGroups().stream()
                .filter(g -> g.isSingleChoice()
                        && request.options().stream().noneMatch(o -> o.groupId().equals(g.id())))
                .findFirst()
                .orElseThrow();
        List<Choice> choices = group.options().stream()
                .filter(Menu.Option::isAvailable)
                .map(o -> new Choice(ChoiceIds.of(request, group.id(), o.id()), o.name()))
                .toList();
        return replies.choose(
                turn,
                "missing_choice",
                Map.of(
                        "group",
                        group.name().toLowerCase(Locale.ROOT),
                        "item",
                        item.name(),
                        "choices",
                        replies.orList(turn, choices.stream().map(Choice::title).toList())),
                choices);
    }

    /** What could not be read as an item; a name several items fit, or none does, is asked about with buttons. */
    OutboundMessage unresolvedReply(Turn turn, ParseResult.Unresolved unresolved) {
        Menu menu = turn.menu();
        List<String> ids = unresolved.candidates().stream()
                .filter(id -> menu.item(id).isPresent())
                .limit(5)
                .toList();
        String candidates = replies.orList(
                turn, ids.stream().map(id -> menu.item(id).get().name()).toList());
        List<Choice> choices = ids.stream()
                .map(id -> new Choice(
                        ChoiceIds.of(
                                new LineRequest(id, unresolved.quantity(), List.of(), unresolved.note()), null, null),
                        menu.item(id).get().name()))
                .toList();
        return switch (unresolved.reason()) {
            case UNAVAILABLE ->
                replies.say(turn, "unavailable", Map.of("item", unresolved.span(), "alternatives", candidates));
            case AMBIGUOUS ->
                replies.choose(turn, "ambiguous", Map.of("span", unresolved.span(), "candidates", candidates), choices);
            // "a coke or a sprite": which one, nothing ordered until the customer picks
            case EITHER -> replies.choose(turn, "either", Map.of("candidates", candidates), choices);
            default ->
                choices.isEmpty()
                        ? replies.say(turn, "unknown_item", Map.of("span", unresolved.span(), "candidates", ""))
                        : replies.choose(
                                turn,
                                "no_such_item",
                                Map.of("span", unresolved.span(), "candidates", candidates),
                                choices);
        };
    }

    /** Why a line cannot be had, from the reason's template and the menu's names. */
    String pricingNote(Turn turn, PricingException e) {
        String item = e.itemId() == null
                ? ""
                : turn.menu().item(e.itemId()).map(Menu.Item::name).orElse(e.itemId());
        if (e.reason() == PricingException.Reason.UNAVAILABLE_ITEM) {
            return replies.say(
                            turn,
                            "unavailable",
                            Map.of(
                                    "item",
                                    item,
                                    "alternatives",
                                    replies.orList(turn, MenuTexts.alternatives(turn.menu(), e.itemId()))))
                    .text();
        }
        Map<String, Object> model = new HashMap<>(e.args());
        model.put("item", item);
        model.computeIfPresent("group", (k, v) -> v.toString().toLowerCase(Locale.ROOT));
        model.computeIfPresent("qualifier", (k, v) -> v.toString().toLowerCase(Locale.ROOT));
        return replies.say(turn, "pricing." + e.reason().name(), model).text();
    }

    OutboundMessage text(Turn turn, String text) {
        return OutboundMessage.text(
                turn.channel(), turn.merchant().id(), turn.session().customerId(), text);
    }

    static LineRequest toRequest(ParseResult.Line line) {
        return new LineRequest(
                line.itemId(),
                Math.min(line.quantity(), 99),
                line.options().stream()
                        .map(o -> new LineRequest.OptionRequest(
                                o.groupId(),
                                o.optionId(),
                                o.qualifier() == null
                                        ? null
                                        : LineRequest.Qualifier.valueOf(
                                                o.qualifier().name())))
                        .toList(),
                line.notes(),
                line.declined().stream()
                        .map(o -> new LineRequest.OptionRequest(
                                o.groupId(),
                                o.optionId(),
                                LineRequest.Qualifier.valueOf(o.qualifier().name())))
                        .toList());
    }

    /** A cart line as the parser names lines, to read an answer about it against the menu. */
    static ParseResult.Line toLine(LineRequest line) {
        return new ParseResult.Line(
                line.itemId(),
                Math.max(1, line.quantity()),
                line.options().stream().map(CartSteps::toChosen).toList(),
                line.notes(),
                line.declined() == null
                        ? List.of()
                        : line.declined().stream().map(CartSteps::toChosen).toList());
    }

    private static ParseResult.ChosenOption toChosen(LineRequest.OptionRequest o) {
        return new ParseResult.ChosenOption(
                o.groupId(),
                o.optionId(),
                o.qualifier() == null
                        ? null
                        : ParseResult.Qualifier.valueOf(o.qualifier().name()));
    }

    static LineRequest.OptionRequest toRequest(ParseResult.ChosenOption o) {
        return new LineRequest.OptionRequest(
                o.groupId(),
                o.optionId(),
                o.qualifier() == null
                        ? null
                        : LineRequest.Qualifier.valueOf(o.qualifier().name()));
    }

    /** The items' menu names, as "A, B and C" in the customer's language. */
    String names(Turn turn, List<String> ids) {
        return replies.andList(
                turn,
                ids.stream()
                        .map(id -> turn.menu().item(id).map(Menu.Item::name).orElse(id))
                        .toList());
    }
}
