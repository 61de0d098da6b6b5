package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "make it a double, two shots", "a latte, a triple, so three shots": a multiplier said alone
 * ({@code multipliers.txt}) and said again at once as the counted option it stands for. The
 * multiplier (with its article) is taken out, so that the option is read once, as counted; read as
 * it stood, "double" was an extra of the shots, or an article counting a second drink.
 */
final class MultipliersRestated {

    private MultipliersRestated() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i + 2 < tokens.length; i++) {
            var multiplier = lexicon.multipliers.longest(tokens, i);
            if (multiplier == null) {
                continue;
            }
            int j = i + multiplier.length();
            if (j >= tokens.length || !tokens[j].equals(",")) {
                continue; // "a double espresso": the multiplier before its own word
            }
            j++;
            while (j < tokens.length && (lexicon.fillers.contains(tokens[j]) || lexicon.everyday.contains(tokens[j]))) {
                j++;
            }
            if (j + 1 >= tokens.length || !restates(lexicon, tokens, j, multiplier.value(), index)) {
                continue;
            }
            int start = i > 0 && lexicon.articles.contains(tokens[i - 1]) ? i - 1 : i;
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, start));
            out.addAll(Arrays.asList(tokens).subList(i + multiplier.length(), tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** Whether {@code count} is said at {@code at} and opens an option the menu counts that way. */
    private static boolean restates(Lexicon lexicon, String[] tokens, int at, int count, MenuIndex index) {
        var number = lexicon.numbers.longest(tokens, at);
        boolean digits = !tokens[at].isEmpty()
                && tokens[at].length() <= 2
                && tokens[at].chars().allMatch(Character::isDigit);
        int said = number != null ? number.value() : digits ? Integer.parseInt(tokens[at]) : -1;
        if (said != count) {
            return false;
        }
        int next = at + (number != null ? number.length() : 1);
        String word = next < tokens.length ? index.canonical(tokens[next]) : null;
        return word != null && !index.counted(count, word).isEmpty();
    }
}
