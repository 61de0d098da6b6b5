package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How sweet a drink is ("a latte half sweet", "an iced tea less sweet", "a chai half sugar"): where
 * the menu sells a sweetener (an option named as {@code sweetness.txt} lists), the words are that
 * option with the degree ("light sugar"), so the line carries it as a lighter or extra pick; where
 * it sells none they are left as said, and read as the customer's note for the kitchen. Words that
 * run on into a name of the menu ("extra sweet onion") are the menu's.
 */
final class Sweetness {

    private final Map<String, Qualifier> degrees = new HashMap<>();
    private final Set<String> sweet = new HashSet<>();
    private final List<String[]> sweeteners = new ArrayList<>();
    /** The one-word phrases of {@code qualifiers.txt} for each degree, in the file's order. */
    private final Map<Qualifier, List<String>> qualifierWords = new HashMap<>();

    Sweetness(Lexicon lexicon) {
        for (String line : Lexicon.lines(Sweetness.class.getClassLoader(), "sweetness.txt")) {
            int eq = line.lastIndexOf('=');
            String phrase = String.join(" ", lexicon.normalizer.tokens(line.substring(0, eq)));
            switch (line.substring(eq + 1).strip()) {
                case "LIGHT" -> degrees.put(phrase, Qualifier.LIGHT);
                case "EXTRA" -> degrees.put(phrase, Qualifier.EXTRA);
                case "SWEET" -> sweet.add(phrase);
                case "SWEETENER" -> sweeteners.add(phrase.split(" "));
                default -> throw new IllegalStateException("sweetness.txt: unknown role in " + line);
            }
        }
        for (String line : Lexicon.lines(Sweetness.class.getClassLoader(), "qualifiers.txt")) {
            int eq = line.lastIndexOf('=');
            String[] phrase = lexicon.normalizer.tokens(line.substring(0, eq));
            Qualifier qualifier =
                    Qualifier.valueOf(line.substring(eq + 1).strip().toUpperCase(java.util.Locale.ROOT));
            if (phrase.length == 1) {
                qualifierWords
                        .computeIfAbsent(qualifier, q -> new ArrayList<>())
                        .add(phrase[0]);
            }
        }
    }

    String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            Qualifier degree = degrees.get(tokens[i]);
            if (degree == null || !sweet.contains(tokens[i + 1]) || runsIntoAName(tokens, i, index)) {
                continue;
            }
            String[] sweetener = sweetenerOf(index, itemNear(tokens, i, index));
            String word = sweetener == null ? null : qualifierWord(degree, index);
            if (word == null) {
                continue; // no sweetener sold for this drink: the words stay a note
            }
            List<String> out = new ArrayList<>(List.of(tokens).subList(0, i));
            out.add(word);
            out.addAll(List.of(sweetener));
            out.addAll(List.of(tokens).subList(i + 2, tokens.length));
            tokens = out.toArray(String[]::new);
            i += sweetener.length;
        }
        return tokens;
    }

    /** "extra sweet onion", "less sweet potato fries": the sweetness word opens a name of the menu. */
    private static boolean runsIntoAName(String[] tokens, int i, MenuIndex index) {
        String[] canonical = canonical(tokens, index);
        var item = index.items.longest(canonical, i + 1);
        var option = index.options.longest(canonical, i + 1);
        return item != null && item.length() > 1 || option != null && option.length() > 1;
    }

    /**
     * The first sweetener name of the lexicon the menu sells as an option of the items said nearest
     * (any item when the message names none), or null.
     */
    private String[] sweetenerOf(MenuIndex index, List<String> items) {
        for (String[] name : sweeteners) {
            var option = index.options.longest(canonical(name, index), 0);
            if (option != null
                    && option.length() == name.length
                    && option.value().stream().anyMatch(r -> items.isEmpty() || items.contains(r.itemId()))) {
                return name;
            }
        }
        return null;
    }

    /** The items named nearest before the words ("a mocha half sweet"), else first after them ("a half sweet chai"). */
    private static List<String> itemNear(String[] tokens, int i, MenuIndex index) {
        String[] canonical = canonical(tokens, index);
        List<String> before = null;
        for (int k = 0; k < tokens.length; k++) {
            var item = index.items.longest(canonical, k);
            if (item != null && k < i) {
                before = item.value();
            } else if (item != null) {
                return before != null ? before : item.value();
            }
        }
        return before != null ? before : List.of();
    }

    /** A word of {@code qualifiers.txt} for the degree that is no word of the menu ("lite" where "light" is a roast). */
    private String qualifierWord(Qualifier degree, MenuIndex index) {
        for (String word : qualifierWords.getOrDefault(degree, List.of())) {
            if (!index.isMenuWord(word)) {
                return word;
            }
        }
        return null;
    }

    private static String[] canonical(String[] tokens, MenuIndex index) {
        String[] canonical = new String[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            String word = index.canonical(tokens[k]);
            canonical[k] = word == null ? tokens[k] : word;
        }
        return canonical;
    }
}
