package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Edits of the cart: a new count, one more or one less, a replacement or a new choice, a removal.
 * The parser says what the customer refers to; the line is looked for in the cart first, and only
 * when the cart has none is the message an order of what it names. Two lines that fit are asked
 * about with both as buttons; the tap carries the message, so nothing waits in the session.
 */
@Component
class CartEdits {

    static final String LINE_PREFIX = "line:";
    /** WhatsApp's smallest reply id limit, less room for the prefix, revision and index. */
    private static final int MAX_TEXT = 180;

    private final Replies replies;
    private final CartSteps steps;

    CartEdits(Replies replies, CartSteps steps) {
        this.replies = replies;
        this.steps = steps;
    }

    /** Whether this reading is an edit this class acts on. */
    static boolean isEdit(ParseResult parsed) {
        if (parsed.intent() == Intent.REMOVE) {
            return parsed.edit() != null || !parsed.lines().isEmpty();
        }
        return parsed.edit() != null && switch (parsed.intent()) {
            case ADD, REMOVE, CHANGE, SET_QUANTITY -> true;
            default -> false;
        };
    }

    List<OutboundMessage> edit(Turn turn, ParseResult parsed, String text) {
        return edit(turn, parsed, text, null);
    }

    /** A tapped answer to "which one do you mean": the message again, on the line chosen. */
    List<OutboundMessage> onLineChosen(Turn turn, String id, java.util.function.Function<String, ParseResult> parse) {
        String[] parts = id.substring(LINE_PREFIX.length()).split(":", 3);
        if (parts.length < 3 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")
                || Long.parseLong(parts[0]) != turn.session().cartRevision()
                || Integer.parseInt(parts[1]) >= turn.session().cart().size()) {
            return List.of(steps.cartOrEmpty(turn, List.of()));
        }
        ParseResult parsed = parse.apply(parts[2]);
        return isEdit(parsed) ? edit(turn, parsed, parts[2], Integer.parseInt(parts[1])) : List.of(steps.cartOrEmpty(turn, List.of()));
    }

    private List<OutboundMessage> edit(Turn turn, ParseResult parsed, String text, Integer chosen) {
        Edit edit = parsed.edit() != null ? parsed.edit()
                // a removal read without the words of its lines (a model's reading): the items named go
                : new Edit(parsed.lines().stream().map(l -> new Reference("", List.of(l.itemId()), List.of(l.itemId()), null))
                        .toList(), null, null, List.of());
        if (parsed.intent() == Intent.REMOVE) {
            return remove(turn, edit, text, chosen);
        }
        List<LineRequest> cart = turn.session().cart();
        CartLine line = chosen != null ? new CartLine(List.of(chosen)) : target(turn, parsed);
        if (line.ambiguous()) {
            return List.of(whichLine(turn, line, text));
        }
        if (!line.found()) {
            return notInCart(turn, parsed);
        }
        LineRequest old = cart.get(line.index());
        return switch (parsed.intent()) {
            case SET_QUANTITY -> replace(turn, line.index(), old.withQuantity(Math.min(99, edit.quantity())));
            case ADD -> replace(turn, line.index(), old.withQuantity(Math.min(99, old.quantity() + edit.quantity())));
            default -> change(turn, line.index(), old, edit);
        };
    }

    /** "make it large" means the last line that has a large, not just the last line. */
    private static CartLine target(Turn turn, ParseResult parsed) {
        List<LineRequest> cart = turn.session().cart();
        Edit edit = parsed.edit();
        if (parsed.intent() == Intent.CHANGE && edit.replacement() == null && edit.target().isPronoun()) {
            for (int i = cart.size() - 1; i >= 0; i--) {
                var item = turn.menu().item(cart.get(i).itemId());
                if (item.isPresent() && !edit.choicesFor(item.get()).isEmpty()) {
                    return new CartLine(List.of(i));
                }
            }
        }
        return CartLine.of(cart, edit.target());
    }

    private List<OutboundMessage> change(Turn turn, int index, LineRequest old, Edit edit) {
        int quantity = edit.quantity() != null ? Math.min(99, edit.quantity()) : old.quantity();
        ParseResult replacement = edit.replacement();
        Menu.Item item = turn.menu().item(old.itemId()).orElseThrow();
        var said = edit.choicesFor(item);
        if (replacement != null && replacement.lines().isEmpty() && !said.isEmpty()) {
            // "make it a bottle": an option of the line's own item, though other items have it too
            replacement = null;
        }
        if (replacement != null) {
            if (replacement.lines().size() != 1) {
                // "change it to biryani": which biryani is asked, nothing changes until then
                return replacement.unresolved().isEmpty() ? List.of(replies.say(turn, "not_understood"))
                        : List.of(steps.unresolvedReply(turn, replacement.unresolved().get(0)));
            }
            LineRequest wanted = CartSteps.toRequest(replacement.lines().get(0));
            return replace(turn, index, new LineRequest(wanted.itemId(), quantity,
                    carried(turn.menu(), old, wanted), wanted.notes() != null ? wanted.notes() : old.notes()));
        }
        if (said.isEmpty()) {
            String words = String.join(" ", edit.valueWords());
            return List.of(words.isBlank() ? replies.say(turn, "not_understood")
                    : replies.say(turn, "no_such_item", Map.of("span", words, "candidates", "")));
        }
        List<OptionRequest> options = new ArrayList<>(old.options());
        for (var choice : said) {
            options.removeIf(o -> o.groupId().equals(choice.groupId()));
            options.add(new OptionRequest(choice.groupId(), choice.optionId(), null));
        }
        return replace(turn, index, new LineRequest(old.itemId(), quantity, options, old.notes()));
    }

