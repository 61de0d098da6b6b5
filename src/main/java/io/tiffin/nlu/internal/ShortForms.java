package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Short forms people type ("lg", "xl", "pepp", "mayo", from {@code shorthand.txt}), read as the
 * words they stand for. Only where the menu does not use the short form itself (a menu whose style
 * is called "med" keeps it) and every word it stands for means something here: a word of the menu
 * or of the lexicons ("lg" is "large" only on a menu that has a large).
 */
final class ShortForms {

    private ShortForms() {}

    static String[] expanded(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<String> out = null;
        for (int i = 0; i < tokens.length; i++) {
            String[] full = lexicon.shorthand.get(tokens[i]);
            boolean reads = full != null && !index.isMenuWord(tokens[i]) && standsForWords(lexicon, full, index);
            if (reads && out == null) {
                out = new ArrayList<>(List.of(tokens).subList(0, i));
            }
            if (out != null) {
                out.addAll(reads ? List.of(full) : List.of(tokens[i]));
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }

    /**
     * Short forms of {@code shorthand-in-names.txt} ("n" for "and"), read only where the words around
     * them then make a whole menu name: "steak n cheese" is the Steak and Cheese, "ham n pineapple" two
     * toppings as before.
     */
    static String[] inNames(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            String[] full = lexicon.shorthandInNames.get(tokens[i]);
            if (full == null) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(tokens).subList(0, i));
            words.addAll(List.of(full));
            words.addAll(List.of(tokens).subList(i + 1, tokens.length));
            String[] out = words.toArray(String[]::new);
            String[] canonical = index.canonical(out);
            int after = i + full.length;
            for (int from = Math.max(0, i - 3); from < i; from++) {
                var item = index.items.longest(canonical, from);
                var option = index.options.longest(canonical, from);
                int reach = Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
                if (from + reach > after) {
                    tokens = out;
                    break;
                }
            }
        }
        return tokens;
    }

    private static boolean standsForWords(Lexicon lexicon, String[] full, MenuIndex index) {
        for (String word : full) {
            if (!index.isMenuWord(word) && index.canonical(word) == null && !lexicon.knownWords.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
