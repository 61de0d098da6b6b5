package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.internal.EditReader.Reading;
import java.util.Optional;

/** Edits that put one dish in another's place: "change X to Y", "Y instead of X", "X ki jagah Y". */
final class ReplaceEdits {

    private final TurnLexicon words;
    private final EditValues values;

    ReplaceEdits(EditValues values) {
        this.words = values.words;
        this.values = values;
    }

    /** "Y instead of X", "instead of X, Y", "X ki jagah Y". */
    Optional<Reading> instead(EditMessage m, int s, int e) {
        int by = words.find("REPLACED_BY", m.t(), s, e);
        if (by > s) {
            return Optional.of(EditValues.replacing(
                    values.into(m, values.reference(m, s, by), by + words.at("REPLACED_BY", m.t(), by), e)));
        }
        int i = words.find("INSTEAD", m.t(), s, e);
        if (i < 0) {
            return Optional.empty();
        }
        int after = i + words.at("INSTEAD", m.t(), i);
        if (i > s) {
            int valueFrom = s + words.at("MAKE_IT", m.t(), s);
            return Optional.of(EditValues.replacing(values.into(m, values.reference(m, after, e), valueFrom, i)));
        }
        int split = split(m, after, e);
        return split < 0
                ? Optional.empty()
                : Optional.of(EditValues.replacing(
                        values.into(m, values.reference(m, after, split), skipComma(m, split, e), e)));
    }

    /**
     * "no I said diet coke not coke", "sorry, garlic naan not butter naan": after an amending
     * opener, the dish after "not" is taken back for the one before it, as "Y instead of X".
     */
    Optional<Reading> dishTakenBack(EditMessage m, int s, int e) {
        int not = words.find("NOT", m.t(), s + 1, e - 1);
        if (not < 0
                || m.read(s, not).lines().isEmpty()
                || m.read(not + 1, e).lines().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(EditValues.replacing(values.into(m, values.reference(m, not + 1, e), s, not)));
    }

    /** "change X to Y", "swap X for Y", "replace X with Y". */
    Optional<Reading> change(EditMessage m, int s, int e) {
        int verb = words.at("CHANGE", m.t(), s);
        if (verb == 0) {
            return Optional.empty();
        }
        int from = s + verb;
        int into = words.find("INTO", m.t(), from, e);
        if (into < 0) {
            return Optional.empty();
        }
        return Optional.of(EditValues.replacing(
                values.into(m, values.reference(m, from, into), into + words.at("INTO", m.t(), into), e)));
    }

    /** Where "instead of X Y" turns from X to Y: a comma, else the first point both sides name one thing. */
    private static int split(EditMessage m, int from, int to) {
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
}
