package io.tiffin.nlu.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * "1 large pizza with chicken and 2 small ones with mushrooms", "a small latte and 2 large ones":
 * after a count of two or more and picks of the menu, the plural of "one" ({@code plural-ones.txt})
 * stands for the dish just named as "a large one" does; read as its singular, the line is another of
 * that dish with the count and the picks, not a line of whatever the picks alone name.
 */
final class PluralOnes {

    private static final int MOST_PICK_WORDS = 3;
    private static final Map<String, String> SINGULAR = new HashMap<>();

    static {
        for (String line : Lexicon.lines(PluralOnes.class.getClassLoader(), "plural-ones.txt")) {
            String[] pair = line.split("=", 2);
            SINGULAR.put(pair[0].trim(), pair[1].trim());
        }
    }

    private PluralOnes() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] out = null;
        for (int i = 2; i < tokens.length; i++) {
            String singular = SINGULAR.get(tokens[i]);
            if (singular == null) {
                continue;
            }
            int j = i - 1;
            while (j > 0
                    && i - j <= MOST_PICK_WORDS
                    && index.canonical(tokens[j]) != null
                    && !countsSeveral(lexicon, tokens, j)) {
                j--;
            }
            if (j == i - 1 || !countsSeveral(lexicon, tokens, j)) {
                continue;
            }
            if (out == null) {
                out = tokens.clone();
            }
            out[i] = singular;
        }
        return out == null ? tokens : out;
    }

    private static boolean countsSeveral(Lexicon lexicon, String[] tokens, int j) {
        if (tokens[j].chars().allMatch(Character::isDigit)) {
            return tokens[j].length() <= 2 && Integer.parseInt(tokens[j]) >= 2;
        }
        var number = lexicon.numbers.longest(tokens, j);
        return number != null && number.length() == 1 && number.value() >= 2;
    }
}
