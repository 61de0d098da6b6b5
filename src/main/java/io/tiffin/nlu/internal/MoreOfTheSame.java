package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * "a small latte with foam, a large guatemalan coffee, and one more small latte with foam", "two
 * tuna subs on wheat and a hamburger and 1 more tuna sub on wheat": a count and a word of {@code
 * more-of-it.txt} before the very words of a line said earlier add to that line's count; the
 * words said again are taken out. Read as they stood, they were a second line of the same dish.
 */
final class MoreOfTheSame {

    private static final Set<String> MORE =
            Set.copyOf(Lexicon.lines(MoreOfTheSame.class.getClassLoader(), "more-of-it.txt"));

    private MoreOfTheSame() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 4, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = new String[tokens.length];
        String[] key = new String[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            canonical[k] = index.canonical(tokens[k]);
            key[k] = canonical[k] != null ? canonical[k] : TextNormalizer.singular(tokens[k]);
        }
        for (int i = 2; i + 2 < tokens.length; i++) {
            int more = countOf(lexicon, tokens, i);
            if (more < 1 || !MORE.contains(tokens[i + 1])) {
                continue;
            }
            int from = i + 2;
            int end = from;
            while (end < tokens.length && !isBoundary(lexicon, tokens, end)) {
                end++;
            }
            // "... with foam for my friend": the line's words end with its last menu word
            while (end > from && canonical[end - 1] == null) {
                end--;
            }
            if (!namesMenu(canonical, from, end, index)) {
                continue;
            }
            int length = end - from;
            for (int k = i - length - 1; k >= 0; k--) {
                int said = lexicon.articles.contains(tokens[k]) ? 1 : countOf(lexicon, tokens, k);
                int after = k + 1 + length;
                if (said < 1
                        || !Arrays.equals(key, k + 1, after, key, from, end)
                        || !endsLine(lexicon, tokens, canonical, after)) {
                    continue;
                }
                // the list words before the count go with it ("..., and one more ...")
                int cut = i;
                while (cut > after && (tokens[cut - 1].equals(",") || lexicon.listJoins.contains(tokens[cut - 1]))) {
                    cut--;
                }
                List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, cut));
                out.set(k, Integer.toString(said + more));
                out.addAll(Arrays.asList(tokens).subList(end, tokens.length));
                return out.toArray(String[]::new);
            }
        }
        return tokens;
    }

    /**
     * Whether the line said before ends at {@code k}: at a list word, or a word that is no menu word
     * and goes on with nothing ("please"); "with" goes on to more picks.
     */
    private static boolean endsLine(Lexicon lexicon, String[] tokens, String[] canonical, int k) {
        return isBoundary(lexicon, tokens, k)
                || canonical[k] == null
                        && lexicon.separators.longest(tokens, k) == null
                        && lexicon.numbers.longest(tokens, k) == null;
    }

    /** Whether the words from {@code from} to {@code end} are all menu words and name a dish or a pick. */
    private static boolean namesMenu(String[] canonical, int from, int end, MenuIndex index) {
        for (int k = from; k < end; k++) {
            var item = index.items.longest(canonical, k);
            var option = index.options.longest(canonical, k);
            if (item != null && k + item.length() <= end || option != null && k + option.length() <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBoundary(Lexicon lexicon, String[] tokens, int k) {
        return k >= tokens.length || tokens[k].equals(",") || lexicon.listJoins.contains(tokens[k]);
    }

    /** The value of a one-word count or article at {@code i}, 0 when none. */
    private static int countOf(Lexicon lexicon, String[] tokens, int i) {
        if (tokens[i].length() <= 2 && tokens[i].chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(tokens[i]);
        }
        var number = lexicon.numbers.longest(tokens, i);
        return number != null && number.length() == 1 ? number.value() : 0;
    }
}
