package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "two large lattes one hot one iced", "three americanos, two hot and one iced": a count with a plain
 * temperature ({@code plain-temperatures.txt}) beside another counted part of the line is the part
 * left as the line was. The count and the word go, so the other part splits the line and the rest
 * stays as said; the word kept would read as a dish it starts ("hot" of hot chocolate). Kept where the
 * menu sells the word as an option or a word of a name follows it ("one hot chocolate").
 */
final class PlainTemperatures {

    private PlainTemperatures() {}

    static String[] dropped(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length; i++) {
            if (!lexicon.plainTemperatures.contains(tokens[i])
                    || !isCount(lexicon, tokens[i - 1])
                    || index.options.longest(new String[] {index.canonical(tokens[i])}, 0) != null) {
                continue;
            }
            int after = i + 1;
            while (after < tokens.length && lexicon.listJoins.contains(tokens[after])) {
                after++;
            }
            boolean countAfter = after < tokens.length && isCount(lexicon, tokens[after]);
            if (after < tokens.length && !countAfter) {
                if (isPartOfACount(lexicon, tokens, i, index)) {
                    List<String> kept = new ArrayList<>(Arrays.asList(tokens));
                    kept.remove(i);
                    return dropped(lexicon, kept.toArray(String[]::new), index);
                }
                continue; // "one hot chocolate": a word goes on
            }
            int before = i - 2;
            while (before >= 0 && lexicon.listJoins.contains(tokens[before])) {
                before--;
            }
            boolean countBefore = before >= 1 && isCount(lexicon, tokens[before - 1]);
            if (!countAfter && !countBefore) {
                continue;
            }
            List<String> kept = new ArrayList<>(Arrays.asList(tokens).subList(0, countAfter ? i - 1 : before + 1));
            kept.addAll(Arrays.asList(tokens).subList(after, tokens.length));
            return dropped(lexicon, kept.toArray(String[]::new), index);
        }
        return tokens;
    }

    /**
     * "4 lattes - 2 iced with vanilla, 2 hot with cinnamon": the word after a count that parts a line
     * counted before it, with no name or option of the menu starting at it, is the line as it was.
     */
    private static boolean isPartOfACount(Lexicon lexicon, String[] tokens, int i, MenuIndex index) {
        if (index.items.longest(tokens, i) != null || index.options.longest(tokens, i) != null) {
            return false;
        }
        for (int j = 0; j < i - 2; j++) {
            if (isCount(lexicon, tokens[j]) && !isCount(lexicon, tokens[j + 1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCount(Lexicon lexicon, String token) {
        return token.chars().allMatch(Character::isDigit) && !token.isEmpty()
                || lexicon.numbers.longest(new String[] {token}, 0) != null;
    }
}
