package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * "a large latte and one more", "1 large pepperoni pizza plus two more exactly the same": a list
 * word, a count and a word of {@code more-of-it.txt} closing the message, with no menu word after
 * them, add that many to the count of the line before; the words are taken out. Read as they
 * stood, the count found nothing to count and was lost.
 */
final class MoreOfIt {

    private static final Set<String> MORE =
            Set.copyOf(Lexicon.lines(MoreOfIt.class.getClassLoader(), "more-of-it.txt"));

    private MoreOfIt() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 2; i + 1 < tokens.length; i++) {
            if (!MORE.contains(tokens[i + 1]) || lexicon.separators.longest(tokens, i - 1) == null) {
                continue;
            }
            int more = countOf(lexicon, tokens, i);
            if (more < 1 || !nothingOrdered(lexicon, tokens, i + 2, index)) {
                continue;
            }
            // the count that opens the line, not one inside its picks ("a little bit of cinnamon")
            int count = -1;
            for (int k = i - 2; k >= 0 && !lexicon.listJoins.contains(tokens[k]); k--) {
                if (countOf(lexicon, tokens, k) > 0) {
                    count = k;
                }
            }
            if (count < 0) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, i - 1));
            out.set(count, Integer.toString(countOf(lexicon, tokens, count) + more));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** The value of a one-word count or article at {@code i}, 0 when none. */
    private static int countOf(Lexicon lexicon, String[] tokens, int i) {
        if (tokens[i].length() <= 2 && tokens[i].chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(tokens[i]);
        }
        var number = lexicon.numbers.longest(tokens, i);
        return number != null && number.length() == 1 ? number.value() : 0;
    }

    /** Whether the words from {@code from} to the end are no menu word but one a lexicon knows, and count nothing ("exactly the same"). */
    private static boolean nothingOrdered(Lexicon lexicon, String[] tokens, int from, MenuIndex index) {
        for (int k = from; k < tokens.length; k++) {
            boolean menuWord = index.canonical(tokens[k]) != null && !lexicon.knownWords.contains(tokens[k]);
            if (menuWord || countOf(lexicon, tokens, k) > 0) {
                return false;
            }
        }
        return true;
    }
}
