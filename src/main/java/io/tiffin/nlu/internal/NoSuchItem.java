package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the parser from ordering a different item than the one named: in "a paneer tikka pizza"
 * on a menu with a Paneer Tikka starter and pizzas but no paneer tikka pizza, the words of one item
 * run straight into words that name other items. Together they name nothing on the menu, so the
 * line is not ordered; the whole span is asked about, with both readings as candidates.
 */
final class NoSuchItem {

    ParseResult check(String[] t, ParseResult order, MenuIndex index) {
        if (order.lines().isEmpty() || order.unresolved().isEmpty()) {
            return order;
        }
        String[] canonical = new String[t.length];
        for (int k = 0; k < t.length; k++) {
            String c = index.canonical(t[k]);
            canonical[k] = c == null ? t[k] : c;
        }
        List<Line> lines = new ArrayList<>(order.lines());
        List<Unresolved> unresolved = new ArrayList<>(order.unresolved());
        boolean changed = false;
        for (Unresolved open : order.unresolved()) {
            if (open.reason() != Reason.AMBIGUOUS && open.reason() != Reason.UNKNOWN_ITEM) {
                continue;
            }
            int[] openAt = find(t, open.span().split(" "));
            if (openAt == null) {
                continue;
            }
            for (Line line : order.lines()) {
                int[] lineAt = itemSpan(canonical, line.itemId(), index);
                if (lineAt == null) {
                    lineAt = partialSpan(index.itemsById.get(line.itemId()), t, canonical, openAt);
                }
                if (lineAt == null || lineAt[1] != openAt[0] && openAt[1] != lineAt[0]) {
                    continue;
                }
                int from = Math.min(lineAt[0], openAt[0]);
                int to = Math.max(lineAt[1], openAt[1]);
                if (namesOnly(index.itemsById.get(line.itemId()), t, canonical, from, to)) {
                    // "veg samosa" for Veg Samosa (2 pcs): all the words are the item's own name
                    unresolved.remove(open);
                    changed = true;
                    break;
                }
                Set<String> candidates = new LinkedHashSet<>(open.candidates());
                candidates.add(line.itemId());
                lines.remove(line);
                unresolved.remove(open);
                unresolved.add(new Unresolved(
                        String.join(" ", java.util.Arrays.copyOfRange(t, from, to)),
                        Reason.UNKNOWN_ITEM,
                        List.copyOf(candidates),
                        open.note()));
                changed = true;
                break;
            }
        }
        return changed
                ? new ParseResult(
                        order.intent(),
                        lines,
                        unresolved,
                        lines.size() == order.lines().size() ? order.confidence() : order.confidence() * 0.7,
                        order.note(),
                        order.edit(),
                        order.question(),
                        order.language())
                : order;
    }

    /** Whether every word of the span is a word of the item's name or aliases. */
    private static boolean namesOnly(
            io.tiffin.catalog.Menu.Item item, String[] t, String[] canonical, int from, int to) {
        if (item == null) {
            return false;
        }
        Set<String> words = new java.util.HashSet<>();
        List<String> names = new ArrayList<>(item.aliases());
        names.add(item.name());
        for (String name : names) {
            for (String w : name.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                words.add(w);
            }
        }
        for (int k = from; k < to; k++) {
            if (!words.contains(t[k]) && !words.contains(canonical[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of the item's own name said right before or after the open span, as [start, end):
     * "mutton" of Mutton Rogan Josh in "mutton biryani", "tandoori" of Tandoori Roti in "tandoori
     * chicken". A line read from part of its name is the same substitution as one read whole.
     */
    private static int[] partialSpan(io.tiffin.catalog.Menu.Item item, String[] t, String[] canonical, int[] openAt) {
        if (item == null) {
            return null;
        }
        int from = openAt[0];
        while (from > 0 && namesOnly(item, t, canonical, from - 1, from)) {
            from--;
        }
        if (from < openAt[0]) {
            return new int[] {from, openAt[0]};
        }
        int to = openAt[1];
        while (to < t.length && namesOnly(item, t, canonical, to, to + 1)) {
            to++;
        }
        return to > openAt[1] ? new int[] {openAt[1], to} : null;
    }

    /** Where the menu phrase of this item is said in the message, as [start, end). */
    private static int[] itemSpan(String[] canonical, String itemId, MenuIndex index) {
        for (int k = 0; k < canonical.length; k++) {
            var match = index.items.longest(canonical, k);
            if (match != null && match.value().contains(itemId)) {
                return new int[] {k, k + match.length()};
            }
        }
        return null;
    }

    private static int[] find(String[] t, String[] span) {
        for (int k = 0; k + span.length <= t.length; k++) {
            if (java.util.Arrays.equals(t, k, k + span.length, span, 0, span.length)) {
                return new int[] {k, k + span.length};
            }
        }
        return null;
    }
}
