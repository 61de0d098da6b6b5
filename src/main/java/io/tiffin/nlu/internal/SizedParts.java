package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A second dish named only by its one-pick choices after a dish said in full: "a cheese pizza for
 * my son and a large hawaiian for me", "my wife wants a pepperoni pizza and i want a medium
 * supreme". After a list word, a part that names no dish but says an article, a one-pick choice of
 * the dish said last (a size) and one or more choices of its other groups (a kind) is that dish
 * again: its name is said after them, so the choices make a line of their own rather than change the line before (where
 * they would pick a second size). One choice alone ("and a large") is left as it is.
 */
final class SizedParts {

    private SizedParts() {}

    static String[] spread(Lexicon lexicon, String[] tokens, MenuIndex index) {
        int lastItemAt = -1;
        int lastItemLength = 0;
        List<String> lastItemIds = List.of();
        for (int i = 0; i < tokens.length; i++) {
            var item = index.items.longest(tokens, i);
            if (item != null) {
                lastItemAt = i;
                lastItemLength = item.length();
                lastItemIds = item.value();
                i += item.length() - 1;
                continue;
            }
            if (lastItemAt < 0 || !lexicon.listJoins.contains(tokens[i])) {
                continue;
            }
            int partEnd = i + 1;
            boolean namesDish = false;
            // the part runs to a list word before a count ("... and a coke"): "a large pepperoni and
            // mushroom pizza" names its dish after a list word of its own
            while (partEnd < tokens.length && !startsNextPart(lexicon, tokens, partEnd)) {
                namesDish |= index.items.longest(tokens, partEnd) != null;
                partEnd++;
            }
            if (namesDish) {
                continue;
            }
            for (int a = i + 1; a < partEnd - 2; a++) {
                if (!lexicon.articles.contains(tokens[a])) {
                    continue;
                }
                int runEnd = onePickRun(index, tokens, a + 1, partEnd, lastItemIds);
                if (runEnd < 0) {
                    break;
                }
                List<String> out = new ArrayList<>(List.of(tokens).subList(0, runEnd));
                out.addAll(List.of(tokens).subList(lastItemAt, lastItemAt + lastItemLength));
                out.addAll(List.of(tokens).subList(runEnd, tokens.length));
                return out.toArray(String[]::new);
            }
        }
        return tokens;
    }

    private static boolean startsNextPart(Lexicon lexicon, String[] tokens, int at) {
        return lexicon.listJoins.contains(tokens[at])
                && at + 1 < tokens.length
                && lexicon.numbers.longest(tokens, at + 1) != null;
    }

    /**
     * The end of a one-pick choice of the items (a size) at {@code at} and then one or more choices
     * of their other groups, or -1.
     */
    private static int onePickRun(MenuIndex index, String[] tokens, int at, int end, List<String> itemIds) {
        Set<String> first = null;
        int choices = 0;
        while (at < end) {
            var option = index.options.longest(tokens, at);
            if (option == null) {
                break;
            }
            Set<String> own = new HashSet<>();
            for (var ref : option.value()) {
                if (itemIds.contains(ref.itemId()) && (first != null || index.onePick(ref))) {
                    own.add(ref.groupId());
                }
            }
            if (own.isEmpty() || first != null && first.containsAll(own)) {
                return -1;
            }
            if (first == null) {
                first = own;
            }
            choices++;
            at += option.length();
        }
        return choices >= 2 ? at : -1;
    }
}
