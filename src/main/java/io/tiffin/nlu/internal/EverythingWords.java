package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "With the lot", "the works", "all the fixings" ({@code everything.txt}): the menu's own option for
 * every topping, where the menu names that option by another of these phrases ("everything", "all
 * the toppings"). A phrase the menu names itself is left to the menu; "a lot of cheese" is no such
 * phrase.
 */
final class EverythingWords {

    private EverythingWords() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<String> out = null;
        String[] menuName = null;
        for (int i = 0; i < tokens.length; i++) {
            var said = lexicon.everything.longest(tokens, i);
            var refusal = lexicon.qualifiers.longest(tokens, i);
            if (said != null
                    && (refusal == null || refusal.length() <= said.length())
                    && (saysDishBefore(tokens, i, index) || PlacedOn.onADish(tokens, i + said.length(), index))
                    && !namedByMenu(index, Arrays.copyOfRange(tokens, i, i + said.length()))) {
                if (menuName == null) {
                    menuName = menuName(lexicon, index);
                    if (menuName == null) {
                        return tokens;
                    }
                }
                if (out == null) {
                    out = new ArrayList<>(List.of(tokens).subList(0, i));
                }
                out.addAll(List.of(menuName));
                i += said.length() - 1;
            } else if (out != null) {
                out.add(tokens[i]);
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }

    /** Whether a word of the menu comes before: "with the lot" is said of a dish ("clear everything" is not). */
    private static boolean saysDishBefore(String[] tokens, int at, MenuIndex index) {
        for (int k = 0; k < at; k++) {
            if (index.canonical(tokens[k]) != null) {
                return true;
            }
        }
        return false;
    }

    /** The first phrase of the lexicon the menu names as a whole option, or null. */
    private static String[] menuName(Lexicon lexicon, MenuIndex index) {
        for (String[] phrase : lexicon.everythingPhrases) {
            if (namedByMenu(index, phrase)) {
                return phrase;
            }
        }
        return null;
    }

    private static boolean namedByMenu(MenuIndex index, String[] phrase) {
        String[] canonical = new String[phrase.length];
        for (int k = 0; k < phrase.length; k++) {
            canonical[k] = index.canonical(phrase[k]);
            if (canonical[k] == null) {
                return false;
            }
        }
        var option = index.options.longest(canonical, 0);
        return option != null && option.length() == phrase.length;
    }
}
