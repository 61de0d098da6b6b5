package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a message that does several things to the cart, clause by clause: "remove the coke and add
 * a lassi", "make the naan 4 and the lassi mango", "make it 2 butter chicken and 2 naan". A clause
 * is cut at a list word ("and", ",", "aur"); a clause with no verb of its own borrows the verb of
 * the clause before ("and the lassi mango" is "make the lassi mango"). Every clause must read as an
 * edit, or as an order with its own "add"; at least one must be an edit, so a plain order of several
 * items ("2 butter chicken and 3 naan") is never cut. A removal's list ("remove the coke and the
 * lassi") is left whole to the removal reader.
 */
final class EditClauses {

    /** Roles of which one word must be in a message of several edits. */
    private static final List<String> EDIT_WORDS = List.of(
            "MAKE",
            "MAKE_IT",
            "CHANGE",
            "REMOVE",
            "ADD",
            "MORE",
            "ANOTHER",
            "LESS",
            "AMEND",
            "MADE_INTO",
            "INSTEAD",
            "REPLACED_BY",
            "ONLY");

    private final TurnLexicon words;
    private final EditReader edits;
    private final UnknownDish unknownDish;

    EditClauses(TurnLexicon words, EditReader edits, UnknownDish unknownDish) {
        this.words = words;
        this.edits = edits;
        this.unknownDish = unknownDish;
    }

    /** The message's parts, in the order said, when it is several edits; empty when it is one thing. */
    Optional<List<ParseResult>> read(String[] t, MenuIndex index, Function<String[], ParseResult> orderOf) {
        // a plain order of many items has no edit word: it is not cut and read again clause by clause
        if (EDIT_WORDS.stream().noneMatch(role -> words.find(role, t, 0, t.length) >= 0)) {
            return Optional.empty();
        }
        // each cut point tries the clauses after it again, which grows fast with the number of list
        // words: a message that would need more readings than a person's edits do is read as one thing
        Map<List<String>, ParseResult> read = new HashMap<>();
        Function<String[], ParseResult> budgeted = words -> read.computeIfAbsent(List.of(words), w -> {
            if (read.size() >= MAX_READINGS) {
                throw new TooManyClauses();
            }
            return orderOf.apply(words);
        });
        try {
            return clauses(t, index, budgeted)
                    .filter(parts -> parts.size() > 1 && parts.stream().anyMatch(p -> p.edit() != null));
        } catch (TooManyClauses e) {
            return Optional.empty();
        }
    }

    /** Readings of clauses one message may take; a message of six edits needs about twenty. */
    private static final int MAX_READINGS = 64;

    private static final class TooManyClauses extends RuntimeException {
        TooManyClauses() {
            super(null, null, false, false);
        }
    }

    private Optional<List<ParseResult>> clauses(String[] t, MenuIndex index, Function<String[], ParseResult> orderOf) {
        for (int p = 1; p < t.length - 1; p++) {
            if (!isSeparator(t[p])) {
                continue;
            }
            String[] left = Arrays.copyOfRange(t, 0, p);
            ParseResult first = part(left, index, orderOf);
            if (first == null) {
                continue;
            }
            String[] right = Arrays.copyOfRange(t, p + 1, t.length);
            Optional<List<ParseResult>> rest = whole(right, index, orderOf);
            String[] lead = lead(left);
            boolean removal = words.at("REMOVE", left, skipOpeners(left)) > 0;
            if (rest.isEmpty() && lead.length > 0 && !removal && !hasVerb(right)) {
                // "make the naan 4 and the lassi mango": the second clause is said with the first one's verb
                rest = whole(concat(lead, right), index, orderOf);
            }
            if (rest.isEmpty() && first.intent() == Intent.ADD && !hasVerb(right)) {
                // "one more naan and a coke": adding goes on to what is said after it
                ParseResult more = orderOf.apply(right);
                if (!more.lines().isEmpty() && more.unresolved().isEmpty()) {
                    rest = Optional.of(List.of(more.about(Intent.ORDER, null, null, null)));
                }
            }
            if (rest.isPresent()
                    && first.intent() == Intent.REMOVE
                    && rest.get().size() == 1) {
                // "drop the gulab jamun and add a rasmalai instead": instead of what was removed, an order
                ParseResult then = rest.get().get(0);
                if (then.edit() != null
                        && then.intent() == Intent.CHANGE
                        && then.edit().replacement() != null
                        && then.edit().target().isPronoun()
                        && !then.edit().replacement().lines().isEmpty()) {
                    rest = Optional.of(List.of(then.edit().replacement().about(Intent.ORDER, null, null, null)));
                }
            }
            if (rest.isPresent()) {
                List<ParseResult> parts = new ArrayList<>(List.of(first));
                parts.addAll(rest.get());
                return Optional.of(parts);
            }
        }
        return Optional.empty();
    }

