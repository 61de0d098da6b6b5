package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parts of a counted line named by ordinals ("two medium pizzas, the first with bacon and the second
 * with spinach", "three burgers: the first plain, the second with jalapenos, the third ..."): after a
 * count of two or more, each ordinal of {@code counted-ordinals.txt} is read as "one", the way the
 * split of a counted line is already read ("two pizzas, one with ham and one with olives"). Without
 * a count before it ("make the first one large") an ordinal names a line of the cart and is left.
 */
final class CountedOrdinals {

    private CountedOrdinals() {}

    static String[] read(Lexicon lexicon, String[] tokens) {
        List<String> out = null;
        boolean counted = false;
        for (int i = 0; i < tokens.length; i++) {
            var ordinal = counted ? lexicon.countedOrdinals.longest(tokens, i) : null;
            if (ordinal != null && i + ordinal.length() < tokens.length) {
                if (out == null) {
                    out = new ArrayList<>(List.of(tokens).subList(0, i));
                }
                out.add("one");
                i += ordinal.length() - 1;
                continue;
            }
            counted |= countsTwoOrMore(lexicon, tokens, i);
            if (out != null) {
                out.add(tokens[i]);
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }

    static boolean countsTwoOrMore(Lexicon lexicon, String[] tokens, int i) {
        String t = tokens[i];
        if (!t.isEmpty() && t.length() <= 2 && t.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(t) >= 2;
        }
        var number = lexicon.numbers.longest(tokens, i);
        return number != null && number.length() == 1 && number.value() >= 2;
    }
}
