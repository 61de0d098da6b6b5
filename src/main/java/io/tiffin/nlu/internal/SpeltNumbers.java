package io.tiffin.nlu.internal;

import java.util.List;

/**
 * A number typed as digits inside a menu name the menu spells in words ("2 extra shots" for "two
 * extra shots", "7up" for "seven up"): read as the menu's word where that makes a longer menu
 * phrase than the digits do. Elsewhere digits stay a count.
 */
final class SpeltNumbers {

    private SpeltNumbers() {}

    static void read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty() || token.length() > 2 || !token.chars().allMatch(Character::isDigit)) {
                continue;
            }
            List<String> words = lexicon.numberWords.getOrDefault(Integer.parseInt(token), List.of());
            int asDigits = phraseAt(tokens, i, index);
            for (String word : words) {
                if (!index.isMenuWord(word)) {
                    continue;
                }
                tokens[i] = word;
                if (phraseAt(tokens, i, index) > Math.max(asDigits, 1)) {
                    break;
                }
                tokens[i] = token;
            }
        }
    }

    /** The longest menu phrase (item or option) that starts at {@code i}, in words. */
    private static int phraseAt(String[] tokens, int i, MenuIndex index) {
        int end = Math.min(tokens.length, i + 6);
        String[] canonical = new String[end - i];
        for (int k = i; k < end; k++) {
            canonical[k - i] = index.canonical(tokens[k]);
        }
        var item = index.items.longest(canonical, 0);
        var option = index.options.longest(canonical, 0);
        return Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
    }
}