    /** These words as one clause, or as several. */
    private Optional<List<ParseResult>> whole(String[] t, MenuIndex index, Function<String[], ParseResult> orderOf) {
        ParseResult one = part(t, index, orderOf);
        return one != null ? Optional.of(List.of(one)) : clauses(t, index, orderOf);
    }

    /** One clause: an edit, or an order said with "add"; null when it is neither. */
    private ParseResult part(String[] t, MenuIndex index, Function<String[], ParseResult> orderOf) {
        if (t.length == 0) {
            return null;
        }
        ParseResult order = orderOf.apply(t);
        Optional<EditReader.Reading> edit = edits.read(t, order, index, orderOf);
        if (edit.isPresent()) {
            return order.about(edit.get().intent(), edit.get().edit(), null, null);
        }
        // "add a lassi"; Hindi puts the verb last: "lassi add karo"
        int lead = words.at("ADD", t, skipOpeners(t));
        int trail = words.endingAt("ADD", t, 0, t.length);
        if (lead == 0 && trail == 0) {
            return null;
        }
        // what is added is read without the verb: "add a sprite" names a dish the menu lacks, and
        // "lassi add" is no lassi with a note "add"
        String[] what = lead > 0
                ? Arrays.copyOfRange(t, skipOpeners(t) + lead, t.length)
                : Arrays.copyOfRange(t, 0, t.length - trail);
        ParseResult added = what.length == 0 ? order : unknownDish.check(what, orderOf.apply(what), index);
        if (added.lines().isEmpty() && added.unresolved().isEmpty()) {
            added = order;
        }
        return !added.lines().isEmpty() || !added.unresolved().isEmpty()
                ? added.about(Intent.ORDER, null, null, null)
                : null;
    }

    /** The words that open a clause and say what it does: openers, then a verb ("actually make"). */
    private String[] lead(String[] t) {
        int k = skipOpeners(t);
        int verb = Math.max(
                words.at("MAKE_IT", t, k),
                Math.max(words.at("MAKE", t, k), Math.max(words.at("CHANGE", t, k), words.at("REMOVE", t, k))));
        return Arrays.copyOfRange(t, 0, k + verb);
    }

    private boolean hasVerb(String[] t) {
        if (words.endingAt("ADD", t, 0, t.length) > 0 || words.endingAt("REMOVE", t, 0, t.length) > 0) {
            return true;
        }
        int k = skipOpeners(t);
        for (String role : List.of("MAKE_IT", "MAKE", "CHANGE", "REMOVE", "ADD")) {
            if (words.at(role, t, k) > 0) {
                return true;
            }
        }
        return false;
    }

    private int skipOpeners(String[] t) {
        int k = 0;
        for (int opener; k < t.length && words.at("ADD", t, k) == 0 && (opener = words.at("OPENER", t, k)) > 0; ) {
            k += opener;
        }
        return k;
    }

    private boolean isSeparator(String token) {
        return token.equals(",") || words.lexicon.listJoins.contains(token);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
