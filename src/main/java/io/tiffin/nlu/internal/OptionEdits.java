package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.internal.EditReader.Reading;
import java.util.List;
import java.util.Optional;

/** Edits that change the options of a line already ordered, no dish named anew. */
final class OptionEdits {

    private final TurnLexicon words;
    private final EditValues values;

    OptionEdits(EditValues values) {
        this.words = values.words;
        this.values = values;
    }

    /**
     * Options refused on a line already ordered: "hold the onions and peppers" (the last line that
     * has them), "one of the pizzas without onion", "no onion in either", "hold the cheese on the
     * burger only", "i don't want raita", "ek mein onion nahi". The refused words must name an
     * option and no item ("no coke" is about the coke), and the message must order nothing ("a
     * pizza without onion" is an order). The new words keep the refusal, so they read as said.
     */
    Optional<Reading> refuse(EditMessage m, int s, int e, ParseResult order) {
        if (!order.lines().isEmpty()) {
            return Optional.empty();
        }
        String[] t = m.t();
        int refusal = -1;
        int length = 0;
        for (int k = s; k < e && refusal < 0; k++) {
            var q = words.lexicon.qualifiers.longest(t, k);
            if (q != null && q.value() == ParseResult.Qualifier.NO && k + q.length() < e) {
                refusal = k;
                length = q.length();
            }
        }
        int optionsFrom;
        int optionsTo;
        int valueFrom;
        int valueTo;
        if (refusal >= 0) {
            optionsFrom = refusal + length;
            optionsTo = optionsFrom;
            while (optionsTo < e && !words.is("TAKEN_FROM", t[optionsTo])) {
                optionsTo++;
            }
            valueFrom = refusal;
            valueTo = optionsTo;
        } else if (e - s > 1 && words.lexicon.negatedAfter.contains(t[e - 1])) {
            // "ek mein onion nahi": the options, then the word refusing them
            optionsTo = e - 1;
            optionsFrom = optionsTo;
            while (optionsFrom > s && namesOption(m, optionsFrom - 1, optionsFrom)) {
                optionsFrom--;
            }
            refusal = optionsFrom;
            valueFrom = optionsFrom;
            valueTo = e;
        } else {
            return Optional.empty();
        }
        if (optionsFrom >= optionsTo
                || !namesOption(m, optionsFrom, optionsTo)
                // "no onion garlic": read with the refusal, the word after the option is refused too
                || !m.read(optionsFrom, optionsTo).lines().isEmpty()
                        && !m.read(Math.min(valueFrom, optionsFrom), Math.max(valueTo, optionsTo))
                                .lines()
                                .isEmpty()) {
            return Optional.empty();
        }
        List<String> around = new java.util.ArrayList<>(m.words(s, refusal));
        if (!around.isEmpty() && words.is("TAKEN_FROM", around.getLast())) {
            around.removeLast(); // "ek mein": the line is said before the options
        }
        if (valueTo < e) {
            around.addAll(m.words(valueTo + 1, e));
        }
        String[] referred = around.toArray(String[]::new);
        Reference target = values.references.read(referred, 0, referred.length, m.index(), m.order());
        var count = words.count(referred, 0, referred.length);
        if (count != null && count.length() == referred.length) {
            // "ek mein onion nahi": one of the last line's units
            target = new Reference(target.span(), List.of(), List.of(), null, count.value());
        }
        return Optional.of(
                new Reading(Intent.CHANGE, new Edit(List.of(target), null, null, m.words(valueFrom, valueTo))));
    }

