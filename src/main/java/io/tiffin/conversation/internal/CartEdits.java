package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.nlu.LineChoice;
import io.tiffin.nlu.OrderParser;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Edits of the cart: a new count, one more or one less, a replacement or a new choice, a removal,
 * several of them in one message ("remove the coke and add a lassi"), applied in the order said. The
 * parser says what the customer refers to; the line is looked for in the cart first, and only when
 * the cart has none is the message an order of what it names. A count in a reference moves only
 * that many units ("change one coke to diet coke" of two leaves one Coke). Two lines that fit are
 * asked about with both as buttons, before anything changes; the tap carries the message and the
 * lines chosen so far, so nothing waits in the session.
 */
@Component
class CartEdits {

    static final String LINE_PREFIX = "line:";
    /** WhatsApp's smallest reply id limit, less room for the prefix, revision and indexes. */
    private static final int MAX_TEXT = 180;

    private final Replies replies;
    private final CartSteps steps;

    CartEdits(Replies replies, CartSteps steps) {
        this.replies = replies;
        this.steps = steps;
    }

    /** Whether this reading is an edit this class acts on. */
    static boolean isEdit(ParseResult parsed) {
        if (!parsed.parts().isEmpty()) {
            return true;
        }
        if (parsed.intent() == Intent.REMOVE) {
            return parsed.edit() != null || !parsed.lines().isEmpty();
        }
        return parsed.edit() != null
                && switch (parsed.intent()) {
                    case ADD, REMOVE, CHANGE, SET_QUANTITY -> true;
                    default -> false;
                };
    }

    List<OutboundMessage> edit(Turn turn, ParseResult parsed, String text) {
        return edit(turn, parsed, text, List.of());
    }

    /** A tapped answer to "which one do you mean": the message again, with the lines chosen. */
    List<OutboundMessage> onLineChosen(Turn turn, String id, Function<String, ParseResult> parse) {
        Tap tap = Tap.of(id, turn.session().cartRevision());
        if (tap == null) {
            return List.of(steps.cartOrEmpty(turn, List.of()));
        }
        List<List<Integer>> chosen = new ArrayList<>(tap.before());
        chosen.add(List.of(tap.line()));
        return again(turn, tap.text(), chosen, parse);
    }

    /**
     * A typed answer to "which one do you mean" ("the mango one", "the second", "both", "never
     * mind"): the parser reads it against the lines offered, and it is acted on as the tap it stands
     * for; empty when the last reply asked no such question or the message is no answer, so it is
     * read as a message of its own.
     */
    java.util.Optional<List<OutboundMessage>> onTypedLineChoice(Turn turn, String text, OrderParser parser) {
        List<Tap> offered = turn.session().lastReplies().stream()
                .filter(m -> m.buttons() != null)
                .flatMap(m -> m.buttons().stream())
                .map(c -> Tap.of(c.id(), turn.session().cartRevision()))
                .filter(java.util.Objects::nonNull)
                .toList();
        List<LineRequest> cart = turn.session().cart();
        if (offered.size() < 2 || offered.stream().anyMatch(t -> t.line() >= cart.size())) {
            return java.util.Optional.empty();
        }
        List<ParseResult.Line> lines =
                offered.stream().map(t -> CartSteps.toLine(cart.get(t.line()))).toList();
        LineChoice answer = parser.whichOf(text, lines, turn.snapshot());
        if (!answer.answers()) {
            return java.util.Optional.empty();
        }
        if (answer.none()) {
            return java.util.Optional.of(
                    List.of(replies.say(turn, "which_line_none"), steps.cartOrEmpty(turn, List.of())));
        }
        List<List<Integer>> chosen = new ArrayList<>(offered.get(0).before());
        chosen.add(answer.chosen().stream().map(i -> offered.get(i).line()).toList());
        Function<String, ParseResult> parse = t -> parser.parse(t, turn.snapshot());
        return java.util.Optional.of(again(turn, offered.get(0).text(), chosen, parse));
    }

