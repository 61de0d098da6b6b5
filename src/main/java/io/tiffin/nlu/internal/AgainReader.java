package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * "the other one too", "that one as well", "same for the diet coke", "both", "the other one": the
 * last edit once more, on the lines these words refer to. The message says nothing of what changes;
 * the conversation remembers the last edit and the lines it spoke of, so the edit carries only
 * {@link Edit#again()} and the reference ("the other one" is {@link Reference#other()}).
 */
final class AgainReader {

    private final TurnLexicon words;
    private final References references;

    AgainReader(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
    }

    /** The edit asking for the last edit again, or null when the message is no such thing. */
    EditReader.Reading read(String[] t, ParseResult order, MenuIndex index, Function<String[], ParseResult> orderOf) {
        if (order.intent() == Intent.CANCEL || order.intent() == Intent.STATUS) {
            return null;
        }
        int s = 0;
        int e = t.length;
        for (int closer; s < e && (closer = words.endingAt("CLOSER", t, s, e)) > 0; ) {
            e -= closer;
        }
        boolean too = false;
        for (int tail; s < e && (tail = words.endingAt("TOO", t, s, e)) > 0; ) {
            too = true;
            e -= tail;
        }
        for (int opener; s < e && (opener = words.at("OPENER", t, s)) > 0; ) {
            s += opener;
        }
        int sameFor = words.at("SAME_FOR", t, s);
        if (sameFor > 0) {
            s += sameFor;
        }
        if (s >= e) {
            return null;
        }
        // "both", "dono", "all of them" alone: every line spoken of
        int every = words.at("EVERY", t, s);
        if (every > 0 && s + every == e) {
            return reading(new Reference(span(t, s, e), List.of(), List.of(), null, null, true));
        }
        if (t[s].equals("a") || t[s].equals("an") || words.count(t, s, e) != null) {
            return null; // "a coke too", "2 naan as well": an order
        }
        boolean other = false;
        List<String> rest = new ArrayList<>();
        for (int k = s; k < e; k++) {
            int o = words.at("OTHER", t, k);
            if (o > 0 && k + o <= e) {
                other = true;
                k += o - 1;
            } else {
                rest.add(t[k]);
            }
        }
        if (!other && !too && sameFor == 0) {
            return null;
        }
        String[] words = rest.toArray(String[]::new);
        Reference said = references.read(words, 0, words.length, index, orderOf);
        boolean onlyReferring =
                rest.stream().allMatch(w -> this.words.is("DETERMINER", w) || this.words.is("PRONOUN", w));
        if (!other && said.looseItemIds().isEmpty() && !(onlyReferring && !rest.isEmpty())) {
            return null; // "me too", "cheese too": no line's words
        }
        if (!other && !said.looseItemIds().isEmpty() && sameFor == 0 && !definite(rest)) {
            return null; // "naan too" is another naan ordered; "the naan too" is the last edit again
        }
        Reference target = new Reference(
                span(t, s, e), said.itemIds(), said.looseItemIds(), said.position(), said.units(), said.every(), other);
        return reading(target);
    }

    private boolean definite(List<String> said) {
        return !said.isEmpty() && (words.is("DETERMINER", said.get(0)) || words.is("PRONOUN", said.get(0)));
    }

    private static String span(String[] t, int from, int to) {
        return String.join(" ", java.util.Arrays.copyOfRange(t, from, to));
    }

    private static EditReader.Reading reading(Reference target) {
        return new EditReader.Reading(
                Intent.CHANGE, new Edit(List.of(target), null, null, List.of(), false, null, true));
    }
}
