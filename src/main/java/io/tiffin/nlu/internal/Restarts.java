package io.tiffin.nlu.internal;

import static io.tiffin.nlu.internal.CorrectionUnits.countWord;
import static io.tiffin.nlu.internal.CorrectionUnits.unitAt;

import io.tiffin.nlu.internal.CorrectionUnits.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message started again after a restart word ({@code restarts.txt}): "a medium no a large diet
 * coke", "two sorry three lattes", "medium curly fries, sorry, large curly fries".
 */
final class Restarts {

    private Restarts() {}

    /**
     * "a medium no a large diet coke", "two sorry three lattes": a restart word right between two
     * counts, or between an article with a pick (or an item) and an article with a pick of the same
     * group (or another item). Anything else after it ("a large pizza no onions", "with ham no
     * olives") is left to the refusals; null then.
     */
    static String[] restarted(Lexicon lexicon, String[] tokens, String[] canonical, int at, MenuIndex index) {
        var marker = lexicon.restarts.longest(tokens, at);
        if (marker == null) {
            return null;
        }
        int after = at + marker.length();
        int end = tokens[at - 1].equals(",") ? at - 1 : at;
        if (after >= tokens.length || end == 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (countWord(lexicon, tokens, end - 1) && countWord(lexicon, tokens, after)) {
            out.addAll(Arrays.asList(tokens).subList(0, end - 1));
        } else {
            if (!lexicon.articles.contains(tokens[after])) {
                return restated(lexicon, tokens, canonical, end, after, index);
            }
            Unit b = unitAt(lexicon, tokens, canonical, after + 1, index);
            if (b == null || b.count()) {
                return null;
            }
            // the longest unit of b's kind that ends at the restart and that an article opens
            int start = -1;
            for (int k = Math.max(1, end - 6); k < end && start < 0; k++) {
                Unit a = unitAt(lexicon, tokens, canonical, k, index);
                if (a != null && a.end() == end && a.sameKind(b) && lexicon.articles.contains(tokens[k - 1])) {
                    start = k - 1;
                }
            }
            if (start < 0) {
                return null;
            }
            out.addAll(Arrays.asList(tokens).subList(0, start));
        }
        out.addAll(Arrays.asList(tokens).subList(after, tokens.length));
        return out.toArray(String[]::new);
    }

    /**
     * "medium curly fries, sorry, large curly fries", "two small fries sorry three small fries": after
     * a restart word, a count or picks with the dish said again take the place of the same dish with
     * its count and picks right before the restart. The dish said again is what makes it a
     * correction; "a burger, sorry, no onions" says none.
     */
    private static String[] restated(
            Lexicon lexicon, String[] tokens, String[] canonical, int end, int after, MenuIndex index) {
        int from = tokens[after].equals(",") ? after + 1 : after;
        int j = from < tokens.length && countWord(lexicon, tokens, from) ? from + 1 : from;
        Unit last = null;
        int units = j > from ? 1 : 0;
        while (j < tokens.length && j < from + 6) {
            Unit unit = unitAt(lexicon, tokens, canonical, j, index);
            if (unit == null || unit.count()) {
                break;
            }
            last = unit;
            units++;
            j = unit.end();
        }
        int length = last == null ? 0 : last.end() - last.start();
        if (last == null || units < 2 || end - length < 0) {
            return null;
        }
        for (int k = 0; k < length; k++) {
            String said = canonical[last.start() + k];
            if (said == null || !said.equals(canonical[end - length + k])) {
                return null;
            }
        }
        int start = end - length;
        while (start > 0) {
            int k = start - 1;
            Unit unit = unitAt(lexicon, tokens, canonical, k, index);
            boolean pick = unit != null && !unit.count() && unit.end() <= start;
            if (!pick && !lexicon.articles.contains(tokens[k]) && !countWord(lexicon, tokens, k)) {
                break;
            }
            start = k;
        }
        List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, start));
        out.addAll(Arrays.asList(tokens).subList(from, tokens.length));
        return out.toArray(String[]::new);
    }
}