    private List<OutboundMessage> again(
            Turn turn, String text, List<List<Integer>> chosen, Function<String, ParseResult> parse) {
        ParseResult parsed = parse.apply(text);
        return isEdit(parsed) ? edit(turn, parsed, text, chosen) : List.of(steps.cartOrEmpty(turn, List.of()));
    }

    /**
     * A button of "which one do you mean": {@code line:<revision>:<chosen>:<message>}, where
     * {@code <chosen>} holds the lines chosen for the message's earlier references, then this
     * button's line, comma-separated ("0,3"; "0+1,3" when "both" answered the first).
     */
    record Tap(List<List<Integer>> before, int line, String text) {

        private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
                "line:(\\d{1,18}):((?:\\d{1,2}(?:\\+\\d{1,2}){0,5},){0,5})(\\d{1,2}):(.*)",
                java.util.regex.Pattern.DOTALL);

        /** The tap, or null when the id is no such button or was made for another cart. */
        static Tap of(String id, long revision) {
            var m = ID.matcher(id);
            if (!m.matches() || Long.parseLong(m.group(1)) != revision) {
                return null;
            }
            List<List<Integer>> before = java.util.Arrays.stream(m.group(2).split(","))
                    .filter(g -> !g.isEmpty())
                    .map(g -> java.util.Arrays.stream(g.split("\\+"))
                            .map(Integer::valueOf)
                            .toList())
                    .toList();
            return new Tap(before, Integer.parseInt(m.group(3)), m.group(4));
        }

