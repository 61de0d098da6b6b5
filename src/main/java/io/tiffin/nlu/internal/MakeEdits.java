package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.internal.EditReader.Reading;
import java.util.List;
import java.util.Optional;

/** Edits that make a line something else: "make the naan 4", "make it large", "naan ko 4 kar do". */
final class MakeEdits {

    private final TurnLexicon words;
    private final EditValues values;

    MakeEdits(EditValues values) {
        this.words = values.words;
        this.values = values;
    }

    /** "make the naan 4", "make it large", "make that a diet coke", "make it 3 naans". */
    Optional<Reading> make(EditMessage m, int s, int e) {
        int pronoun = words.at("MAKE_IT", m.t(), s);
        if (pronoun > 0) {
            int from = s + pronoun;
            var count = words.count(m.t(), from, e);
            ParseResult value = m.read(from, e);
            if (count != null && !value.lines().isEmpty() && value.lines().size() == 1) {
                // "make it 3 naans": the count is for the naan, wherever it is in the cart
                return Optional.of(new Reading(
                        Intent.SET_QUANTITY,
                        new Edit(
                                List.of(values.reference(m, from + count.length(), e)),
                                count.value(),
                                null,
                                List.of())));
            }
            return Optional.of(values.into(m, Reference.LAST, from, e));
        }
        int verb = words.at("MAKE", m.t(), s);
        if (verb == 0 || s + verb >= e || List.of("me", "us", "mujhe", "hume").contains(m.t()[s + verb])) {
            return Optional.empty();
        }
        return made(m, s + verb, e);
    }

    /** "the second one large", "the first one 3": an ordinal opening the message is a "make" without the verb. */
    Optional<Reading> positional(EditMessage m, int s, int e) {
        int at = s < e && words.is("DETERMINER", m.t()[s]) ? s + 1 : s;
        var ordinal = at < e ? words.ordinals.longest(m.t(), at) : null;
        boolean suffixed = at + 1 < e && m.t()[at].matches("\\d{1,2}") && m.t()[at + 1].matches("st|nd|rd|th");
        if (ordinal == null && !suffixed || e - s < 2) {
            return Optional.empty();
        }
        return made(m, s, e);
    }

    /**
     * Hindi word order, the verb last: "naan ko 4 kar do" (make the naan 4), "coke ko diet coke kar do",
     * "naan 4 kar do"; without "ko" the count must close the message and a "kar do" must follow it.
     */
    Optional<Reading> madeInto(EditMessage m, int s, int e, boolean madeInHindi) {
        int ko = words.find("MADE_INTO", m.t(), s + 1, e);
        if (ko > s && ko + 1 < e) {
            return Optional.of(values.into(m, values.reference(m, s, ko), ko + words.at("MADE_INTO", m.t(), ko), e));
        }
        if (madeInHindi && e - s > 1 && words.count(m.t(), e - 1, e) != null && words.count(m.t(), s, e) == null) {
            Reference target = values.reference(m, s, e - 1);
            if (!target.looseItemIds().isEmpty()) {
                return Optional.of(values.into(m, target, e - 1, e));
            }
        }
        if (madeInHindi && e - s > 2 && words.count(m.t(), s, e) != null) {
            // "ek lassi mango kar do": some of a line's units made into another dish of its kind
            Reference target = values.reference(m, s, e - 1);
            if (!target.looseItemIds().isEmpty()) {
                Reading made = values.into(m, target, e - 1, e);
                ParseResult into = made.edit().replacement();
                if (into != null
                        && into.lines().size() == 1
                        && !target.itemIds().contains(into.lines().get(0).itemId())) {
                    return Optional.of(made);
                }
            }
        }
        // "cappuccino large kar do": the line's words, then its new choice, then the verb
        return madeInHindi && e - s > 1 && words.count(m.t(), s, e) == null
                ? made(m, s, e).filter(r -> !r.edit().target().looseItemIds().isEmpty())
                : Optional.empty();
    }

    /** What follows "make": the line meant, then what it becomes. */
    private Optional<Reading> made(EditMessage m, int from, int e) {
        for (int k = from + 1; k < e; k++) {
            boolean article = m.t()[k].equals("a") || m.t()[k].equals("an");
            // "the first one 3": the "one" after an ordinal is the line, not a count
            boolean afterOrdinal = words.ordinals.longest(m.t(), k - 1) != null || m.t()[k - 1].matches("st|nd|rd|th");
            if (afterOrdinal && words.is("PRONOUN", m.t()[k])) {
                continue;
            }
            if (words.count(m.t(), k, e) != null || article) {
                return Optional.of(values.into(m, values.reference(m, from, k), article ? k + 1 : k, e));
            }
        }
        // "make the biryani large": the target is the item's words, the rest is the new choice
        int k = e;
        while (k > from + 1 && !EditValues.isItemWord(m, m.t()[k - 1]) && !words.is("PRONOUN", m.t()[k - 1])) {
            k--;
        }
        for (int j = from + 1; k == e && j < e - 1; j++) {
            // "make the naan butter naan": the line's words, then a whole dish it becomes
            Reference target = values.reference(m, from, j);
            ParseResult into = m.read(j, e);
            if (!target.looseItemIds().isEmpty()
                    && into.lines().size() == 1
                    && into.unresolved().isEmpty()
                    && !target.itemIds().contains(into.lines().get(0).itemId())) {
                return Optional.of(values.into(m, target, j, e));
            }
        }
        if (k == e && e - from > 1) {
            // "make the lassi mango": the last word is the new item, said by what makes it differ
            Reference target = values.reference(m, from, e - 1);
            return target.looseItemIds().isEmpty() ? Optional.empty() : Optional.of(values.into(m, target, e - 1, e));
        }
        return k == e ? Optional.empty() : Optional.of(values.into(m, values.reference(m, from, k), k, e));
    }
}
