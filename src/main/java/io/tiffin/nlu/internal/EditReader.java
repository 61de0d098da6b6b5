package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the shape of a cart edit: "change X to Y", "Y instead of X", "make the X 4", "make it
 * large", "remove the X", "one more X", "just 2 X", "actually 3". Only the shape and the words of
 * the line meant are read here (removals by {@link RemovalReader}); the conversation decides which
 * line that is.
 */
final class EditReader {

    record Reading(Intent intent, Edit edit) {}

    private final TurnLexicon words;
    private final References references;
    private final RemovalReader removals;

    EditReader(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
        this.removals = new RemovalReader(words, references);
    }

    Optional<Reading> read(String[] t, ParseResult order, MenuIndex index, Function<String[], ParseResult> orderOf) {
        EditMessage m = new EditMessage(t, index, orderOf);
        int s = 0;
        int e = t.length;
        boolean softened = false;
        // "no, 2 garlic naan" takes back what was said: it removes nothing
        boolean takenBack = t.length > 1 && t[0].equals("no") && t[1].equals(",");
        for (boolean more = true; more && s < e; ) {
            int opener = words.at("OPENER", t, s);
            // "no, make it 2", "no I said ...": a "no" before a comma or an amending opener takes
            // back what was said, it removes nothing
            if (opener == 0
                    && t[s].equals("no")
                    && s + 1 < e
                    && (t[s + 1].equals(",") || words.at("AMEND", t, s + 1) > 0)) {
                opener = 1;
            }
            if (opener == 0 && t[s].equals(",")) {
                opener = 1;
            }
            more = opener > 0;
            softened |= more && (words.at("AMEND", t, s) > 0 || t[s].equals("no"));
            s += opener;
        }
        boolean insteadAtEnd = false;
        for (int closer; s < e && (closer = words.endingAt("CLOSER", t, s, e)) > 0; ) {
            insteadAtEnd |= t[e - 1].equals("instead");
            e -= closer;
        }
        // "actually 3 naan not 2": the count taken back closes the message
        if (e - s > 2 && words.is("NOT", t[e - 2]) && words.count(t, e - 1, e) != null) {
            e -= 2;
            softened = true;
        }
        boolean madeInHindi = e < t.length && words.at("DO_IT", t, e) > 0;
        softened |= insteadAtEnd;
        if (s >= e || order.intent() == Intent.CANCEL || order.intent() == Intent.STATUS) {
            return Optional.empty();
        }
        int from = s;
        int to = e;
        Optional<Reading> reading = (softened ? dishTakenBack(m, from, to) : Optional.<Reading>empty())
                .or(() -> instead(m, from, to))
                .or(() -> change(m, from, to))
                .or(() -> make(m, from, to))
                .or(() -> positional(m, from, to))
                .or(() -> refuse(m, from, to, order))
                .or(() -> attach(m, from, to, order))
                .or(() -> removals.read(m, from, to, takenBack ? ParseResult.of(Intent.ORDER) : order))
                .or(() -> madeInto(m, from, to, madeInHindi))
                .or(() -> more(m, from, to))
                .or(() -> only(m, from, to));
        if (reading.isEmpty()
                && insteadAtEnd
                && order.lines().size() + order.unresolved().size() == 1) {
            // "a diet coke instead": what was said last becomes this
            reading = Optional.of(into(m, Reference.LAST, from, to));
        }
        if (reading.isEmpty()
                && softened
                && order.lines().size() + order.unresolved().size() <= 1) {
            reading = recount(m, from, to);
        }
        // "actually medium please", "add olives", "half kar do", "mild": a new choice for the line it
        // fits, no dish said
        if (reading.isEmpty() && order.lines().isEmpty() && order.unresolved().isEmpty()) {
            reading = choiceAlone(m, from, to);
        }
        return reading;
    }

    /** "Y instead of X", "instead of X, Y", "X ki jagah Y". */
    private Optional<Reading> instead(EditMessage m, int s, int e) {
        int by = words.find("REPLACED_BY", m.t(), s, e);
        if (by > s) {
            return Optional.of(replacing(into(m, reference(m, s, by), by + words.at("REPLACED_BY", m.t(), by), e)));
        }
        int i = words.find("INSTEAD", m.t(), s, e);
        if (i < 0) {
            return Optional.empty();
        }
        int after = i + words.at("INSTEAD", m.t(), i);
        if (i > s) {
            int valueFrom = s + words.at("MAKE_IT", m.t(), s);
            return Optional.of(replacing(into(m, reference(m, after, e), valueFrom, i)));
        }
        int split = split(m, after, e);
        return split < 0
                ? Optional.empty()
                : Optional.of(replacing(into(m, reference(m, after, split), skipComma(m, split, e), e)));
    }