    /** The old line's choices the new item also offers (a Coke's bottle for the Diet Coke), unless said anew. */
    private static List<OptionRequest> carried(Menu menu, LineRequest old, LineRequest wanted) {
        List<OptionRequest> options = new ArrayList<>(wanted.options());
        menu.item(wanted.itemId()).ifPresent(item -> {
            for (OptionRequest o : old.options()) {
                boolean offered = item.group(o.groupId()).flatMap(g -> g.option(o.optionId())).isPresent();
                if (offered && options.stream().noneMatch(w -> w.groupId().equals(o.groupId()))) {
                    options.add(o);
                }
            }
        });
        return options;
    }

    private List<OutboundMessage> replace(Turn turn, int index, LineRequest line) {
        try {
            Pricing.priceLine(turn.menu(), line);
        } catch (PricingException e) {
            if (e.reason() == PricingException.Reason.MISSING_CHOICE) {
                return List.of(steps.askChoice(turn, line));
            }
            return List.of(steps.cartReply(turn, List.of(steps.pricingNote(turn, e))));
        }
        turn.session().replace(index, line);
        turn.session().await(Session.Awaiting.NOTHING);
        return List.of(steps.cartReply(turn, List.of()));
    }

    private List<OutboundMessage> remove(Turn turn, Edit edit, String text, Integer chosen) {
        List<LineRequest> cart = turn.session().cart();
        List<Integer> gone = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Reference target : edit.targets()) {
            CartLine line = chosen != null ? new CartLine(List.of(chosen)) : CartLine.of(cart, target);
            if (line.ambiguous()) {
                return List.of(whichLine(turn, line, text));
            }
            if (line.found()) {
                gone.add(line.index());
            } else {
                missing.add(target.itemIds().isEmpty() ? target.span() : CartSteps.names(turn.menu(), target.itemIds()));
            }
        }
        List<OutboundMessage> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add(replies.say(turn, "not_in_cart", Map.of("items", MenuTexts.andList(missing))));
        }
        if (!gone.isEmpty()) {
            // "remove 1 butter chicken" of 2 takes one away: say how many
            List<String> names = gone.stream().distinct().map(i -> {
                String name = CartSteps.names(turn.menu(), List.of(cart.get(i).itemId()));
                return edit.quantity() != null && edit.quantity() < cart.get(i).quantity() ? edit.quantity() + " × " + name : name;
            }).toList();
            out.add(replies.say(turn, "removed", Map.of("items", MenuTexts.andList(names))));
        }
        // highest index first, so the others keep their places
        gone.stream().distinct().sorted(Comparator.reverseOrder()).forEach(i -> {
            LineRequest line = cart.get(i);
            if (edit.quantity() != null && edit.quantity() < line.quantity()) {
                turn.session().replace(i, line.withQuantity(line.quantity() - edit.quantity()));
            } else {
                turn.session().removeLine(i);
            }
        });
        out.add(steps.cartOrEmpty(turn, List.of()));
        return out;
    }

    /** Not in the cart: an edit that names items orders them ("one more naan" with no naan yet). */
    private List<OutboundMessage> notInCart(Turn turn, ParseResult parsed) {
        // "make the biryani large" with no biryani yet orders one (asking which); "change X to Y" orders nothing
        boolean replaces = parsed.intent() == Intent.CHANGE && parsed.edit().replacement() != null;
        boolean orders = !replaces && (!parsed.lines().isEmpty() || !parsed.unresolved().isEmpty());
        if (orders) {
            turn.session().await(Session.Awaiting.NOTHING);
            return steps.addLines(turn, parsed);
        }
        if (turn.session().cart().isEmpty()) {
            return List.of(replies.say(turn, "cart_empty"));
        }
        Reference target = parsed.edit().target();
        String named = target.itemIds().isEmpty() ? target.span()
                : MenuTexts.orList(target.itemIds().stream().map(id -> turn.menu().item(id).map(Menu.Item::name).orElse(id)).toList());
        return List.of(replies.say(turn, "not_in_cart", Map.of("items", named)), steps.cartReply(turn, List.of()));
    }

    private OutboundMessage whichLine(Turn turn, CartLine line, String text) {
        List<LineRequest> cart = turn.session().cart();
        var priced = Pricing.price(turn.menu(), cart).lines();
        List<String> shown = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (int i : line.indexes()) {
            var p = priced.get(i);
            String title = p.quantity() + " × " + p.name() + (p.optionSummary() == null || p.optionSummary().isBlank()
                    ? "" : " (" + p.optionSummary() + ")");
            shown.add(title);
            if (text.length() <= MAX_TEXT) {
                choices.add(new Choice(LINE_PREFIX + turn.session().cartRevision() + ":" + i + ":" + text,
                        title.length() > 20 ? title.substring(0, 20) : title));
            }
        }
        return replies.choose(turn, "which_line", Map.of("lines", MenuTexts.orList(shown)), choices);
    }
}
