package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "2 lattes and 2 americanos, lattes skinny, americanos iced", "two cheeseburgers and two cokes,
 * cheeseburgers with bacon, cokes large": after the dishes are ordered, a part that names one of them
 * again as it was said, then only its picks, gives that dish the picks; read as it stands it ordered
 * one more of each. The picks are put where the dish was said and the part is taken out, as {@link
 * MadeOver} does after "make the". A part with a count, another dish or a word the menu does not know
 * is left as it is.
 */
final class PicksSaidAfter {

    /** Longest name of a dish said again ("iced lattes", "curly fries"). */
    private static final int LONGEST_NAME = 3;

    private PicksSaidAfter() {}

    /** A part at [start, end) whose picks from {@code picksFrom} go after the word {@code after} said before. */
    private record Part(int start, int end, int after, int picksFrom) {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int p = 1; p < tokens.length; p++) {
            if (!tokens[p].equals(",")) {
                continue;
            }
            List<Part> parts = new ArrayList<>();
            int at = p;
            while (at < tokens.length && (tokens[at].equals(",") || lexicon.listJoins.contains(tokens[at]))) {
                Part part = partAt(lexicon, tokens, canonical, p, at + 1, index);
                if (part == null) {
                    break;
                }
                parts.add(part);
                at = part.end();
            }
            if (!parts.isEmpty() && at == tokens.length) {
                return rewritten(tokens, p, parts);
            }
        }
        return tokens;
    }

    /** The part from {@code start}: a dish said before {@code before}, then its picks to the next list word. */
    private static Part partAt(
            Lexicon lexicon, String[] tokens, String[] canonical, int before, int start, MenuIndex index) {
        int from = start < tokens.length && tokens[start].equals("the") ? start + 1 : start;
        for (int length = Math.min(LONGEST_NAME, tokens.length - from - 1); length >= 1; length--) {
            int said = saidBefore(lexicon, tokens, canonical, before, from, length, index);
            if (said < 0) {
                continue;
            }
            int end = from + length;
            boolean pick = false;
            while (end < tokens.length && !tokens[end].equals(",") && !lexicon.listJoins.contains(tokens[end])) {
                var option = index.options.longest(canonical, end);
                if (option != null && index.items.longest(canonical, end) == null) {
                    pick = true;
                    end += option.length();
                } else if (lexicon.separators.longest(tokens, end) != null
                        && lexicon.separators.longest(tokens, end).length() == 1) {
                    end++; // "cheeseburgers with bacon"
                } else {
                    return null;
                }
            }
            return pick ? new Part(start, end, said + length - 1, from + length) : null;
        }
        return null;
    }

    /** Where the dish named at {@code from} was said before {@code before}; -1 if nowhere. */
    private static int saidBefore(
            Lexicon lexicon, String[] tokens, String[] canonical, int before, int from, int length, MenuIndex index) {
        var item = index.items.longest(canonical, from);
        var option = index.options.longest(canonical, from);
        boolean dish = item != null && item.length() == length
                || option != null
                        && option.length() == length
                        && option.value().stream().anyMatch(index::onePick);
        if (!dish) {
            return -1;
        }
        for (int k = before - length; k >= 0; k--) {
            // ... where it closed its dish ("2 lattes and", "fries,"), not a pick before one ("large fries")
            boolean closed = k + length == before || lexicon.separators.longest(tokens, k + length) != null;
            if (closed && Arrays.equals(tokens, k, k + length, tokens, from, from + length)) {
                return k;
            }
        }
        return -1;
    }

    private static String[] rewritten(String[] tokens, int cut, List<Part> parts) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < cut; k++) {
            out.add(tokens[k]);
            for (Part part : parts) {
                if (part.after() == k) {
                    out.addAll(Arrays.asList(tokens).subList(part.picksFrom(), part.end()));
                }
            }
        }
        return out.toArray(String[]::new);
    }
}
