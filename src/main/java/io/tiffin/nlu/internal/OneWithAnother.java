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
        String[] canonical = index.canonical(tokens);
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
            int[] dish = dishBefore(lexicon, tokens, canonical, i, index);
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

    /**
     * The nearest dish named right after a count of one before the "one" at {@code one}: {start, end},
     * or null. A dish counted several that already took picks after "with" ("two tacos with chicken
     * and one with steak") is whole, so a single "one with" after it is one more of it, not a part.
     */
    private static int[] dishBefore(Lexicon lexicon, String[] tokens, String[] canonical, int one, MenuIndex index) {
        int end = one - 1;
        for (int k = end - 1; k >= 1; k--) {
            var item = index.items.longest(canonical, k);
            if (item == null || k + item.length() > end) {
                continue;
            }
            var count = lexicon.numbers.longest(tokens, k - 1);
            boolean isOne = count != null && count.length() == 1 && count.value() == 1 || tokens[k - 1].equals("1");
            boolean whole = count != null
                    && count.value() > 1
                    && pickedWith(lexicon, tokens, k + item.length(), end)
                    && !anotherPart(lexicon, tokens, one + 1, tokens.length)
                    && !anotherPart(lexicon, tokens, k + item.length(), one);
            return isOne || whole ? new int[] {k, k + item.length()} : null;
        }
        return null;
    }

    private static boolean pickedWith(Lexicon lexicon, String[] tokens, int from, int end) {
        for (int k = from; k < end; k++) {
            if (lexicon.numbers.longest(tokens, k) != null) {
                return false; // "two burritos, one with steak and one with chicken": parts said before
            }
            var with = lexicon.separators.longest(tokens, k);
            if (with != null && with.length() == 1 && !lexicon.listJoins.contains(tokens[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Another "one with" between {@code from} and {@code to}: the "one"s are then parts of the counted
     * line ("three bowls with chicken, one with guac, one with sour cream and one with corn salsa").
     */
    private static boolean anotherPart(Lexicon lexicon, String[] tokens, int from, int to) {
        for (int k = from; k + 1 < Math.min(to, tokens.length); k++) {
            var number = lexicon.numbers.longest(tokens, k);
            var with = lexicon.separators.longest(tokens, k + 1);
            if (number != null
                    && number.length() == 1
                    && number.value() == 1
                    && with != null
                    && (k == 0 || !tokens[k - 1].equals("the"))) {
                return true; // "the one with steak" points back at a part, it is no other
            }
            // "... and the other with mushrooms": what is left of the line is a part as well
            var rest = lexicon.restOfLine.longest(tokens, k);
            if (rest != null && lexicon.separators.longest(tokens, k + rest.length()) != null) {
                return true;
            }
        }
        return false;
    }
}
