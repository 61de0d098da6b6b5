package io.tiffin.nlu.internal;

import static io.tiffin.nlu.internal.CorrectionUnits.countWord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A count taken back for a dish said earlier in the message: "..., actually make that three sprites". */
final class Recounts {

    private Recounts() {}

    /**
     * "two sprites and a tuna sub, actually make that three sprites": a count and a dish said
     * before, closing the message or its part, give that dish the count where it was said, whatever
     * was said between; the clause is taken out. Null when the dish was not said before.
     */
    static String[] recounted(
            Lexicon lexicon, String[] tokens, String[] canonical, int at, int after, MenuIndex index) {
        if (after + 1 >= tokens.length || !countWord(lexicon, tokens, after)) {
            return null;
        }
        int from = after + 1;
        var item = index.items.longest(canonical, from);
        var option = index.options.longest(canonical, from);
        int length = Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
        int end = from + length;
        if (length == 0 || end < tokens.length && !lexicon.listJoins.contains(tokens[end])) {
            return null;
        }
        int markerStart = at > 0 && tokens[at - 1].equals(",") ? at - 1 : at;
        for (int k = markerStart - length; k >= 0; k--) {
            if (!Arrays.equals(canonical, k, k + length, canonical, from, end)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, markerStart));
            int c = k - 1;
            while (c >= 0 && k - c <= 3 && canonical[c] != null && lexicon.numbers.longest(tokens, c) == null) {
                c--; // the dish's picks before it ("two large sprites")
            }
            if (c >= 0 && (countWord(lexicon, tokens, c) || lexicon.articles.contains(tokens[c]))) {
                out.set(c, tokens[after]);
            } else {
                out.add(k, tokens[after]);
            }
            while (end == tokens.length && !out.isEmpty() && lexicon.listJoins.contains(out.getLast())) {
                out.removeLast();
            }
            out.addAll(Arrays.asList(tokens).subList(end, tokens.length));
            return out.toArray(String[]::new);
        }
        return null;
    }
}
