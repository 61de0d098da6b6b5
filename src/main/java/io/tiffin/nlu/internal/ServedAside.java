package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an option is served, said right after it ({@code served-aside.txt}): "a buffalo chicken with
 * ranch on the side". A menu may name a side dish by those words; after an option that dish does
 * not take they say how the option comes, so they are taken out and no side without a pick is
 * ordered. After the side's own option ("chips on the side") they are left to name it.
 */
final class ServedAside {

    private ServedAside() {}

    /** How many words an option's name before the phrase may have. */
    private static final int LONGEST_OPTION = 3;

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = null;
        for (int at = 1; at < tokens.length; at++) {
            var phrase = lexicon.servedAside.longest(tokens, at);
            if (phrase == null) {
                continue;
            }
            if (canonical == null) {
                canonical = index.canonical(tokens);
            }
            var side = index.items.longest(canonical, at);
            if (side == null
                    || side.length() != phrase.length()
                    || !afterOtherOption(canonical, at, side.value(), index)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, at));
            out.addAll(Arrays.asList(tokens).subList(at + phrase.length(), tokens.length));
            return applied(lexicon, out.toArray(String[]::new), index);
        }
        return tokens;
    }

    /** Whether an option ends right before {@code at} that none of these items takes. */
    private static boolean afterOtherOption(String[] canonical, int at, List<String> sideIds, MenuIndex index) {
        for (int k = Math.max(0, at - LONGEST_OPTION); k < at; k++) {
            var option = index.options.longest(canonical, k);
            if (option != null
                    && k + option.length() == at
                    && option.value().stream().noneMatch(ref -> sideIds.contains(ref.itemId()))) {
                return true;
            }
        }
        return false;
    }
}
