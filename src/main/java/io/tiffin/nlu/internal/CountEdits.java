package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.internal.EditReader.Reading;
import java.util.List;
import java.util.Optional;

/** Edits of how many: "one more naan", "just 2 naan", "actually 3". */
final class CountEdits {

    private final TurnLexicon words;
    private final EditValues values;

    CountEdits(EditValues values) {
        this.words = values.words;
        this.values = values;
    }

    /** "one more naan", "2 more cokes", "another lassi", "another one", "ek aur naan", "do naan aur". */
    Optional<Reading> more(EditMessage m, int s, int e) {
        var count = words.count(m.t(), s, e);
        int at = count == null ? s : s + count.length();
        boolean another = words.at("ANOTHER", m.t(), at) > 0;
        boolean more = count != null && (words.at("MORE", m.t(), at) > 0 || m.t()[at < e ? at : s].equals("aur"));
        if (!another && !more) {
            // "naan one more"; "do naan aur" (two naan more)
            int tail = words.endingAt("MORE", m.t(), s, e);
            if (tail > 0 && count != null && at < e - tail) {
                Reference target = values.reference(m, at, e - tail);
                return target.looseItemIds().isEmpty()
                        ? Optional.empty()
                        : Optional.of(
                                new Reading(Intent.ADD, new Edit(List.of(target), count.value(), null, List.of())));
            }
            var tailCount = tail > 0 ? words.count(m.t(), e - tail - 1, e - tail) : null;
            if (tailCount == null || e - tail - 1 <= s) {
                return Optional.empty();
            }
            Reference target = values.reference(m, s, e - tail - 1);
            return target.looseItemIds().isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            new Reading(Intent.ADD, new Edit(List.of(target), tailCount.value(), null, List.of())));
        }
        int from = at + 1;
        Reference target = values.reference(m, from, e);
        if (!values.references.refersToSomething(target)) {
            return Optional.empty();
        }
        return Optional.of(
                new Reading(Intent.ADD, new Edit(List.of(target), count == null ? 1 : count.value(), null, List.of())));
    }

    /** "just 2 naan", "only one coke": the count the line should have. */
    Optional<Reading> only(EditMessage m, int s, int e) {
        int only = words.at("ONLY", m.t(), s);
        var count = only == 0 ? null : words.count(m.t(), s + only, e);
        if (count == null) {
            return Optional.empty();
        }
        int from = s + only + count.length();
        Reference target = values.reference(m, from, e);
        return target.looseItemIds().isEmpty() && from < e
                ? Optional.empty()
                : Optional.of(
                        new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, List.of())));
    }

    /** "actually 3", "no, 2 garlic naan", "3 instead": a softened count is a new count. */
    Optional<Reading> recount(EditMessage m, int s, int e) {
        var count = words.count(m.t(), s, e);
        if (count == null) {
            return Optional.empty();
        }
        int from = s + count.length();
        Reference target = values.reference(m, from, e);
        if (from < e && target.looseItemIds().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, List.of())));
    }
}
