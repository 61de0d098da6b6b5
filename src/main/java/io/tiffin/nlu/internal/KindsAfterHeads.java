package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A kind said after the word it qualifies, as learners of English put it: "two shake vanilla",
 * "fries curly", "cookie oatmeal raisin", "burger vegan", "salsa corn". When the words after a
 * menu word, put before it, make one menu name ("vanilla shake", "curly fries", "oatmeal raisin
 * cookie", "corn salsa"), they are put there: otherwise the head alone reads as a dish or option of
 * its own (a chocolate chip cookie for "cookie", plain fries for "fries") and the kind as another.
 * Nothing moves when the words after run on into a longer name ("chicken bbq sauce": the sauce,
 * not "bbq chicken"), or when the head already reads with them as written.
 */
final class KindsAfterHeads {

    /** The longest kind moved: "cookie white chip macadamia nut" is four words after the head. */
    private static final int MAX_KIND = 4;

    private KindsAfterHeads() {}

    static String[] moved(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 8, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        // the menu words said, and the other words as they are, so that a longer name through a list
        // word ("steak and cheese") still reads as one
        String[] canonical = new String[tokens.length];
        boolean[] nameWord = new boolean[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            String word = isWordOfAName(lexicon, tokens[k]) ? index.canonical(tokens[k]) : null;
            nameWord[k] = word != null;
            canonical[k] = word != null ? word : tokens[k];
        }
        boolean[] changed = namedByAChange(lexicon, tokens);
        for (int i = 0; i < tokens.length; i++) {
            if (!nameWord[i] || changed[i]) {
                continue;
            }
            int head = Math.max(1, said(canonical, i, index));
            for (int kind = 1; kind <= MAX_KIND && i + head + kind <= tokens.length; kind++) {
                if (!nameWord[i + head + kind - 1]) {
                    break;
                }
                if (said(canonical, i + head, index) > kind) {
                    continue;
                }
                String[] turned = new String[kind + head];
                System.arraycopy(canonical, i + head, turned, 0, kind);
                System.arraycopy(canonical, i, turned, kind, head);
                if (said(turned, 0, index) != turned.length) {
                    continue;
                }
                List<String> out = new ArrayList<>(List.of(tokens).subList(0, i));
                out.addAll(List.of(tokens).subList(i + head, i + head + kind));
                out.addAll(List.of(tokens).subList(i, i + head));
                out.addAll(List.of(tokens).subList(i + head + kind, tokens.length));
                return out.toArray(String[]::new);
            }
            i += head - 1;
        }
        return tokens;
    }

    /**
     * Where a change names what it changes ("make the cheese pepperjack", "... and the bread
     * wheat"): there the words after the name are its new pick, read by {@link GroupChanges} and
     * {@link MadeOver}, not a kind said after its word.
     */
    private static boolean[] namedByAChange(Lexicon lexicon, String[] tokens) {
        boolean[] named = new boolean[tokens.length];
        boolean inChange = false;
        for (int k = 0; k < tokens.length; k++) {
            var opener = lexicon.makeThe.longest(tokens, k);
            if (opener != null && k + opener.length() < tokens.length) {
                inChange = true;
                named[k + opener.length()] = true;
            } else if (inChange && k >= 2 && tokens[k - 1].equals("the") && lexicon.listJoins.contains(tokens[k - 2])) {
                named[k] = true;
            }
        }
        return named;
    }

    /** How many words from {@code at} make the longest dish or option name, 0 when none. */
    private static int said(String[] canonical, int at, MenuIndex index) {
        var item = index.items.longest(canonical, at);
        var option = index.options.longest(canonical, at);
        return Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
    }

    /** Counts, articles and list words are never part of a name moved. */
    private static boolean isWordOfAName(Lexicon lexicon, String token) {
        return !lexicon.articles.contains(token)
                && !lexicon.listJoins.contains(token)
                && lexicon.numbers.longest(new String[] {token}, 0) == null
                && !token.chars().allMatch(Character::isDigit);
    }
}