    /**
     * Options put on a line already ordered: "(add) an extra shot to it", "extra cheese on the
     * pizza". The words before "to" / "on" name options and no item, the words after it a line.
     */
    Optional<Reading> attach(EditMessage m, int s, int e, ParseResult order) {
        if (!order.lines().isEmpty()) {
            return Optional.empty();
        }
        for (int k = s + 1; k < e - 1; k++) {
            boolean onto = m.t()[k].equals("to") || words.is("TAKEN_FROM", m.t()[k]);
            if (onto && namesOption(m, s, k) && m.read(s, k).lines().isEmpty()) {
                Reference target = values.reference(m, k + 1, e);
                if (values.references.refersToSomething(target)) {
                    // "remove the onion from the pizza": the option taken off, as a refusal reads
                    int removing = words.at("REMOVE", m.t(), s);
                    List<String> value = new java.util.ArrayList<>();
                    if (removing > 0) {
                        value.add("without");
                    }
                    value.addAll(m.words(s + removing, k));
                    return Optional.of(new Reading(Intent.CHANGE, new Edit(List.of(target), null, null, value)));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A note or choice said of a line by the word that places it: "chai mein cheeni kam", "less
     * sugar in the chai", "biryani mein raita". One side names one dish and no count, the other
     * names no dish and says a degree ("kam", "less", "extra") or an option of that dish. The
     * conversation puts it on the line when the cart has one, and orders the dish when it has none.
     */
    Optional<Reading> noteOn(EditMessage m, int s, int e, ParseResult order) {
        if (order.lines().size() != 1 || !order.unresolved().isEmpty()) {
            return Optional.empty();
        }
        String[] t = m.t();
        for (int k = s + 1; k < e - 1; k++) {
            if (!words.is("TAKEN_FROM", t[k])) {
                continue;
            }
            boolean dishFirst = namesOneDish(m, s, k);
            int dishFrom = dishFirst ? s : k + 1;
            int dishTo = dishFirst ? k : e;
            int noteFrom = dishFirst ? k + 1 : s;
            int noteTo = dishFirst ? e : k;
            if (!namesOneDish(m, dishFrom, dishTo) || !namesNoDish(m, noteFrom, noteTo)) {
                continue;
            }
            Reference target = values.reference(m, dishFrom, dishTo);
            if (target.looseItemIds().isEmpty() || !saysDegreeOrOption(m, noteFrom, noteTo)) {
                continue;
            }
            return Optional.of(
                    new Reading(Intent.CHANGE, new Edit(List.of(target), null, null, m.words(noteFrom, noteTo))));
        }
        return Optional.empty();
    }

    private boolean namesOneDish(EditMessage m, int from, int to) {
        ParseResult read = m.read(from, to);
        return from < to
                && read.lines().size() == 1
                && read.unresolved().isEmpty()
                && words.count(m.t(), from, to) == null;
    }

    private static boolean namesNoDish(EditMessage m, int from, int to) {
        ParseResult read = m.read(from, to);
        return from < to && read.lines().isEmpty() && read.unresolved().isEmpty();
    }

    private boolean saysDegreeOrOption(EditMessage m, int from, int to) {
        for (int k = from; k < to; k++) {
            if (words.lexicon.qualifiers.longest(m.t(), k) != null) {
                return true;
            }
        }
        return namesOption(m, from, to);
    }

    /**
     * "actually medium please": after words taking back what was said, a choice alone, every word
     * of it a word of the menu's options, is a new choice for the last line.
     */
    Optional<Reading> choiceAlone(EditMessage m, int s, int e) {
        for (int k = s; k < e; k++) {
            String canonical = m.index().canonical(m.t()[k]);
            if (!m.index().isOptionWord(m.t()[k])
                    && (canonical == null || !m.index().isOptionWord(canonical))) {
                return Optional.empty(); // "olives" is the option "olive"
            }
        }
        return Optional.of(values.into(m, Reference.LAST, s, e));
    }

    /** Whether some words name an option of some item on the menu. */
    static boolean namesOption(EditMessage m, int from, int to) {
        for (int k = from; k < to; k++) {
            String token = m.t()[k];
            String canonical = m.index().canonical(token);
            for (String word : new String[] {token, TextNormalizer.singular(token), canonical}) {
                if (word != null && m.index().options.longest(new String[] {word}, 0) != null) {
                    return true;
                }
            }
            if (m.index().onlyOptionStartingWith(token) != null || m.index().onlyOptionEndingWith(token) != null) {
                return true;
            }
        }
        return false;
    }
}
