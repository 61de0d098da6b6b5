package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import java.util.List;
import java.util.function.Function;

/**
 * "double the garlic naan", "triple it", "twice as many naans", "make the naan double", "naan
 * double kar do", "another round of the same": a line's count multiplied, or every line's. The
 * count it gives depends on the cart, so the edit carries the multiplier ({@link Edit#times()}).
 * The words are in {@code multiplied.txt}.
 */
final class Multiples {

    private record Times(int times, boolean all) {}

    private final TurnLexicon words;
    private final References references;
    private final PhraseTable<Times> multipliers = new PhraseTable<>();

    Multiples(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
        for (String line : Lexicon.lines(Multiples.class.getClassLoader(), "multiplied.txt")) {
            int eq = line.lastIndexOf('=');
            String[] value = line.substring(eq + 1).strip().split("\\s+");
            multipliers.put(
                    words.lexicon.normalizer.tokens(line.substring(0, eq)),
                    new Times(Integer.parseInt(value[0]), value.length > 1 && value[1].equals("all")));
        }
    }

    /** The edit multiplying, or null when the message is no such edit. */
    EditReader.Reading read(String[] t, ParseResult order, MenuIndex index, Function<String[], ParseResult> orderOf) {
        if (order.intent() == Intent.CANCEL || order.intent() == Intent.STATUS) {
            return null;
        }
        int s = 0;
        int e = t.length;
        for (int opener; s < e && (opener = words.at("OPENER", t, s)) > 0; ) {
            s += opener;
        }
        for (int closer; s < e && (closer = words.endingAt("CLOSER", t, s, e)) > 0; ) {
            e -= closer;
        }
        boolean verbAfter = e < t.length && words.at("DO_IT", t, e) > 0;
        boolean made = false;
        int make = Math.max(words.at("MAKE_IT", t, s), words.at("MAKE", t, s));
        if (make > 0) {
            made = true;
            s += make;
        }
        if (s >= e) {
            return null;
        }
        var at = multipliers.longest(t, s);
        if (at != null && at.value().all()) {
            int rest = s + at.length();
            rest += words.at("ROUND_OF", t, rest);
            return rest == e ? reading(every(t, s, e), at.value().times()) : null;
        }
        if (at != null) {
            int from = s + at.length();
            boolean phrase = at.length() > 1;
            // "double the naan", "double it": a one-word multiplier needs the line's own words after it
            boolean referring = from < e
                    && (words.is("DETERMINER", t[from])
                            || words.is("PRONOUN", t[from])
                            || words.at("EVERY", t, from) > 0)
                    && !t[from].equals("a")
                    && !t[from].equals("an");
            if (from == e && made) {
                return reading(Reference.LAST, at.value().times()); // "make it double"
            }
            if (from < e && (phrase || referring)) {
                return line(t, from, e, index, orderOf, at.value().times());
            }
            return null;
        }
        // "make the naan double", "naan double kar do": the line's words, then the multiplier
        for (int k = s + 1; k < e; k++) {
            var tail = multipliers.longest(t, k);
            if (tail != null && k + tail.length() == e && !tail.value().all() && (made || verbAfter)) {
                return line(t, s, k, index, orderOf, tail.value().times());
            }
        }
        return null;
    }

    private EditReader.Reading line(
            String[] t, int from, int to, MenuIndex index, Function<String[], ParseResult> orderOf, int times) {
        Reference target = references.read(t, from, to, index, orderOf);
        if (target.every() && target.looseItemIds().isEmpty()) {
            return reading(target, times); // "double both", "double all of them"
        }
        if (target.looseItemIds().isEmpty() && !target.isPronoun() && target.position() == null) {
            return null; // "double cheese": no line's words
        }
        return reading(target, times);
    }

    private static Reference every(String[] t, int from, int to) {
        return new Reference(
                String.join(" ", java.util.Arrays.copyOfRange(t, from, to)), List.of(), List.of(), null, null, true);
    }

    private static EditReader.Reading reading(Reference target, int times) {
        return new EditReader.Reading(
                Intent.SET_QUANTITY, new Edit(List.of(target), null, null, List.of(), false, times, false));
    }
}
