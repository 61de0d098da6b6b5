package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of an option, said with a count before it ({@code option-measures.txt}): "two pumps of
 * vanilla", "one pump caramel", "a splash of hazelnut". The count counts the pumps, not a line, so
 * with the measure it is taken out and the option is read as said alone. Only before a menu word.
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
            int next = measure == null ? -1 : i + 1 + measure.length();
            if (next > 0 && next < tokens.length && index.canonical(tokens[next]) != null) {
                if (out == null) {
                    out = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
                }
                i = next - 1;
            } else if (out != null) {
                out.add(tokens[i]);
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }
}
