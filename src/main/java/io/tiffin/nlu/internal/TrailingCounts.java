package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A count typed after what it counts, as a multiplication ("lattes x2", "cold cut combo x 2",
 * "turkey sub 3x, all with lettuce", "cheeseburgers times two both with bacon"): moved to where a count stands, before the first menu word of
 * its part of the message, in place of an article there. A count sign before a menu word ("x3
 * barbacoa tacos", "2x americano") already counts what follows and is left alone.
 */
final class TrailingCounts {

    private TrailingCounts() {}

    static String[] moved(Lexicon lexicon, String[] tokens, MenuIndex index) {
        // "tuna x1, ham x2": each count in turn, over the words as the one before left them
        return Rewrites.untilSettled(tokens, 8, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            int numberAt;
            int end = i + 2;
            int part = i;
            var partitive = i > 0 && tokens[i - 1].equals(",") && isNumber(lexicon, tokens, i)
                    ? lexicon.partitive.longest(tokens, i + 1)
                    : null;
            if (lexicon.times.contains(tokens[i]) && isNumber(lexicon, tokens, i + 1)) {
                numberAt = i + 1;
            } else if (isNumber(lexicon, tokens, i) && lexicon.times.contains(tokens[i + 1])) {
                numberAt = i;
            } else if (partitive != null) {
                // "tuna sandwich, three of them, no mayo": the whole count of a dish said once, not a part of it
                numberAt = i;
                end = i + 1 + partitive.length();
                part = i - 1;
                // "cheeseburgers, one of them with bacon" is a part of the line: only a comma or the end may follow
                if (end < tokens.length && !tokens[end].equals(",")) {
                    continue;
                }
            } else {
                continue;
            }
            // "pizzas times three all large": a word for every one of them may follow the count
            if (end < tokens.length
                    && !tokens[end].equals(",")
                    && !lexicon.distributive.contains(tokens[end])
                    && lexicon.separators.longest(tokens, end) == null) {
                continue;
            }
            int first = part == i
                    ? firstMenuWord(lexicon, tokens, part, index)
                    : firstWordOfDish(lexicon, tokens, part, index);
            if (first < 0) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, first));
            boolean article = first > 0 && lexicon.articles.contains(tokens[first - 1]);
            if (article) {
                out.removeLast();
            }
            out.add(tokens[numberAt]);
            out.addAll(Arrays.asList(tokens).subList(first, part));
            out.addAll(Arrays.asList(tokens).subList(end, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    private static boolean isNumber(Lexicon lexicon, String[] tokens, int i) {
        if (tokens[i].chars().allMatch(Character::isDigit) && tokens[i].length() <= 2) {
            return true;
        }
        var number = lexicon.numbers.longest(tokens, i);
        return number != null && number.length() == 1 && !lexicon.articles.contains(tokens[i]);
    }

    /**
     * "medium pizza with ham, three of them": where the dish said before the comma at {@code end}
     * starts (its options included), past chatter; -1 when a count is there already.
     */
    private static int firstWordOfDish(Lexicon lexicon, String[] tokens, int end, MenuIndex index) {
        int start = end;
        while (start > 0 && !tokens[start - 1].equals(",")) {
            start--;
        }
        int first = -1;
        for (int k = start; k < end; k++) {
            if (isNumber(lexicon, tokens, k)) {
                return -1;
            }
            boolean article = lexicon.articles.contains(tokens[k]);
            boolean chatter = lexicon.fillers.contains(tokens[k]) || lexicon.everyday.contains(tokens[k]);
            if (first < 0 && !article && (index.canonical(tokens[k]) != null || !chatter)) {
                first = k;
            }
        }
        return first;
    }

    /** The first menu word of the part of the message that ends at {@code end}, or -1 (a count there already: -1). */
    private static int firstMenuWord(Lexicon lexicon, String[] tokens, int end, MenuIndex index) {
        int start = end;
        while (start > 0 && !tokens[start - 1].equals(",") && lexicon.separators.longest(tokens, start - 1) == null) {
            start--;
        }
        for (int k = start; k < end; k++) {
            if (isNumber(lexicon, tokens, k)) {
                return -1;
            }
            if (!lexicon.articles.contains(tokens[k]) && index.canonical(tokens[k]) != null) {
                return k;
            }
        }
        return -1;
    }
}
