package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "a decaf latte and another one of those for my mum", "a medium cappuccino and another one of those
 * but decaf": a phrase of {@code one-of-those.txt} after a dish is read as its reading there (the words
 * of {@code same-again.txt}), one more of the line just said; followed by a dish's name only
 * "another" is kept ("another one of those lattes" is another latte). Read as they stood, "another one" counted
 * a line with no dish and the picks after it ("but decaf") made a drink of no kind.
 */
final class OneOfThose {

    private static final PhraseTable<String[]> PHRASES =
            PhraseTable.readings(OneOfThose.class.getClassLoader(), "one-of-those.txt");

    private OneOfThose() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int i = 1; i < tokens.length; i++) {
            var phrase = PHRASES.longest(tokens, i);
            if (phrase == null) {
                continue;
            }
            if (!menuPhraseBefore(index, canonical, i)) {
                continue;
            }
            int after = i + phrase.length();
            int next = menuPhraseAt(index, canonical, after);
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
            if (next == 0) {
                out.addAll(List.of(phrase.value()));
            } else {
                // "another one of those lattes": one more latte, a line of its own as "another latte" is
                out.add(tokens[i]);
            }
            out.addAll(Arrays.asList(tokens).subList(after, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** The length of the menu name (a dish, or a pick that names one) at {@code at}, 0 when none. */
    private static int menuPhraseAt(MenuIndex index, String[] canonical, int at) {
        var item = index.items.longest(canonical, at);
        var option = index.options.longest(canonical, at);
        return Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
    }

    private static boolean menuPhraseBefore(MenuIndex index, String[] canonical, int end) {
        for (int k = 0; k < end; k++) {
            if (menuPhraseAt(index, canonical, k) > 0) {
                return true;
            }
        }
        return false;
    }
}