        static String before(List<List<Integer>> chosen) {
            return chosen.stream()
                    .map(g -> g.stream().map(String::valueOf).collect(Collectors.joining("+")) + ",")
                    .collect(Collectors.joining());
        }
    }

    /** What the parts of one message say and order, gathered while they are applied to the draft. */
    private static final class Outcome {
        final List<List<Integer>> chosen;
        int choicesUsed;
        final List<OutboundMessage> before = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<OutboundMessage> questions = new ArrayList<>();
        final List<ParseResult.Line> ordered = new ArrayList<>();
        final List<ParseResult.Unresolved> unresolved = new ArrayList<>();
        boolean showCart;
        OutboundMessage whichLine;
        /** The lines the last edit will be remembered by: those its words fit, those it changed. */
        final List<Integer> offered = new ArrayList<>();

        final List<Integer> edited = new ArrayList<>();
        /** The lines an edit said again ("the other one too") is for, instead of the lines its words fit. */
        List<Integer> forced;

        Outcome(List<List<Integer>> chosen) {
            this.chosen = chosen;
        }
    }

    private List<OutboundMessage> edit(Turn turn, ParseResult parsed, String text, List<List<Integer>> chosen) {
        return edit(turn, parsed, text, new Outcome(chosen));
    }

    /**
     * "the other one too", "same for the diet coke", "both": the last edit once more, on the lines
     * the message refers to among those the last edit spoke of. Without a last edit to repeat (or a
     * line to repeat it on), what the message names is ordered, as any other message.
     */
    List<OutboundMessage> again(Turn turn, ParseResult parsed, String text, Function<String, ParseResult> parse) {
        Session.Referred last = turn.session().referred();
        List<Integer> lines = last == null
                ? List.of()
                : againOn(turn.session().cart(), parsed.edit().target(), last);
        ParseResult before = lines.isEmpty() ? null : parse.apply(last.text());
        if (before == null
                || !isEdit(before)
                || before.edit() != null && before.edit().again()) {
            if (!parsed.lines().isEmpty() || !parsed.unresolved().isEmpty()) {
                turn.session().await(Session.Awaiting.NOTHING);
                return steps.addLines(turn, new ParseResult(Intent.ORDER, parsed.lines(), parsed.unresolved(), 1.0));
            }
            return List.of(replies.say(turn, "not_understood"));
        }
        Outcome outcome = new Outcome(List.of());
        outcome.forced = lines;
        outcome.offered.addAll(last.offered());
        outcome.edited.addAll(last.edited());
        return edit(turn, before, last.text(), outcome);
    }

    /** The lines an edit said again is for: "the other one" those spoken of and not yet changed. */
    private static List<Integer> againOn(List<LineRequest> cart, Reference target, Session.Referred last) {
        List<Integer> offered =
                last.offered().stream().filter(i -> i < cart.size()).toList();
        List<Integer> rest =
                offered.stream().filter(i -> !last.edited().contains(i)).toList();
        if (target.every()) {
            return rest.isEmpty() ? offered : rest; // "both": what the edit has not changed yet
        }
        if (target.other() || target.isPronoun()) {
            if (!rest.isEmpty()) {
                return rest;
            }
            // the edit fit one line: "the other one" is the cart's only other line
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < cart.size(); i++) {
                if (!last.edited().contains(i)) {
                    others.add(i);
                }
            }
            return others.size() == 1 ? others : List.of();
        }
        CartLine line = CartLine.of(cart, target);
        return line.indexes();
    }

    private List<OutboundMessage> edit(Turn turn, ParseResult parsed, String text, Outcome outcome) {
        CartDraft draft = new CartDraft(turn.session().cart());
        int linesBefore = draft.size();
        for (ParseResult step : parsed.steps()) {
            apply(turn, draft, step, text, outcome);
            if (outcome.whichLine != null) {
                turn.session().referredTo(text, outcome.offered, List.of());
                return List.of(outcome.whichLine);
            }
            if (!outcome.questions.isEmpty()) {
                break; // a question about a new line or choice: what came before it stands, the rest waits
            }
        }
        // an edit while the address is asked for ("actually remove the lassi") keeps the checkout
        // where it was, so "pickup" or an address after it still answers that question
        boolean checkingOut = turn.session().awaiting() == Session.Awaiting.ADDRESS;
        if (draft.changed()) {
            turn.session().replaceCart(draft.lines());
            turn.session().await(checkingOut ? Session.Awaiting.ADDRESS : Session.Awaiting.NOTHING);
        }
        if (!outcome.edited.isEmpty()
                && draft.size() == linesBefore
                && parsed.parts().isEmpty()) {
            // lines kept their places: "the other one too" can be read against them
            List<Integer> offered = new ArrayList<>(outcome.offered);
            outcome.edited.stream().filter(i -> !offered.contains(i)).forEach(offered::add);
            turn.session().referredTo(text, offered, outcome.edited);
        }
        List<OutboundMessage> out = new ArrayList<>(outcome.before);
        if (!outcome.ordered.isEmpty() || !outcome.unresolved.isEmpty()) {
            turn.session().await(checkingOut ? Session.Awaiting.ADDRESS : Session.Awaiting.NOTHING);
            out.addAll(steps.addLines(turn, new ParseResult(Intent.ORDER, outcome.ordered, outcome.unresolved, 1.0)));
        } else if (outcome.showCart) {
            out.add(steps.cartOrEmpty(turn, outcome.notes));
        } else {
            outcome.notes.forEach(n -> out.add(steps.text(turn, n)));
        }
        out.addAll(outcome.questions);
        if (out.isEmpty()) {
            out.add(replies.say(turn, "not_understood"));
        }
        return out;
    }

    /** One part of the message, applied to the draft. */
    private void apply(Turn turn, CartDraft draft, ParseResult step, String text, Outcome outcome) {
        if (step.intent() == Intent.ORDER || step.edit() == null && step.intent() != Intent.REMOVE) {
            outcome.ordered.addAll(step.lines());
            outcome.unresolved.addAll(step.unresolved());
            return;
        }
        Edit edit = step.edit() != null
                ? step.edit()
                // a removal read without the words of its lines (a model's reading): the items named go
                : new Edit(
                        step.lines().stream()
                                .map(l -> new Reference("", List.of(l.itemId()), List.of(l.itemId()), null))
                                .toList(),
                        null,
                        null,
                        List.of());
        if (step.intent() == Intent.REMOVE) {
            remove(turn, draft, edit, text, outcome);
            return;
        }
        if (outcome.forced != null) {
            // the last edit again, on the lines "the other one too" meant
            onLines(turn, draft, step, outcome.forced, outcome);
            return;
        }
        if (edit.target().every()) {
            everyLine(turn, draft, step, outcome);
            return;
        }
        if (groupPicked(turn, draft, step, text, outcome)) {
            return;
        }
        CartLine line = resolve(turn, draft, target(turn, draft, step), edit.target(), text, outcome);
        if (line == null) {
            return;
        }
        if (line.ambiguous()) {
            onLines(turn, draft, step, line.indexes(), outcome); // "both" answered which one
            return;
        }
        if (!line.found()) {
            notInCart(turn, draft, step, outcome);
            return;
        }
        LineRequest old = draft.get(line.index());
        switch (step.intent()) {
            case SET_QUANTITY ->
                replace(turn, draft, line.index(), old.withQuantity(edit.countFor(old.quantity())), outcome);
            case ADD ->
                replace(
                        turn,
                        draft,
                        line.index(),
                        old.withQuantity(Math.min(99, old.quantity() + edit.quantity())),
                        outcome);
            default -> change(turn, draft, line, old, edit, outcome);
        }
    }

    /**
     * "make the cheese provolone", "change the bread to wheat", "oat milk instead" with no dish named:
     * the line whose item has that group takes the new pick; two such lines are asked about, both
     * shown. False when no line's item has the group the words name.
     */
    private boolean groupPicked(Turn turn, CartDraft draft, ParseResult step, String text, Outcome outcome) {
        Edit edit = step.edit();
        Reference target = edit.target();
        // a replacement read from the words is not looked at: on a one-dish menu "cheese provolone"
        // alone reads as that dish, though it names only a group and its pick
        if (step.intent() != Intent.CHANGE
                || !target.itemIds().isEmpty()
                || !target.looseItemIds().isEmpty()
                || target.position() != null
                || target.other()) {
            return false;
        }
        List<Integer> fits = new ArrayList<>();
        for (int i = 0; i < draft.size(); i++) {
            if (turn.menu()
                    .item(draft.get(i).itemId())
                    .flatMap(edit::groupPickOf)
                    .isPresent()) {
                fits.add(i);
            }
        }
        if (fits.isEmpty()) {
            return false;
        }
        CartLine line = resolve(turn, draft, new CartLine(fits), target, text, outcome);
        if (line == null) {
            return true; // which line is asked
        }
        for (int i : line.indexes()) {
            LineRequest old = draft.get(i);
            Menu.Item item = turn.menu().item(old.itemId()).orElseThrow();
            ParseResult.GroupPick pick = edit.groupPickOf(item).orElse(null);
            if (pick == null) {
                continue; // a line chosen by a tap that has no such group: nothing of it changes
            }
            // the option that named the group goes ("cheese" for provolone), else all the group held;
            // the pick takes its place, so the line reads as before with one choice changed
            List<OptionRequest> options = new ArrayList<>();
            int at = -1;
            for (OptionRequest o : old.options()) {
                boolean goes = o.groupId().equals(pick.groupId())
                        && (pick.namedOptionId() == null || o.optionId().equals(pick.namedOptionId()));
                if (goes && at < 0) {
                    at = options.size();
                } else if (!goes) {
                    options.add(o);
                }
            }
            List<OptionRequest> picked = pick.picks().stream()
                    .map(p -> new OptionRequest(p.groupId(), p.optionId(), null))
                    .filter(p -> !options.contains(p))
                    .toList();
            options.addAll(at < 0 ? options.size() : at, picked);
            replace(
                    turn,
                    draft,
                    i,
                    new LineRequest(old.itemId(), old.quantity(), options, old.notes(), old.declined()),
                    outcome);
        }
        return true;
    }

    /** "no onion in either", "make both large": the edit on every line it fits. */
    private void everyLine(Turn turn, CartDraft draft, ParseResult step, Outcome outcome) {
        Edit edit = step.edit();
        List<Integer> lines = CartLine.every(draft.lines(), edit.target());
        if (step.intent() == Intent.CHANGE && edit.replacement() == null) {
            lines = lines.stream().filter(i -> takes(turn, draft.get(i), edit)).toList();
        }
        if (lines.isEmpty()) {
            notInCart(turn, draft, step, outcome);
            return;
        }
        onLines(turn, draft, step, lines, outcome);
    }

    /** The edit on each of these lines, as if each were meant alone. */
    private void onLines(Turn turn, CartDraft draft, ParseResult step, List<Integer> lines, Outcome outcome) {
        Edit edit = step.edit();
        for (int i : lines) {
            LineRequest old = draft.get(i);
            switch (step.intent()) {
                case SET_QUANTITY -> replace(turn, draft, i, old.withQuantity(edit.countFor(old.quantity())), outcome);
                case ADD ->
                    replace(turn, draft, i, old.withQuantity(Math.min(99, old.quantity() + edit.quantity())), outcome);
                default -> change(turn, draft, new CartLine(List.of(i)), old, edit, outcome);
            }
        }
    }

    /** Whether an edit's new words say something of this line's item: one of its choices or options. */
    private static boolean takes(Turn turn, LineRequest line, Edit edit) {
        var item = turn.menu().item(line.itemId());
        if (item.isEmpty()) {
            return false;
        }
        if (!edit.choicesFor(item.get()).isEmpty()) {
            return true;
        }
        var said = edit.asSaidOf(item.get());
        return said.isPresent()
                && (!said.get().options().isEmpty() || !said.get().declined().isEmpty());
    }

    /**
     * The line meant, with a line chosen by a tap standing in for an ambiguous one (or several, when
     * the answer was "both"); null when the customer must first be asked which (the question is in
     * the outcome).
     */
    private CartLine resolve(
            Turn turn, CartDraft draft, CartLine line, Reference reference, String text, Outcome outcome) {
        if (!line.ambiguous()) {
            return line;
        }
        line.indexes().stream().filter(i -> !outcome.offered.contains(i)).forEach(outcome.offered::add);
        if (outcome.choicesUsed < outcome.chosen.size()) {
            List<Integer> group = outcome.chosen.get(outcome.choicesUsed++);
            if (group.isEmpty() || group.stream().anyMatch(i -> i >= draft.size())) {
                return new CartLine(List.of());
            }
            if (group.size() > 1) {
                return new CartLine(group); // "both": every line chosen
            }
            int index = group.get(0);
            Integer units = reference.units() != null
                            && reference.units() < draft.get(index).quantity()
                    ? reference.units()
                    : null;
            return new CartLine(List.of(index), units);
        }
        outcome.whichLine = whichLine(turn, draft, line, text, outcome.chosen);
        return null;
    }

    /** "make it large" means the last line that has a large, not just the last line. */
    private static CartLine target(Turn turn, CartDraft draft, ParseResult step) {
        List<LineRequest> cart = draft.lines();
        Edit edit = step.edit();
        if (step.intent() == Intent.CHANGE
                && edit.replacement() == null
                && edit.target().isPronoun()) {
            for (int i = cart.size() - 1; i >= 0; i--) {
                if (takes(turn, cart.get(i), edit)) {
                    return new CartLine(
                            List.of(i), CartLine.of(cart, edit.target()).units());
                }
            }
        }
        CartLine line = CartLine.of(cart, edit.target());
        if (line.ambiguous() && edit.replacement() != null) {
            // "swap one coke for a diet coke" does not mean the Diet Coke line, though "coke" names it
            List<String> into = edit.replacement().lines().stream()
                    .map(ParseResult.Line::itemId)
                    .toList();
            List<Integer> others = line.indexes().stream()
                    .filter(i -> !into.contains(cart.get(i).itemId()))
                    .toList();
            if (others.size() == 1) {
                int at = others.get(0);
                Integer units = edit.target().units();
                return new CartLine(
                        List.of(at), units != null && units < cart.get(at).quantity() ? units : null);
            }
        }
        return line;
    }

    private void change(Turn turn, CartDraft draft, CartLine line, LineRequest old, Edit edit, Outcome outcome) {
        Integer units = line.units();
        int quantity = edit.quantity() != null ? Math.min(99, edit.quantity()) : units != null ? units : old.quantity();
        ParseResult replacement = edit.replacement();
        Menu.Item item = turn.menu().item(old.itemId()).orElseThrow();
        var said = edit.choicesFor(item);
        if (replacement != null && replacement.lines().isEmpty() && !said.isEmpty()) {
            // "make it a bottle": an option of the line's own item, though other items have it too
            replacement = null;
        }
        LineRequest changed;
        if (replacement != null) {
            if (replacement.lines().size() > 1 && replacement.unresolved().isEmpty()) {
                // "change the coke to diet coke and 2 naan": the first takes the line's place, the rest are ordered
                outcome.ordered.addAll(
                        replacement.lines().subList(1, replacement.lines().size()));
                replacement = new ParseResult(
                        Intent.ORDER, List.of(replacement.lines().get(0)), List.of(), replacement.confidence());
            }
            if (replacement.lines().size() != 1) {
                // "change it to biryani": which biryani is asked, nothing changes until then
                if (replacement.unresolved().isEmpty()) {
                    outcome.before.add(replies.say(turn, "not_understood"));
                } else {
                    outcome.questions.add(
                            steps.unresolvedReply(turn, replacement.unresolved().get(0)));
                }
                return;
            }
            LineRequest wanted = CartSteps.toRequest(replacement.lines().get(0));
            changed = new LineRequest(
                    wanted.itemId(),
                    quantity,
                    carried(turn.menu(), old, wanted),
                    wanted.notes() != null ? wanted.notes() : old.notes(),
                    wanted.declined());
        } else if (said.isEmpty() && !edit.replaces() && edit.asSaidOf(item).isPresent()) {
            // "hold the onions", "without cheese", "spicy" on a dish with no spice choice (a note)
            changed = withSaid(item, old, edit.asSaidOf(item).get()).withQuantity(quantity);
        } else if (said.isEmpty()) {
            // "swap the coke for a sprite": said, nothing replaced; the message's other parts still apply
            String words = String.join(" ", edit.valueWords());
            outcome.before.add(
                    words.isBlank()
                            ? replies.say(turn, "not_understood")
                            : replies.say(turn, "no_such_item", Map.of("span", words, "candidates", "")));
            return;
        } else {
            // "make it large with olives": the toppings said beside the size go on too; "make the
            // americano large and spicy": what no option of the item says is for the kitchen
            LineRequest withRest =
                    edit.asSaidOf(item).map(l -> withSaid(item, old, l)).orElse(old);
            List<OptionRequest> options = new ArrayList<>(withRest.options());
            for (var choice : said) {
                options.removeIf(o -> o.groupId().equals(choice.groupId()));
                options.add(new OptionRequest(choice.groupId(), choice.optionId(), null));
            }
            List<String> groups =
                    item.optionGroups().stream().map(Menu.OptionGroup::id).toList();
            options.sort(java.util.Comparator.comparingInt(o -> groups.indexOf(o.groupId()))); // as the menu lists them
            changed = new LineRequest(old.itemId(), quantity, options, withRest.notes(), withRest.declined());
        }
        if (units != null) {
            // "change one coke to diet coke" of two: one Coke stays, one Diet Coke joins it
            if (priced(turn, changed, outcome)) {
                draft.split(line.index(), units, changed);
                outcome.showCart = true;
            }
            return;
        }
        replace(turn, draft, line.index(), changed, outcome);
    }

    /**
     * A line with what was said of its item: a one-choice option replaces the group's, a refused
     * option goes (and a default one is marked refused), another option is added or requalified;
     * refusals of a qualified option ("no extra cheese") and notes are kept beside the old ones.
     */
    private static LineRequest withSaid(Menu.Item item, LineRequest old, ParseResult.Line said) {
        List<OptionRequest> options = new ArrayList<>(old.options());
        for (ParseResult.ChosenOption o : said.options()) {
            var group = item.group(o.groupId());
            if (group.isEmpty()) {
                continue;
            }
            if (group.get().isSingleChoice()) {
                options.removeIf(x -> x.groupId().equals(o.groupId()));
            } else {
                options.removeIf(
                        x -> x.groupId().equals(o.groupId()) && x.optionId().equals(o.optionId()));
            }
            boolean byDefault =
                    group.get().option(o.optionId()).map(Menu.Option::isDefault).orElse(false);
            if (o.qualifier() != ParseResult.Qualifier.NO || byDefault) {
                options.add(CartSteps.toRequest(o));
            }
        }
        List<OptionRequest> declined = new ArrayList<>(old.declined() == null ? List.of() : old.declined());
        for (ParseResult.ChosenOption o : said.declined()) {
            OptionRequest request = CartSteps.toRequest(o);
            if (!declined.contains(request)) {
                declined.add(request);
            }
        }
        String notes = said.notes() == null
                ? old.notes()
                : old.notes() == null || old.notes().isBlank() ? said.notes() : old.notes() + ", " + said.notes();
        return new LineRequest(old.itemId(), old.quantity(), options, notes, declined);
    }

    /** The old line's choices the new item also offers (a Coke's bottle for the Diet Coke), unless said anew. */
    private static List<OptionRequest> carried(Menu menu, LineRequest old, LineRequest wanted) {
        List<OptionRequest> options = new ArrayList<>(wanted.options());
        menu.item(wanted.itemId()).ifPresent(item -> {
            for (OptionRequest o : old.options()) {
                boolean offered = item.group(o.groupId())
                        .flatMap(g -> g.option(o.optionId()))
                        .isPresent();
                if (offered && options.stream().noneMatch(w -> w.groupId().equals(o.groupId()))) {
                    options.add(o);
                }
            }
        });
        return options;
    }

    private void replace(Turn turn, CartDraft draft, int index, LineRequest line, Outcome outcome) {
        if (priced(turn, line, outcome)) {
            draft.replace(index, line);
            outcome.showCart = true;
            if (!outcome.edited.contains(index)) {
                outcome.edited.add(index);
            }
        }
    }

    /** Whether the line prices; if not, the choice it lacks is asked, or why it cannot be had is noted. */
    private boolean priced(Turn turn, LineRequest line, Outcome outcome) {
        try {
            Pricing.priceLine(turn.menu(), line);
            return true;
        } catch (PricingException e) {
            if (e.reason() == PricingException.Reason.MISSING_CHOICE) {
                outcome.questions.add(steps.askChoice(turn, line));
            } else {
                outcome.notes.add(steps.pricingNote(turn, e));
                outcome.showCart = true;
            }
            return false;
        }
    }

    private void remove(Turn turn, CartDraft draft, Edit edit, String text, Outcome outcome) {
        List<LineRequest> cart = draft.lines();
        List<Integer> gone = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Reference target : outcome.forced != null ? List.<Reference>of() : edit.targets()) {
            if (target.every()) {
                // "remove both", "drop all of them"
                for (int i : CartLine.every(cart, target)) {
                    gone.add(i);
                    counts.add(null);
                }
                continue;
            }
            CartLine line = resolve(turn, draft, CartLine.of(cart, target), target, text, outcome);
            if (line == null) {
                return;
            }
            if (line.ambiguous()) {
                // "remove the lassi", asked which, answered "both"
                for (int i : line.indexes()) {
                    gone.add(i);
                    counts.add(null);
                }
            } else if (line.found()) {
                gone.add(line.index());
                counts.add(edit.quantity() != null ? edit.quantity() : line.units());
            } else {
                missing.add(target.itemIds().isEmpty() ? target.span() : steps.names(turn, target.itemIds()));
            }
        }
        if (outcome.forced != null) {
            // "remove the lassi", then "the other one too"
            for (int i : outcome.forced) {
                gone.add(i);
                counts.add(null);
            }
        }
        if (!missing.isEmpty()) {
            outcome.before.add(replies.say(turn, "not_in_cart", Map.of("items", replies.andList(turn, missing))));
        }
        if (!gone.isEmpty()) {
            // "remove 1 butter chicken" of 2 takes one away: say how many
            List<String> names = new ArrayList<>();
            for (int k = 0; k < gone.size(); k++) {
                int i = gone.get(k);
                Integer count = counts.get(k);
                String name = steps.names(turn, List.of(cart.get(i).itemId()));
                String shown = count != null && count < cart.get(i).quantity() ? count + " × " + name : name;
                if (!names.contains(shown)) {
                    names.add(shown);
                }
            }
            outcome.before.add(replies.say(turn, "removed", Map.of("items", replies.andList(turn, names))));
        }
        // highest index first, so the others keep their places
        Map<Integer, Integer> byLine = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (int k = 0; k < gone.size(); k++) {
            byLine.putIfAbsent(gone.get(k), counts.get(k) == null ? Integer.MAX_VALUE : counts.get(k));
        }
        byLine.forEach((i, count) -> {
            LineRequest line = cart.get(i);
            if (count < line.quantity()) {
                draft.replace(i, line.withQuantity(line.quantity() - count));
            } else {
                draft.remove(i);
            }
        });
        outcome.showCart = true;
    }

    /** Not in the cart: an edit that names items orders them ("one more naan" with no naan yet). */
    private void notInCart(Turn turn, CartDraft draft, ParseResult step, Outcome outcome) {
        // "make the biryani large" with no biryani yet orders one (asking which); "change X to Y" orders nothing
        boolean replaces = step.intent() == Intent.CHANGE && step.edit().replacement() != null;
        boolean orders =
                !replaces && (!step.lines().isEmpty() || !step.unresolved().isEmpty());
        if (orders) {
            outcome.ordered.addAll(step.lines());
            outcome.unresolved.addAll(step.unresolved());
            return;
        }
        if (draft.size() == 0) {
            outcome.before.add(replies.say(turn, "cart_empty"));
            return;
        }
        Reference target = step.edit().target();
        String named = target.itemIds().isEmpty()
                ? target.span()
                : replies.orList(
                        turn,
                        target.itemIds().stream()
                                .map(id -> turn.menu()
                                        .item(id)
                                        .map(Menu.Item::name)
                                        .orElse(id))
                                .toList());
        outcome.before.add(replies.say(turn, "not_in_cart", Map.of("items", named)));
        outcome.showCart = true;
    }

    private OutboundMessage whichLine(
            Turn turn, CartDraft draft, CartLine line, String text, List<List<Integer>> chosen) {
        var priced = Pricing.price(turn.menu(), draft.lines()).lines();
        List<String> shown = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        String before = Tap.before(chosen);
        for (int i : line.indexes()) {
            var p = priced.get(i);
            String options = replies.optionSummary(turn, p);
            String title = p.quantity() + " × " + p.name() + (options.isBlank() ? "" : " (" + options + ")");
            shown.add(title);
            if (text.length() <= MAX_TEXT) {
                choices.add(new Choice(
                        LINE_PREFIX + turn.session().cartRevision() + ":" + before + i + ":" + text,
                        title.length() > 20 ? title.substring(0, 20) : title));
            }
        }
        return replies.choose(turn, "which_line", Map.of("lines", replies.orList(turn, shown)), choices);
    }
}
