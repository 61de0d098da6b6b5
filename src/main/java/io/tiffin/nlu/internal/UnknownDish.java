package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import java.util.ArrayList;
import java.util.List;

/**
 * "one masala dosa please", "2 cold coffee": a count and a few words that together name nothing on
 * the menu, one of them no word of the menu or the lexicons, is an order for a dish the kitchen does
 * not have. Read as that dish, not
 * found, so the customer is told what we have no such thing of, instead of "I didn't catch that".
 */
final class UnknownDish {

    /** Words that close the dish's name without being part of it. */
    private static final List<String> CLOSERS = List.of("please", "pls", "plz", "thanks", "thank", "bhaiya", "ji");

    private static final int LONGEST_NAME = 3;

    private final TurnLexicon words;

    UnknownDish(TurnLexicon words) {
        this.words = words;
    }

    ParseResult check(String[] t, ParseResult order, MenuIndex index) {
        if (order.intent() != Intent.OTHER
                || !order.lines().isEmpty()
                || !order.unresolved().isEmpty()) {
            return order;
        }
        int start = startAfterCount(t);
        if (start < 0) {
            return order;
        }
        List<String> name = new ArrayList<>();
        boolean unknown = false;
        int k = start;
        for (; k < t.length && !CLOSERS.contains(t[k]); k++) {
            String word = t[k];
            if (!word.matches("\\p{L}+") || words.hasOwn(word)) {
                return order; // "one more", "a bit less": words of an edit, not of a dish
            }
            // "masala dosa": menu words may be part of a dish the menu does not have
            unknown |= !words.knows(word) && !word.equals(index.canonical(word));
            name.add(word);
        }
        for (; k < t.length; k++) {
            if (!CLOSERS.contains(t[k])) {
                return order;
            }
        }
        if (!unknown || name.size() > LONGEST_NAME) {
            return order;
        }
        return new ParseResult(
                Intent.ORDER,
                List.of(),
                List.of(new Unresolved(String.join(" ", name), Reason.UNKNOWN_ITEM, List.of(), null)),
                order.confidence(),
                order.note(),
                order.edit(),
                order.question(),
                order.language());
    }

    /** Where the words after a leading count ("one", "2", "a") begin; -1 without one. */
    private int startAfterCount(String[] t) {
        if (t.length < 2) {
            return -1;
        }
        var count = words.count(t, 0, t.length);
        if (count != null) {
            return count.length();
        }
        return t[0].equals("a") || t[0].equals("an") ? 1 : -1;
    }
}