    /**
     * "no I said diet coke not coke", "sorry, garlic naan not butter naan": after an amending
     * opener, the dish after "not" is taken back for the one before it, as "Y instead of X".
     */
    private Optional<Reading> dishTakenBack(EditMessage m, int s, int e) {
        int not = words.find("NOT", m.t(), s + 1, e - 1);
        if (not < 0
                || m.read(s, not).lines().isEmpty()
                || m.read(not + 1, e).lines().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(replacing(into(m, reference(m, not + 1, e), s, not)));
    }

    /** "change X to Y", "swap X for Y", "replace X with Y". */
    private Optional<Reading> change(EditMessage m, int s, int e) {
        int verb = words.at("CHANGE", m.t(), s);
        if (verb == 0) {
            return Optional.empty();
        }
        int from = s + verb;
        int into = words.find("INTO", m.t(), from, e);
        if (into < 0) {
            return Optional.empty();
        }
        return Optional.of(replacing(into(m, reference(m, from, into), into + words.at("INTO", m.t(), into), e)));
    }

    /** "change X to Y", "Y instead of X": the line is replaced, Y is never a note on it. */
    private static Reading replacing(Reading reading) {
        Edit edit = reading.edit();
        return new Reading(
                reading.intent(),
                new Edit(edit.targets(), edit.quantity(), edit.replacement(), edit.valueWords(), true));
    }

    /** "make the naan 4", "make it large", "make that a diet coke", "make it 3 naans". */
    private Optional<Reading> make(EditMessage m, int s, int e) {
        int pronoun = words.at("MAKE_IT", m.t(), s);
        if (pronoun > 0) {
            int from = s + pronoun;
            var count = words.count(m.t(), from, e);
            ParseResult value = m.read(from, e);
            if (count != null && !value.lines().isEmpty() && value.lines().size() == 1) {
                // "make it 3 naans": the count is for the naan, wherever it is in the cart
                return Optional.of(new Reading(
                        Intent.SET_QUANTITY,
                        new Edit(List.of(reference(m, from + count.length(), e)), count.value(), null, List.of())));
            }
            return Optional.of(into(m, ParseResult.Reference.LAST, from, e));
        }
        int verb = words.at("MAKE", m.t(), s);
        if (verb == 0 || s + verb >= e || List.of("me", "us", "mujhe", "hume").contains(m.t()[s + verb])) {
            return Optional.empty();
        }
        return made(m, s + verb, e);
    }

    /** "the second one large", "the first one 3": an ordinal opening the message is a "make" without the verb. */
    private Optional<Reading> positional(EditMessage m, int s, int e) {
        int at = s < e && words.is("DETERMINER", m.t()[s]) ? s + 1 : s;
        var ordinal = at < e ? words.ordinals.longest(m.t(), at) : null;
        boolean suffixed = at + 1 < e && m.t()[at].matches("\\d{1,2}") && m.t()[at + 1].matches("st|nd|rd|th");
        if (ordinal == null && !suffixed || e - s < 2) {
            return Optional.empty();
        }
        return made(m, s, e);
    }

    /** What follows "make": the line meant, then what it becomes. */
    private Optional<Reading> made(EditMessage m, int from, int e) {
        for (int k = from + 1; k < e; k++) {
            boolean article = m.t()[k].equals("a") || m.t()[k].equals("an");
            // "the first one 3": the "one" after an ordinal is the line, not a count
            boolean afterOrdinal = words.ordinals.longest(m.t(), k - 1) != null || m.t()[k - 1].matches("st|nd|rd|th");
            if (afterOrdinal && words.is("PRONOUN", m.t()[k])) {
                continue;
            }
            if (words.count(m.t(), k, e) != null || article) {
                return Optional.of(into(m, reference(m, from, k), article ? k + 1 : k, e));
            }
        }
        // "make the biryani large": the target is the item's words, the rest is the new choice
        int k = e;
        while (k > from + 1 && !isItemWord(m, m.t()[k - 1]) && !words.is("PRONOUN", m.t()[k - 1])) {
            k--;
        }
        if (k == e && e - from > 1) {
            // "make the lassi mango": the last word is the new item, said by what makes it differ
            Reference target = reference(m, from, e - 1);
            return target.looseItemIds().isEmpty() ? Optional.empty() : Optional.of(into(m, target, e - 1, e));
        }
        return k == e ? Optional.empty() : Optional.of(into(m, reference(m, from, k), k, e));
    }

    /**
     * Options refused on a line already ordered: "hold the onions and peppers" (the last line that
     * has them), "one of the pizzas without onion", "no onion in either", "hold the cheese on the
     * burger only", "i don't want raita", "ek mein onion nahi". The refused words must name an
     * option and no item ("no coke" is about the coke), and the message must order nothing ("a
     * pizza without onion" is an order). The new words keep the refusal, so they read as said.
     */
    private Optional<Reading> refuse(EditMessage m, int s, int e, ParseResult order) {
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
                || !m.read(optionsFrom, optionsTo).lines().isEmpty()) {
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
        Reference target = references.read(referred, 0, referred.length, m.index(), m.order());
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
    private Optional<Reading> attach(EditMessage m, int s, int e, ParseResult order) {
        if (!order.lines().isEmpty()) {
            return Optional.empty();
        }
        for (int k = s + 1; k < e - 1; k++) {
            boolean onto = m.t()[k].equals("to") || words.is("TAKEN_FROM", m.t()[k]);
            if (onto && namesOption(m, s, k) && m.read(s, k).lines().isEmpty()) {
                Reference target = reference(m, k + 1, e);
                if (references.refersToSomething(target)) {
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

    /** Whether some words name an option of some item on the menu. */
    private static boolean namesOption(EditMessage m, int from, int to) {
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

    /**
     * Hindi word order, the verb last: "naan ko 4 kar do" (make the naan 4), "coke ko diet coke kar do",
     * "naan 4 kar do"; without "ko" the count must close the message and a "kar do" must follow it.
     */
    private Optional<Reading> madeInto(EditMessage m, int s, int e, boolean madeInHindi) {
        int ko = words.find("MADE_INTO", m.t(), s + 1, e);
        if (ko > s && ko + 1 < e) {
            return Optional.of(into(m, reference(m, s, ko), ko + words.at("MADE_INTO", m.t(), ko), e));
        }
        if (madeInHindi && e - s > 1 && words.count(m.t(), e - 1, e) != null && words.count(m.t(), s, e) == null) {
            Reference target = reference(m, s, e - 1);
            if (!target.looseItemIds().isEmpty()) {
                return Optional.of(into(m, target, e - 1, e));
            }
        }
        // "cappuccino large kar do": the line's words, then its new choice, then the verb
        return madeInHindi && e - s > 1 && words.count(m.t(), s, e) == null
                ? made(m, s, e).filter(r -> !r.edit().target().looseItemIds().isEmpty())
                : Optional.empty();
    }

    /** "one more naan", "2 more cokes", "another lassi", "another one", "ek aur naan", "do naan aur". */
    private Optional<Reading> more(EditMessage m, int s, int e) {
        var count = words.count(m.t(), s, e);
        int at = count == null ? s : s + count.length();
        boolean another = words.at("ANOTHER", m.t(), at) > 0;
        boolean more = count != null && (words.at("MORE", m.t(), at) > 0 || m.t()[at < e ? at : s].equals("aur"));
        if (!another && !more) {
            // "naan one more"; "do naan aur" (two naan more)
            int tail = words.endingAt("MORE", m.t(), s, e);
            if (tail > 0 && count != null && at < e - tail) {
                Reference target = reference(m, at, e - tail);
                return target.looseItemIds().isEmpty()
                        ? Optional.empty()
                        : Optional.of(
                                new Reading(Intent.ADD, new Edit(List.of(target), count.value(), null, List.of())));
            }
            var tailCount = tail > 0 ? words.count(m.t(), e - tail - 1, e - tail) : null;
            if (tailCount == null || e - tail - 1 <= s) {
                return Optional.empty();
            }
            Reference target = reference(m, s, e - tail - 1);
            return target.looseItemIds().isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            new Reading(Intent.ADD, new Edit(List.of(target), tailCount.value(), null, List.of())));
        }
        int from = at + 1;
        Reference target = reference(m, from, e);
        if (!references.refersToSomething(target)) {
            return Optional.empty();
        }
        return Optional.of(
                new Reading(Intent.ADD, new Edit(List.of(target), count == null ? 1 : count.value(), null, List.of())));
    }

    /** "just 2 naan", "only one coke": the count the line should have. */
    private Optional<Reading> only(EditMessage m, int s, int e) {
        int only = words.at("ONLY", m.t(), s);
        var count = only == 0 ? null : words.count(m.t(), s + only, e);
        if (count == null) {
            return Optional.empty();
        }
        int from = s + only + count.length();
        Reference target = reference(m, from, e);
        return target.looseItemIds().isEmpty() && from < e
                ? Optional.empty()
                : Optional.of(
                        new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, List.of())));
    }

    /** "actually 3", "no, 2 garlic naan", "3 instead": a softened count is a new count. */
    private Optional<Reading> recount(EditMessage m, int s, int e) {
        var count = words.count(m.t(), s, e);
        if (count == null) {
            return Optional.empty();
        }
        int from = s + count.length();
        Reference target = reference(m, from, e);
        if (from < e && target.looseItemIds().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, List.of())));
    }

    /**
     * "actually medium please": after words taking back what was said, a choice alone, every word
     * of it a word of the menu's options, is a new choice for the last line.
     */
    private Optional<Reading> choiceAlone(EditMessage m, int s, int e) {
        for (int k = s; k < e; k++) {
            String canonical = m.index().canonical(m.t()[k]);
            if (!m.index().isOptionWord(m.t()[k])
                    && (canonical == null || !m.index().isOptionWord(canonical))) {
                return Optional.empty(); // "olives" is the option "olive"
            }
        }
        return Optional.of(into(m, Reference.LAST, s, e));
    }

    /** What the target becomes: a count, other items, or a new choice read against its item. */
    private Reading into(EditMessage m, Reference target, int from, int to) {
        var count = words.count(m.t(), from, to);
        ParseResult value = m.read(from, to);
        if (count == null && value.lines().size() != 1 && !target.looseItemIds().isEmpty()) {
            // "the lassi mango": "mango" says which lassi; read with the line's words it is one item
            ParseResult together = withTargetWords(m, target, from, to);
            if (together.lines().size() == 1
                    && together.unresolved().isEmpty()
                    && !target.itemIds().contains(together.lines().get(0).itemId())) {
                value = together;
            }
        }
        boolean namesItems = !value.lines().isEmpty() || !value.unresolved().isEmpty();
        if (count != null && !namesItems) {
            return new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, List.of()));
        }
        if (namesItems && count != null && sameItems(target, value)) {
            // "make the garlic naan 2 garlic naan": the same item with a count is a new count
            return new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, m.words(from, to)));
        }
        return new Reading(
                Intent.CHANGE,
                new Edit(
                        List.of(target),
                        count == null ? null : count.value(),
                        namesItems ? value : null,
                        m.words(from, to)));
    }

    private ParseResult withTargetWords(EditMessage m, Reference target, int from, int to) {
        List<String> together = new java.util.ArrayList<>(m.words(from, to));
        for (String word : target.span().split(" ")) {
            if (!word.isBlank() && !words.is("DETERMINER", word) && !words.is("PRONOUN", word)) {
                together.add(word);
            }
        }
        return m.order().apply(together.toArray(String[]::new));
    }

    private static boolean sameItems(Reference target, ParseResult value) {
        return value.unresolved().isEmpty()
                && value.lines().size() == 1
                && target.itemIds().equals(List.of(value.lines().get(0).itemId()));
    }

    /** Where "instead of X Y" turns from X to Y: a comma, else the first point both sides name one thing. */
    private int split(EditMessage m, int from, int to) {
        for (int k = from; k < to; k++) {
            if (m.t()[k].equals(",")) {
                return k;
            }
        }
        int fallback = -1;
        for (int k = from + 1; k < to; k++) {
            int target = mentions(m.read(from, k));
            int value = mentions(m.read(k, to));
            if (target == 1 && value == 1) {
                return k;
            }
            if (target == 1 && fallback < 0 && (m.t()[k].equals("a") || m.t()[k].equals("an") || value > 0)) {
                fallback = k;
            }
        }
        return fallback;
    }

    private static int mentions(ParseResult read) {
        return read.lines().size() + read.unresolved().size();
    }

    private static int skipComma(EditMessage m, int k, int e) {
        return k < e && m.t()[k].equals(",") ? k + 1 : k;
    }

    private Reference reference(EditMessage m, int from, int to) {
        return references.read(m.t(), from, to, m.index(), m.order());
    }

    private static boolean isItemWord(EditMessage m, String token) {
        String canonical = m.index().canonical(token);
        return canonical != null && m.index().itemsByWord.containsKey(canonical);
    }
}
