package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Removals said of a group of lines rather than of one: a category of the menu ("cancel the
 * drinks", "drop the desserts") or every line but some ("remove everything except the naan", "naan
 * ke alawa sab hata do"). Either is one reference to every line of the items it takes, so the
 * conversation removes exactly those; read as an order, the first clears the cart and the second
 * removes the very naan the customer keeps.
 */
final class GroupRemovals {

    private final TurnLexicon words;
    private final References references;

    GroupRemovals(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
    }

    Optional<EditReader.Reading> read(String[] t, MenuIndex index, Function<String[], ParseResult> orderOf) {
        int from = 0;
        int to = t.length;
        while (from < to && (words.at("OPENER", t, from) > 0 || isFiller(t[from]))) {
            from += Math.max(1, words.at("OPENER", t, from));
        }
        while (to > from && (isFiller(t[to - 1]) || t[to - 1].equals(","))) {
            to--;
        }
        // the verb first ("remove the drinks") or, in Hindi word order, last ("drinks hata do")
        int verb = words.at("REMOVE", t, from);
        if (verb > 0) {
            from += verb;
        } else if ((verb = words.endingAt("REMOVE", t, from, to)) > 0) {
            to -= verb;
        } else {
            return Optional.empty();
        }
        // "remove everything except the naan from my order"
        int cartEnd = words.endingAt("FROM_CART", t, from, to);
        to -= cartEnd;
        if (from >= to) {
            return Optional.empty();
        }
        int start = from;
        int end = to;
        return allBut(t, start, end, index, orderOf).or(() -> category(t, start, end, index, orderOf));
    }

    /** "everything except the naan": every item of the menu but those the kept words name. */
    private Optional<EditReader.Reading> allBut(
            String[] t, int from, int to, MenuIndex index, Function<String[], ParseResult> orderOf) {
        for (int k = from; k < to; k++) {
            int after = words.at("KEPT_AFTER", t, k);
            int before = words.at("KEPT_BEFORE", t, k);
            if (after == 0 && before == 0) {
                continue;
            }
            int length = Math.max(after, before);
            boolean keptAfter = after >= before;
            int keptFrom = keptAfter ? k + length : from;
            int keptTo = keptAfter ? to : k;
            int allFrom = keptAfter ? from : k + length;
            int allTo = keptAfter ? k : to;
            // the other side names no item ("everything", "sab", or nothing: "all but the naan")
            if (allFrom < allTo && namesItems(Arrays.copyOfRange(t, allFrom, allTo), orderOf)) {
                return Optional.empty();
            }
            Set<String> kept = new LinkedHashSet<>();
            for (String[] part : parts(t, keptFrom, keptTo)) {
                Reference named = references.read(part, 0, part.length, index, orderOf);
                kept.addAll(named.looseItemIds());
            }
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            List<String> taken = index.itemsById.keySet().stream()
                    .filter(id -> !kept.contains(id))
                    .toList();
            return Optional.of(every(String.join(" ", Arrays.copyOfRange(t, from, to)), taken));
        }
        return Optional.empty();
    }

    /** "the drinks": the items of the menu's category the words name, when they name no item. */
    private Optional<EditReader.Reading> category(
            String[] t, int from, int to, MenuIndex index, Function<String[], ParseResult> orderOf) {
        List<String> said = new ArrayList<>();
        for (int k = from; k < to; k++) {
            int every = words.at("EVERY", t, k);
            if (every > 0) {
                k += every - 1;
            } else if (!words.is("DETERMINER", t[k]) && !isFiller(t[k])) {
                said.add(t[k]);
            }
        }
        if (said.isEmpty() || namesItems(said.toArray(String[]::new), orderOf)) {
            return Optional.empty();
        }
        Reference category =
                MenuCategories.asked(new Reference(String.join(" ", said), List.of(), List.of(), null), index);
        if (category.itemIds().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(every(String.join(" ", Arrays.copyOfRange(t, from, to)), category.itemIds()));
    }

    private static EditReader.Reading every(String span, List<String> itemIds) {
        Reference lines = new Reference(span, itemIds, itemIds, null, null, true);
        return new EditReader.Reading(Intent.REMOVE, new Edit(List.of(lines), null, null, List.of()));
    }

    private static boolean namesItems(String[] words, Function<String[], ParseResult> orderOf) {
        ParseResult read = orderOf.apply(words);
        return !read.lines().isEmpty() || !read.unresolved().isEmpty();
    }

    /** The kept words split at list words and commas: "the naan and the rice". */
    private List<String[]> parts(String[] t, int from, int to) {
        List<String[]> parts = new ArrayList<>();
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || t[k].equals(",") || words.lexicon.listJoins.contains(t[k])) {
                if (k > start) {
                    parts.add(Arrays.copyOfRange(t, start, k));
                }
                start = k + 1;
            }
        }
        return parts;
    }

    private boolean isFiller(String word) {
        return words.lexicon.fillers.contains(word);
    }
}
