package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Words between a count and what it counts that are not what is counted. How much of an option
 * ({@code option-measures.txt}): "two pumps of vanilla", "one pump caramel", "a splash of
 * hazelnut": the count counts the pumps, not a line, so with the measure it is taken out and the
 * option is read as said alone. The same kind for each ({@code same-kind.txt}: "three of the same
 * pizza"): those words go and the count stays with the dish. Only before a menu word.
 */
final class OptionMeasures {

    private OptionMeasures() {}

    static String[] dropped(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<String> out = null;
        for (int i = 0; i < tokens.length; i++) {
            var count = lexicon.numbers.longest(tokens, i);
            boolean counted = count != null && count.length() == 1
                    || !tokens[i].isEmpty() && tokens[i].chars().allMatch(Character::isDigit);
            var measure = counted ? lexicon.optionMeasures.longest(tokens, i + 1) : null;
            var same = counted && measure == null ? lexicon.sameKind.longest(tokens, i + 1) : null;
            int next = measure != null ? i + 1 + measure.length() : same != null ? i + 1 + same.length() : -1;
            if (next > 0 && next < tokens.length && index.canonical(tokens[next]) != null) {
                if (out == null) {
                    out = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
                }
                if (same != null) {
                    out.add(tokens[i]); // "three of the same pizza": the count stays, for the dish
                }
                i = next - 1;
            } else if (out != null) {
                out.add(tokens[i]);
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }
}
