package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Items offered as alternatives in an order: "a coke or a sprite, whichever", "2 naan and a mango
 * lassi or a sweet lassi". The order reading takes both (or the second as a note), but the customer
 * wants one of them: the span is left open as {@link Reason#EITHER} with the items the menu has, so
 * the customer picks, and the rest of the message is ordered as said. One side the menu does not know
 * at all ("sprite" where no sprite is sold) is said so, with the other side offered. Options said
 * as alternatives of one dish ("a pizza with ham or bacon", "no onions or peppers") are left alone.
 */
final class Alternatives {

    private final TurnLexicon words;

    Alternatives(TurnLexicon words) {
        this.words = words;
    }

    ParseResult check(String[] t, ParseResult order, MenuIndex index, Function<String[], ParseResult> orderOf) {
        if (order.intent() != Intent.ORDER
                || order.lines().isEmpty()
                || !order.parts().isEmpty()) {
            return order;
        }
        for (int k = 1; k < t.length - 1; k++) {
            if (!words.lexicon.alternatives.contains(t[k])) {
                continue;
            }
            int from = k;
            while (from > 0 && !joins(t[from - 1])) {
                from--;
            }
            int to = k + 1;
            while (to < t.length && !joins(t[to])) {
                to++;
            }
            ParseResult left = orderOf.apply(Arrays.copyOfRange(t, from, k));
            ParseResult right = orderOf.apply(Arrays.copyOfRange(t, k + 1, to));
            // a choice still to make ("2 cokes" where the menu asks can or bottle) is asked once one is picked
            if (left.lines().size() != 1 || !onlyChoicesOpen(left)) {
                continue;
            }
            String first = left.lines().get(0).itemId();
            Unresolved open;
            if (right.lines().size() == 1
                    && onlyChoicesOpen(right)
                    && !right.lines().get(0).itemId().equals(first)) {
                // "2 cokes or 2 sprites": two of the one picked
                open = new Unresolved(
                        String.join(" ", Arrays.copyOfRange(t, from, to)),
                        Reason.EITHER,
                        List.of(first, right.lines().get(0).itemId()),
                        null,
                        Math.max(
                                left.lines().get(0).quantity(),
                                right.lines().get(0).quantity()));
            } else if (right.lines().isEmpty() && unknownDish(t, k + 1, to, index)) {
                // "a coke or a sprite" where no sprite is sold: no sprite, and the coke offered
                open = new Unresolved(
                        dish(t, k + 1, to),
                        Reason.UNKNOWN_ITEM,
                        List.of(first),
                        null,
                        left.lines().get(0).quantity());
            } else {
                continue;
            }
            String[] rest = rest(t, from, to);
            ParseResult others = rest.length == 0 ? null : orderOf.apply(rest);
            List<ParseResult.Line> lines = others == null ? List.of() : others.lines();
            List<Unresolved> unresolved = new ArrayList<>(others == null ? List.of() : others.unresolved());
            unresolved.add(open);
            return new ParseResult(Intent.ORDER, lines, unresolved, Math.min(order.confidence(), 0.8), order.note())
                    .about(Intent.ORDER, order.edit(), order.question(), order.language());
        }
        return order;
    }

    private static boolean onlyChoicesOpen(ParseResult side) {
        return side.unresolved().stream().allMatch(u -> u.reason() == Reason.MISSING_CHOICE);
    }

    private boolean joins(String word) {
        return word.equals(",") || words.lexicon.listJoins.contains(word) || words.lexicon.alternatives.contains(word);
    }

    /** Words that name no dish of the menu and no word of the lexicons, beside articles: a dish not sold. */
    private boolean unknownDish(String[] t, int from, int to, MenuIndex index) {
        boolean any = false;
        for (int k = from; k < to; k++) {
            if (words.lexicon.articles.contains(t[k])) {
                continue;
            }
            if (index.canonical(t[k]) != null
                    || index.isMenuWord(t[k])
                    || words.knows(t[k])
                    || words.is("EITHER", t[k])) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private String dish(String[] t, int from, int to) {
        return String.join(
                " ",
                Arrays.stream(t, from, to)
                        .filter(w -> !words.lexicon.articles.contains(w))
                        .toList());
    }

    /** The message without the alternatives, and without the join word left hanging beside them. */
    private String[] rest(String[] t, int from, int to) {
        List<String> rest = new ArrayList<>(Arrays.asList(t).subList(0, from));
        while (!rest.isEmpty() && joins(rest.getLast())) {
            rest.removeLast();
        }
        List<String> after = new ArrayList<>(Arrays.asList(t).subList(to, t.length));
        while (!after.isEmpty() && (joins(after.getFirst()) || words.is("EITHER", after.getFirst()))) {
            after.removeFirst();
        }
        if (!rest.isEmpty() && !after.isEmpty()) {
            rest.add("and");
        }
        rest.addAll(after);
        return rest.toArray(String[]::new);
    }
}
