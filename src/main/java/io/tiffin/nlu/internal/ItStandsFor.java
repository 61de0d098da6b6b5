package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "can i get a large hawaiian? and could you do it on thin crust": after one dish, and nothing else
 * of the menu counted, a phrase of {@code it-stands-for.txt} stands for that dish and what follows
 * is its options. The phrase is taken out so they join the dish, instead of ordering a second one
 * the way a request opening a message does ("can you do a cheeseburger with bacon").
 */
final class ItStandsFor {

    private ItStandsFor() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int i = 1; i < tokens.length; i++) {
            var phrase = lexicon.itStandsFor.longest(tokens, i);
            if (phrase == null) {
                continue;
            }
            int after = i + phrase.length();
            if (after >= tokens.length
                    || !oneDish(lexicon, tokens, canonical, 0, i, index)
                    || items(canonical, after, tokens.length, index) > 0) {
                return tokens;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
            out.addAll(Arrays.asList(tokens).subList(after, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** Some menu word said before {@code end}, with at most one dish named and one count said. */
    private static boolean oneDish(
            Lexicon lexicon, String[] tokens, String[] canonical, int from, int end, MenuIndex index) {
        int counts = 0;
        boolean menu = false;
        for (int k = from; k < end; k++) {
            var number = lexicon.numbers.longest(tokens, k);
            if (number != null) {
                counts++;
                k += number.length() - 1;
            } else if (index.isMenuWord(tokens[k]) || canonical[k] != null && index.isMenuWord(canonical[k])) {
                menu = true;
            }
        }
        return menu && counts <= 1 && items(canonical, from, end, index) <= 1;
    }

    private static int items(String[] canonical, int from, int end, MenuIndex index) {
        int named = 0;
        for (int k = from; k < end; k++) {
            var item = index.items.longest(canonical, k);
            if (item != null && k + item.length() <= end) {
                named++;
                k += item.length() - 1;
            }
        }
        return named;
    }
}
