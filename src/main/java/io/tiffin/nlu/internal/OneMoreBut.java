package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "one more" or "another one" after a dish, the change said after "but" ({@code one-more-but.txt}):
 * "a hot chocolate with cinnamon and one more for my son but without the cinnamon". Between the two
 * only words of no menu and no count may stand (who it is for). Read as "the same again", the change
 * makes a line of its own with the dish's picks; as said, the refusal went to the first line and the
 * second was lost, or "but with cheese" made a line of cheese alone.
 */
final class OneMoreBut {

    private static final PhraseTable<String[]> PHRASES =
            PhraseTable.readings(OneMoreBut.class.getClassLoader(), "one-more-but.txt");
    private static final String BUT = "but";
    private static final int LONGEST_GAP = 5;

    private OneMoreBut() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int i = 1; i < tokens.length; i++) {
            var phrase = PHRASES.longest(tokens, i);
            if (phrase == null || phrase.length() == 1 || !dishBefore(index, canonical, i)) {
                continue;
            }
            int after = i + phrase.length();
            int but = after;
            while (but < tokens.length
                    && but - after <= LONGEST_GAP
                    && !opensChange(tokens, but)
                    && canonical[but] == null
                    && lexicon.numbers.longest(tokens, but) == null) {
                but++;
            }
            if (but >= tokens.length || but - after > LONGEST_GAP || !opensChange(tokens, but)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
            out.addAll(List.of(phrase.value()));
            out.addAll(Arrays.asList(tokens).subList(after, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    private static boolean opensChange(String[] tokens, int at) {
        var word = PHRASES.longest(tokens, at);
        return word != null && word.length() == 1 && word.value().length == 1 && word.value()[0].equals(BUT);
    }

    /** A menu phrase before {@code i}: a dish, or a pick where a menu's dishes are picks of one item. */
    private static boolean dishBefore(MenuIndex index, String[] canonical, int i) {
        for (int k = 0; k < i; k++) {
            if (canonical[k] != null
                    && (index.items.longest(canonical, k) != null || index.options.longest(canonical, k) != null)) {
                return true;
            }
        }
        return false;
    }
}
