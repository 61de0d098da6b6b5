package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of words before one head noun, each of which makes a menu name with it ("chocolate,
 * vanilla and strawberry shakes" where the menu has a chocolate shake, a vanilla shake and a
 * strawberry shake): the head is said again after each word. Only words that name nothing on their
 * own, so "coke and diet cokes" keeps its coke.
 */
final class SharedHeads {

    private SharedHeads() {}

    static String[] spread(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int head = 2; head < tokens.length; head++) {
            if (!namesWithHead(tokens, head - 1, head, index)) {
                continue;
            }
            List<Integer> shared = new ArrayList<>();
            int k = head - 2;
            while (k >= 1) {
                var join = lexicon.separators.longest(tokens, k);
                boolean listWord = tokens[k].equals(",")
                        || join != null && join.length() == 1 && lexicon.listJoins.contains(tokens[k]);
                if (!listWord || !namesWithHead(tokens, k - 1, head, index) || namesAlone(tokens, k - 1, index)) {
                    break;
                }
                shared.add(k - 1);
                k -= 2;
            }
            if (shared.isEmpty()) {
                continue;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                out.add(tokens[i]);
                if (shared.contains(i)) {
                    out.add(tokens[head]);
                }
            }
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** Whether the word at {@code at} and the head make a whole menu name of two words. */
    private static boolean namesWithHead(String[] tokens, int at, int head, MenuIndex index) {
        String[] pair = {index.canonical(tokens[at]), index.canonical(tokens[head])};
        if (pair[0] == null || pair[1] == null) {
            return false;
        }
        var item = index.items.longest(pair, 0);
        var option = index.options.longest(pair, 0);
        return item != null && item.length() == 2 || option != null && option.length() == 2;
    }

    private static boolean namesAlone(String[] tokens, int at, MenuIndex index) {
        String[] one = {index.canonical(tokens[at])};
        return one[0] != null && (index.items.longest(one, 0) != null || index.options.longest(one, 0) != null);
    }
}
