package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Reference;
import java.util.List;
import java.util.Set;

/**
 * "3 samosas not 2", "no wait, 3 samosas, not 2": a count for one item followed by "not" and another
 * count corrects the count of a line already ordered. It sets the line's count; read as an order it
 * would add three more to the two.
 */
final class CountCorrection {

    private static final Set<String> NEGATIONS = Set.of("not", "nahi", "nahin", "नहीं");

    private final TurnLexicon words;
    private final References references;

    CountCorrection(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
    }

    /** The edit setting the count, or null when the message is not such a correction. */
    EditReader.Reading read(
            String[] t,
            ParseResult order,
            MenuIndex index,
            java.util.function.Function<String[], ParseResult> orderOf) {
        if (order.intent() != Intent.ORDER
                || order.lines().size() != 1
                || !order.unresolved().isEmpty()) {
            return null;
        }
        Line line = order.lines().get(0);
        int not = -1;
        for (int k = t.length - 1; k >= 0; k--) {
            if (NEGATIONS.contains(t[k])) {
                not = k;
                break;
            }
        }
        if (not < 1 || not + 1 >= t.length) {
            return null;
        }
        var old = words.count(t, not + 1, t.length);
        if (old == null || not + 1 + old.length() != t.length || old.value() == line.quantity()) {
            return null; // "not 2" must end the message and name a different count
        }
        int said = -1;
        for (int k = 0; k < not; k++) {
            var count = words.count(t, k, not);
            if (count != null && count.value() == line.quantity()) {
                said = k + count.length();
                break;
            }
        }
        if (said < 0) {
            return null;
        }
        int end = not;
        while (end > said && t[end - 1].equals(",")) {
            end--;
        }
        // the words are resolved against the cart as any edit's are: "naan" may be the garlic naan
        Reference target = references.read(t, said, end, index, orderOf);
        return new EditReader.Reading(Intent.SET_QUANTITY, new Edit(List.of(target), line.quantity(), null, List.of()));
    }
}
