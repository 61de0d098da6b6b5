package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "a cheeseburger and a hamburger, bacon on both", "two cheeseburgers and a double, extra bacon and
 * no mustard on all", "a meat lovers and a supreme, extra cheese on both": options said after the
 * last dish and pointed back at every one by a word of {@code distributive-after.txt} and one of
 * {@code distributive.txt} are read as said after "both with" ({@code spread-with.txt}), which gives
 * them to every line; they are the words back to the nearest comma or "with", and none of them
 * names a dish ("... and apple slices for each" counts the slices). Read as they stood, they stayed
 * on the last line wherever a dish is a pick of its menu item (a burger kind, a pizza style) and the
 * options were said after a comma.
 */
final class OnBoth {

    private static final String WITH =
            Lexicon.lines(OnBoth.class.getClassLoader(), "spread-with.txt").getFirst();

    private OnBoth() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int on = 2; on + 1 < tokens.length; on++) {
            if (!lexicon.distributiveAfter.contains(tokens[on]) || !lexicon.distributive.contains(tokens[on + 1])) {
                continue;
            }
            int k = on - 1;
            boolean option = false;
            boolean dish = false;
            while (k > 0 && consumable(lexicon, tokens[k], index)) {
                dish |= dish(tokens[k], index);
                option |= index.options.longest(new String[] {index.canonical(tokens[k])}, 0) != null;
                k--;
            }
            // the options open at the nearest comma or "with" ("pickles and lettuce on both"); where
            // nothing opens them they may be a dish's own words ("a hamburger bacon on both")
            int from = k + 1;
            // "... with mayo and apple slices for each": a dish in the words counts it, they are no options
            if (!(tokens[k].equals(",") || tokens[k].equals(WITH))
                    || dish
                    || !option
                    || from >= on
                    || !menuWordBefore(lexicon, tokens, k, index)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, from - 1));
            if (!tokens[from - 1].equals(WITH)) {
                out.add(tokens[from - 1]);
            }
            out.add(tokens[on + 1]);
            out.add(WITH);
            out.addAll(Arrays.asList(tokens).subList(from, on));
            out.addAll(Arrays.asList(tokens).subList(on + 2, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /**
     * Whether the word names a dish: a menu item, or a pick of the first group of its item (what the
     * dish is where a menu makes its dishes picks: a side's kind, a drink).
     */
    private static boolean dish(String token, MenuIndex index) {
        String word = index.canonical(token);
        if (word == null) {
            return false;
        }
        if (index.items.longest(new String[] {word}, 0) != null) {
            return true;
        }
        var option = index.options.longest(new String[] {word}, 0);
        return option != null
                && option.value().stream().allMatch(ref -> {
                    var item = index.itemsById.get(ref.itemId());
                    return item != null
                            && !item.optionGroups().isEmpty()
                            && item.optionGroups().getFirst().id().equals(ref.groupId());
                });
    }

    /** An option's word, a word of an amount or a refusal ("extra", "no"), or a list join. */
    private static boolean consumable(Lexicon lexicon, String token, MenuIndex index) {
        if (token.equals(",") || token.equals(WITH)) {
            return false;
        }
        String word = index.canonical(token);
        // a lexicon's word is an option's here only when it is a whole option ("cheese")
        boolean menuWord = word != null
                && (!lexicon.knownWords.contains(token) || index.options.longest(new String[] {word}, 0) != null);
        return menuWord
                || lexicon.qualifiers.longest(new String[] {token}, 0) != null
                || lexicon.listJoins.contains(token);
    }

    private static boolean menuWordBefore(Lexicon lexicon, String[] tokens, int end, MenuIndex index) {
        for (int k = 0; k < end; k++) {
            if (index.canonical(tokens[k]) != null && !lexicon.knownWords.contains(tokens[k])) {
                return true;
            }
        }
        return false;
    }
}
