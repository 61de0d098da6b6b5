package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * "paneer 65" on a menu with paneer dishes and pizzas that take paneer as a topping: a word that
 * names both dishes and an option means the dishes first (items before options), so the customer
 * is asked about the paneer dishes, not the pizzas. Words said with it that the menu does not know
 * ("65") make a dish the menu does not have: it is named back as such, with those dishes offered.
 */
final class OptionWordNames {

    /**
     * A number this large after a dish's words is part of a name ("chicken 65", "paneer 555"), not a
     * count: counts said after a dish are small ("naan 2").
     */
    private static final int LARGEST_TRAILING_COUNT = 20;

    private final TurnLexicon words;

    OptionWordNames(TurnLexicon words) {
        this.words = words;
    }

    ParseResult check(String[] t, ParseResult order, MenuIndex index) {
        if (!order.lines().isEmpty() || order.unresolved().size() != 1 || order.edit() != null) {
            return order;
        }
        Unresolved open = order.unresolved().get(0);
        if (open.reason() != Reason.AMBIGUOUS || open.candidates().isEmpty()) {
            return order;
        }
        String[] span = open.span().split(" ");
        int[] at = find(t, span);
        if (at == null) {
            return order;
        }
        String[] canonical = index.canonical(span);
        Set<String> named = index.itemsNamedBy(canonical, 0, span.length);
        // the candidates are items the words name: nothing to put first
        if (named.isEmpty() || named.containsAll(open.candidates())) {
            return order;
        }
        int from = at[0];
        int to = at[1];
        while (to < t.length && unknown(t[to], index)) {
            to++;
        }
        while (from > 0 && unknown(t[from - 1], index)) {
            from--;
        }
        boolean noSuchDish = from < at[0] || to > at[1];
        Unresolved asked = new Unresolved(
                String.join(" ", Arrays.copyOfRange(t, from, to)),
                noSuchDish ? Reason.UNKNOWN_ITEM : Reason.AMBIGUOUS,
                new ArrayList<>(named),
                // "paneer pakora": "pakora" is the dish's name, no note for the kitchen on what is offered
                noSuchDish ? null : open.note());
        return new ParseResult(
                order.intent(),
                List.of(),
                List.of(asked),
                order.confidence(),
                order.note(),
                order.edit(),
                order.question(),
                order.language(),
                order.parts(),
                order.answer());
    }

    /** A word of a dish's name the menu does not have: unknown to the menu and lexicons, or a number no count. */
    private boolean unknown(String token, MenuIndex index) {
        if (token.matches("\\d{1,4}")) {
            return Integer.parseInt(token) > LARGEST_TRAILING_COUNT;
        }
        return token.matches("\\p{L}+") && !words.knows(token) && index.canonical(token) == null;
    }

    private static int[] find(String[] t, String[] span) {
        for (int k = 0; k + span.length <= t.length; k++) {
            if (Arrays.equals(t, k, k + span.length, span, 0, span.length)) {
                return new int[] {k, k + span.length};
            }
        }
        return null;
    }
}
