package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A one-pick choice (a size) said right after the dish or the kind it is for, as learners of
 * English put it: "pizza large one with ham and pizza medium one with olives", "hawaiian medium
 * and supreme large". Read where a size stands, before the dish or kind: said after it, the size
 * is read as a change to whatever line is open, so the second dish's size lands on the first. A
 * kind moves its size only when it opens its part of the message and is not itself a one-pick
 * choice ("and pepperoni small"; "with ham large", "a large hawaiian" and "a medium coke", where the
 * coke is the drink's one pick, are left as said), and a size followed by a dish is that dish's ("a
 * coke large fries").
 */
final class SizesAfterDishes {

    private SizesAfterDishes() {}

    /** The words after a move, and where reading goes on: past the size and its dish. */
    private record Moved(String[] tokens, int end) {}

    static String[] moved(Lexicon lexicon, String[] tokens, MenuIndex index) {
        // one pass, left to right: a size moved is not read again as the kind of the size before it
        String[] out = tokens;
        for (int i = 0; i < out.length; i++) {
            Moved next = movedAt(lexicon, out, i, index);
            if (next != null) {
                out = next.tokens();
                i = next.end() - 1;
            }
        }
        return out;
    }

    /** The words with the size after the dish or kind at {@code i} put before it, or null. */
    private static Moved movedAt(Lexicon lexicon, String[] tokens, int i, MenuIndex index) {
        if (afterMakeThe(lexicon, tokens, i)) {
            return null; // "..., make the pizza large": the dish said before is changed (MadeOver), no new one
        }
        var item = index.items.longest(tokens, i);
        var option = index.options.longest(tokens, i);
        int length;
        Set<String> itemIds;
        Set<String> groups;
        if (item != null && (option == null || item.length() >= option.length())) {
            length = item.length();
            itemIds = Set.copyOf(item.value());
            groups = Set.of();
        } else if (option != null
                && startsPart(lexicon, tokens, i)
                && option.value().stream().noneMatch(index::onePick)) {
            length = option.length();
            itemIds = option.value().stream().map(MenuIndex.OptionRef::itemId).collect(Collectors.toSet());
            groups = option.value().stream().map(MenuIndex.OptionRef::groupId).collect(Collectors.toSet());
        } else {
            return null;
        }
        int at = i + length;
        var size = index.options.longest(tokens, at);
        if (size == null || index.items.longest(tokens, at) != null) {
            return null;
        }
        List<MenuIndex.OptionRef> refs =
                size.value().stream().filter(r -> itemIds.contains(r.itemId())).toList();
        boolean onePickOfIt = !refs.isEmpty()
                && refs.stream().allMatch(index::onePick)
                && refs.stream().noneMatch(r -> groups.contains(r.groupId()));
        int after = at + size.length();
        if (!onePickOfIt || index.items.longest(tokens, after) != null) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(tokens).subList(0, i));
        out.addAll(List.of(tokens).subList(at, after));
        out.addAll(List.of(tokens).subList(i, at));
        out.addAll(List.of(tokens).subList(after, tokens.length));
        return new Moved(out.toArray(String[]::new), after);
    }

    /** A kind opens its part of the message: "and pepperoni small", not "with ham large". */
    private static boolean startsPart(Lexicon lexicon, String[] tokens, int i) {
        if (i == 0) {
            return true;
        }
        String before = tokens[i - 1];
        return before.equals(",")
                || lexicon.listJoins.contains(before)
                || lexicon.articles.contains(before)
                || lexicon.numbers.longest(tokens, i - 1) != null;
    }

    /** Whether a phrase that opens a change to a dish said before ("make the") ends right at {@code i}. */
    private static boolean afterMakeThe(Lexicon lexicon, String[] tokens, int i) {
        for (int k = Math.max(1, i - 3); k < i; k++) {
            var opener = lexicon.makeThe.longest(tokens, k);
            if (opener != null && k + opener.length() == i) {
                return true;
            }
        }
        return false;
    }
}
