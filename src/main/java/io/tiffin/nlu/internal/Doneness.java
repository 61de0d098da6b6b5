package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How a dish is cooked ({@code doneness.txt}): "a cheeseburger medium well with a tiny bit of
 * ketchup". On a menu that sells "medium" as a size, "medium" would be a size the burger does not
 * take and would carry "with ..." away into a line of its own. The phrase is read as one word
 * ("mediumwell"), which no menu names, so it stays with the dish as its note; a menu that names
 * the phrase as an option keeps it as it is.
 */
final class Doneness {

    private Doneness() {}

    static String[] joined(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<String> out = null;
        for (int i = 0; i < tokens.length; i++) {
            var phrase = lexicon.doneness.longest(tokens, i);
            if (phrase == null || namedByMenu(tokens, i, phrase.length(), index)) {
                if (out != null) {
                    out.add(tokens[i]);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(List.of(tokens).subList(0, i));
            }
            out.add(String.join("", List.of(tokens).subList(i, i + phrase.length())));
            i += phrase.length() - 1;
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }

    private static boolean namedByMenu(String[] tokens, int at, int length, MenuIndex index) {
        String[] canonical = new String[tokens.length];
        for (int k = at; k < at + length; k++) {
            canonical[k] = index.canonical(tokens[k]);
        }
        var option = index.options.longest(canonical, at);
        var item = index.items.longest(canonical, at);
        return option != null && option.length() >= length || item != null && item.length() >= length;
    }
}
