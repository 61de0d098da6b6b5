package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A degree said after the option it measures, with nothing after it to measure: "with honey but
 * not too much", "caramel, extra please". Read before the option ("with not too much honey"), as
 * the rest of the parser expects it. Refusals are left alone ("cheese, no" is another class), as is
 * a degree that a menu word follows ("honey but extra cream").
 */
final class TrailingDegrees {

    private TrailingDegrees() {}

    static String[] moved(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int at = 1; at < tokens.length; at++) {
            var degree = lexicon.qualifiers.longest(tokens, at);
            // a phrase of its own ("not too much"), never a lone word that also opens names ("extra hot")
            if (degree == null || degree.value() == Qualifier.NO || degree.length() < 2) {
                continue;
            }
            int after = at + degree.length();
            while (after < tokens.length && lexicon.fillers.contains(tokens[after])) {
                after++;
            }
            if (after < tokens.length && !boundary(lexicon, tokens, after)) {
                continue;
            }
            int end = at;
            while (end > 0 && (tokens[end - 1].equals(",") || tokens[end - 1].equals("but"))) {
                end--;
            }
            int start = optionEndingAt(canonical, end, index);
            if (start < 0 || qualifiedAlready(lexicon, tokens, start)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, start));
            out.addAll(Arrays.asList(tokens).subList(at, at + degree.length()));
            out.addAll(Arrays.asList(tokens).subList(start, end));
            out.addAll(Arrays.asList(tokens).subList(at + degree.length(), tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    private static boolean boundary(Lexicon lexicon, String[] tokens, int i) {
        return tokens[i].equals(",") || tokens[i].equals(".") || lexicon.separators.longest(tokens, i) != null;
    }

    private static boolean qualifiedAlready(Lexicon lexicon, String[] tokens, int start) {
        for (int k = Math.max(0, start - 4); k < start; k++) {
            var qualifier = lexicon.qualifiers.longest(tokens, k);
            if (qualifier != null && k + qualifier.length() == start) {
                return true;
            }
        }
        return false;
    }

    /** Where an option's name that ends at {@code end} starts; -1 if none. */
    private static int optionEndingAt(String[] canonical, int end, MenuIndex index) {
        for (int start = end - 1; start >= 0 && start >= end - 4; start--) {
            var option = index.options.longest(canonical, start);
            if (option != null && start + option.length() == end && index.items.longest(canonical, start) == null) {
                return start;
            }
        }
        return -1;
    }
}
