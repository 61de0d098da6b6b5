package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counted picks said before one dish they share: "a large and a medium coke", "one medium and one
 * small pizza both with sausage", "a small and a large latte". Each part before the last is a
 * count and one-pick choices of that dish (a size) and nothing else: the dish is said again after
 * it, so it is a line of its own rather than a size without an item. The dish is an item, or the
 * one-pick option that says which kind of it ("latte" on a menu that sells drinks by type); a part
 * that already names a kind ("a large latte and a small cappuccino") is left as it is, and so is
 * one with a topping ("two large pepperoni and one medium veggie").
 */
final class SharedDishes {

    private SharedDishes() {}

    /** How many words back from a list word a part may start (a count and up to three pick words). */
    private static final int LONGEST_PART = 4;

    private record Dish(int length, List<String> itemIds, Set<String> kindGroups) {}

    static String[] spread(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = null;
        for (int at = 2; at < tokens.length; at++) {
            if (!listWord(lexicon, tokens, at - 2) && !listWord(lexicon, tokens, at - 3)) {
                continue; // no list word just before a count and a pick: nothing shared (read cheaply)
            }
            if (canonical == null) {
                canonical = index.canonical(tokens);
            }
            Dish dish = dish(index, canonical, at);
            if (dish == null) {
                continue;
            }
            int lastStart = at;
            while (lastStart > 0 && !listWord(lexicon, tokens, lastStart - 1)) {
                lastStart--;
            }
            Set<String> said = new java.util.HashSet<>();
            if (!part(lexicon, index, tokens, canonical, lastStart, at, dish, said, null) || said.isEmpty()) {
                continue;
            }
            List<Integer> ends = new ArrayList<>();
            int next = lastStart;
            while (next > 1 && listWord(lexicon, tokens, next - 1)) {
                int end = next - 1;
                int start = -1;
                for (int k = end - 2; k >= Math.max(0, end - LONGEST_PART); k--) {
                    if (part(lexicon, index, tokens, canonical, k, end, dish, new java.util.HashSet<>(), said)) {
                        start = k;
                        break;
                    }
                }
                if (start < 0) {
                    break;
                }
                ends.add(end);
                next = start;
            }
            if (ends.isEmpty()) {
                continue;
            }
            List<String> dishWords = Arrays.asList(tokens).subList(at, at + dish.length());
            List<String> out = new ArrayList<>(tokens.length + ends.size() * dishWords.size());
            for (int i = 0; i < tokens.length; i++) {
                if (ends.contains(i)) {
                    out.addAll(dishWords);
                }
                out.add(tokens[i]);
            }
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** The item named at {@code at}, or the one-pick option naming a kind of one; null if neither. */
    private static Dish dish(MenuIndex index, String[] canonical, int at) {
        var item = index.items.longest(canonical, at);
        if (item != null) {
            return new Dish(item.length(), item.value(), Set.of());
        }
        var kind = index.options.longest(canonical, at);
        if (kind == null) {
            return null;
        }
        List<MenuIndex.OptionRef> refs =
                kind.value().stream().filter(index::onePick).toList();
        if (refs.isEmpty()) {
            return null;
        }
        return new Dish(
                kind.length(),
                refs.stream().map(MenuIndex.OptionRef::itemId).distinct().toList(),
                refs.stream().map(MenuIndex.OptionRef::groupId).collect(Collectors.toSet()));
    }

    private static boolean listWord(Lexicon lexicon, String[] tokens, int i) {
        return i >= 0 && i < tokens.length && (tokens[i].equals(",") || lexicon.listJoins.contains(tokens[i]));
    }

    /**
     * A count at {@code start}, then only choices of the dish up to {@code end}, none of its kind,
     * their groups put in {@code groups}; in a part before the last (when {@code parallel}, the
     * groups of the last part), at least one, each a one-pick choice of a group the last part
     * chooses in too ("a large and a medium": sizes both), so "a small dark roast and a medium
     * latte" stays two drinks of their own.
     */
    private static boolean part(
            Lexicon lexicon,
            MenuIndex index,
            String[] tokens,
            String[] canonical,
            int start,
            int end,
            Dish dish,
            Set<String> groups,
            Set<String> parallel) {
        boolean before = parallel != null;
        var count = lexicon.numbers.longest(tokens, start);
        if (count == null || count.length() != 1) {
            return false;
        }
        int at = start + 1;
        if (before && at >= end) {
            return false;
        }
        while (at < end) {
            var option = index.options.longest(canonical, at);
            if (option == null) {
                return false;
            }
            List<MenuIndex.OptionRef> own = option.value().stream()
                    .filter(ref -> dish.itemIds().contains(ref.itemId()))
                    .toList();
            if (own.isEmpty()
                    || own.stream().anyMatch(ref -> dish.kindGroups().contains(ref.groupId()))
                    || before
                            && own.stream().noneMatch(ref -> index.onePick(ref) && parallel.contains(ref.groupId()))) {
                return false;
            }
            own.forEach(ref -> groups.add(ref.groupId()));
            at += option.length();
        }
        return at == end;
    }
}
