package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "one burrito with steak and one with chicken, both with cheese": after a dish counted one, "one"
 * after a list word and before "with" is another of that dish, named by its picks; the dish's words
 * are said again after it, so the second line is read as the first was. Where the dish was counted
 * several ("two burritos, one with steak and one with chicken") the parts are of that line and left.
 */
final class OneWithAnother {

    private OneWithAnother() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            canonical[i] = index.canonical(tokens[i]);
        }
        for (int i = 3; i + 1 < tokens.length; i++) {
            var number = lexicon.numbers.longest(tokens, i);
            var with = lexicon.separators.longest(tokens, i + 1);
            if (number == null
                    || number.length() != 1
                    || number.value() != 1
                    || lexicon.articles.contains(tokens[i])
                    || !lexicon.listJoins.contains(tokens[i - 1])
                    || with == null
                    || with.length() != 1
                    || lexicon.listJoins.contains(tokens[i + 1])) {
                continue;
            }
            int[] dish = dishBefore(lexicon, tokens, canonical, i - 1, index);
            if (dish == null) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, i + 1));
            out.addAll(Arrays.asList(tokens).subList(dish[0], dish[1]));
            out.addAll(Arrays.asList(tokens).subList(i + 1, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** The nearest dish named right after a count of one before {@code end}: {start, end}, or null. */
    private static int[] dishBefore(Lexicon lexicon, String[] tokens, String[] canonical, int end, MenuIndex index) {
        for (int k = end - 1; k >= 1; k--) {
            var item = index.items.longest(canonical, k);
            if (item == null || k + item.length() > end) {
                continue;
            }
            var count = lexicon.numbers.longest(tokens, k - 1);
            boolean one = count != null && count.length() == 1 && count.value() == 1 || tokens[k - 1].equals("1");
            return one ? new int[] {k, k + item.length()} : null;
        }
        return null;
    }
}
