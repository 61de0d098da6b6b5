package io.tiffin.nlu.internal;

import java.util.List;

/**
 * "two medium pizzas with ham, actually make the pizzas large": a pick a change puts on a dish said
 * before takes the place of the dish's pick of the same one-pick group (the medium), which would
 * otherwise stand beside it as a second size. The dish's part runs back from where the change goes
 * to the comma or list word before it.
 */
final class PickReplaced {

    private PickReplaced() {}

    /** Marks in {@code dropped} the words of the dish's part before {@code at} that {@code words} replace. */
    static void mark(Lexicon lexicon, String[] tokens, int at, List<String> words, MenuIndex index, boolean[] dropped) {
        String[] said = canonical(tokens, index);
        String[] now = words.stream().map(index::canonical).toArray(String[]::new);
        int partStart = at;
        while (partStart > 0
                && !tokens[partStart - 1].equals(",")
                && !lexicon.listJoins.contains(tokens[partStart - 1])) {
            partStart--;
        }
        for (int j = 0; j < now.length; j++) {
            var pick = now[j] == null ? null : index.options.longest(now, j);
            if (pick == null || !OptionGroups.takesOneOnly(index, pick.value())) {
                continue;
            }
            for (int p = partStart; p < at; p++) {
                var before = said[p] == null ? null : index.options.longest(said, p);
                if (before != null
                        && p + before.length() <= at
                        && OptionGroups.takesOneOnly(index, before.value())
                        && OptionGroups.sameGroup(before.value(), pick.value())
                        && index.items.longest(said, p) == null) {
                    java.util.Arrays.fill(dropped, p, p + before.length(), true);
                }
            }
        }
    }

    private static String[] canonical(String[] tokens, MenuIndex index) {
        String[] out = index.canonical(tokens);
        return out;
    }
}
