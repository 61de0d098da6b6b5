package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "two pizzas, the chicken one on thin crust and the beef one thick crust", "two burritos one with
 * steak and one with chicken, the steak one with brown rice": after a count of two or more, "the"
 * and an option before "one" names a part of the line by that option. When the option was said
 * after "with" before, it is that part ("the one with steak"); when it was not said at all, a part
 * of its own ("one with chicken"). An option said otherwise before ("a small and a medium pizza,
 * the small one with ham") or a name of a dish is left to the readings of a dish pointed back at.
 */
final class PartsByOption {

    private PartsByOption() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        boolean counted = false;
        for (int i = 0; i + 2 < tokens.length; i++) {
            counted |= CountedOrdinals.countsTwoOrMore(lexicon, tokens, i);
            if (!counted || !tokens[i].equals("the") || canonical[i + 1] == null) {
                continue;
            }
            var option = index.options.longest(canonical, i + 1);
            // "the caramel one": a word of an option's name alone names it as well
            int length =
                    option != null ? option.length() : PartsPlacedOn.optionWord(lexicon, tokens, i + 1, index) ? 1 : 0;
            int one = length == 0 ? -1 : i + 1 + length;
            if (one < 0
                    || one >= tokens.length
                    || !tokens[one].equals("one")
                    || index.items.longest(canonical, i + 1) != null
                    || one + 1 < tokens.length
                            && canonical[one + 1] != null
                            && index.items.longest(canonical, one + 1) != null) {
                continue;
            }
            List<String> name = Arrays.asList(tokens).subList(i + 1, one);
            int said = saidBefore(tokens, name, i);
            if (said == 0) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, said > 0 ? i + 1 : i));
            out.add("one");
            out.add("with");
            out.addAll(name);
            out.addAll(Arrays.asList(tokens).subList(one + 1, tokens.length));
            return read(lexicon, out.toArray(String[]::new), index);
        }
        return tokens;
    }

    /** 1 when the name was said right after "with" before {@code before}, -1 when not said at all, 0 otherwise. */
    private static int saidBefore(String[] tokens, List<String> name, int before) {
        int result = -1;
        for (int k = 0; k + name.size() <= before; k++) {
            if (Arrays.asList(tokens).subList(k, k + name.size()).equals(name)) {
                if (k > 0 && tokens[k - 1].equals("with")) {
                    return 1;
                }
                result = 0;
            }
        }
        return result;
    }
}
