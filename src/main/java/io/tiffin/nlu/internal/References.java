package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the words of a reference to a cart line ("the naan", "it", "the second one", "coke") as the
 * items they name exactly, the items they could loosely mean, and an ordinal. Which line that is
 * depends on the cart, which only the conversation has.
 */
final class References {

    private final TurnLexicon words;

    References(TurnLexicon words) {
        this.words = words;
    }

    Reference read(String[] tokens, int from, int to, MenuIndex index, Function<String[], ParseResult> order) {
        String span = String.join(" ", Arrays.copyOfRange(tokens, Math.max(0, from), Math.max(from, to)));
        Integer position = null;
        Integer units = null;
        boolean every = false;
        List<String> content = new ArrayList<>();
        for (int k = from; k < to; k++) {
            String token = tokens[k];
            int all = words.at("EVERY", tokens, k);
            if (all > 0 && k + all <= to) {
                every = true;
                k += all - 1;
                continue;
            }
            var ordinal = words.ordinals.longest(tokens, k);
            var count = content.isEmpty() && units == null && position == null ? words.count(tokens, k, to) : null;
            boolean suffixed = k + 1 < to && tokens[k + 1].matches("st|nd|rd|th");
            if (count != null
                    && !suffixed
                    && k + count.length() < to
                    && !words.is("PRONOUN", tokens[k + count.length()])) {
                // "one coke" of two, "one of the pizzas": some of a line's units, not the whole line
                units = count.value();
                k += count.length() - 1;
            } else if (ordinal != null && k + ordinal.length() <= to) {
                position = ordinal.value();
                k += ordinal.length() - 1;
            } else if (token.matches("\\d{1,2}") && k + 1 < to && tokens[k + 1].matches("st|nd|rd|th")) {
                position = Integer.valueOf(token);
                k++;
            } else if (!words.is("DETERMINER", token) && !words.is("PRONOUN", token) && !token.equals(",")) {
                content.add(token);
            }
        }
        // "instead of 2": a count alone names no line ("2" is also a word of "Samosa (2 pcs)")
        if (content.isEmpty() || content.stream().allMatch(w -> w.matches("\\d{1,2}"))) {
            return new Reference(span, List.of(), List.of(), position, units, every);
        }
        String[] named = content.toArray(String[]::new);
        ParseResult read = order.apply(named);
        Set<String> exact = new LinkedHashSet<>();
        read.lines().forEach(l -> exact.add(l.itemId()));
        read.unresolved().stream()
                .filter(u -> u.reason() == Reason.AMBIGUOUS || u.reason() == Reason.MISSING_CHOICE)
                .forEach(u -> exact.addAll(u.candidates()));
        String[] canonical = new String[named.length];
        int known = 0;
        for (int k = 0; k < named.length; k++) {
            canonical[k] = index.canonical(named[k]);
            if (canonical[k] != null && index.itemsByWord.containsKey(canonical[k])) {
                canonical[known++] = canonical[k];
            }
        }
        Set<String> byName = known > 0 ? index.itemsNamedBy(canonical, 0, known) : Set.of();
        if (!byName.isEmpty() && !exact.isEmpty() && exact.stream().noneMatch(byName::contains)) {
            // "the paneer": the dishes named so, not those having it only as a topping
            exact.clear();
            exact.addAll(byName);
        }
        Set<String> loose = new LinkedHashSet<>(exact);
        loose.addAll(byName);
        return new Reference(span, List.copyOf(exact), List.copyOf(loose), position, units, every);
    }

    /** Whether some words name an item, or could be a reference to a line ("it", "the second one"). */
    boolean refersToSomething(Reference reference) {
        return !reference.looseItemIds().isEmpty()
                || reference.position() != null
                || reference.every()
                || reference.span().isBlank()
                || Arrays.stream(reference.span().split(" "))
                        .allMatch(t -> words.is("DETERMINER", t) || words.is("PRONOUN", t));
    }
}
