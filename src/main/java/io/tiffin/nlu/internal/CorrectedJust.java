package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A correction with "just" before the new words ({@code corrected-just.txt}): "an espresso with two
 * extra shots, actually just one extra shot". Read as the plain correction words, so the new words
 * replace the old ones; as said, "just" stood between them and the old shots stayed, the new ones a
 * drink of their own. Only after menu words and before one.
 */
final class CorrectedJust {

    private static final PhraseTable<String[]> PHRASES =
            PhraseTable.readings(CorrectedJust.class.getClassLoader(), "corrected-just.txt");

    private CorrectedJust() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length; i++) {
            var phrase = PHRASES.longest(tokens, i);
            if (phrase == null) {
                continue;
            }
            int after = i + phrase.length();
            if (after >= tokens.length
                    || !menuWordBefore(tokens, i, index)
                    || !menuWordAfter(lexicon, tokens, after, index)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
            out.addAll(List.of(phrase.value()));
            out.addAll(Arrays.asList(tokens).subList(after, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    private static boolean menuWordBefore(String[] tokens, int i, MenuIndex index) {
        for (int k = 0; k < i; k++) {
            if (index.canonical(tokens[k]) != null) {
                return true;
            }
        }
        return false;
    }

    /** A menu word, or a count or article before one, right after the correction. */
    private static boolean menuWordAfter(Lexicon lexicon, String[] tokens, int at, MenuIndex index) {
        int k = at;
        if (k < tokens.length && (lexicon.articles.contains(tokens[k]) || lexicon.numbers.longest(tokens, k) != null)) {
            k++;
        }
        return k < tokens.length && index.canonical(tokens[k]) != null;
    }
}
