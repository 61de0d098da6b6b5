package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
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
    private final EditValues values;
    private final ReplaceEdits replaces;
    private final MakeEdits makes;
    private final OptionEdits options;
    private final CountEdits counts;
    private final RemovalReader removals;

    EditReader(TurnLexicon words, References references) {
        this.words = words;
        this.values = new EditValues(words, references);
        this.replaces = new ReplaceEdits(values);
        this.makes = new MakeEdits(values);
        this.options = new OptionEdits(values);
        this.counts = new CountEdits(values);
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
        Optional<Reading> reading = (softened ? replaces.dishTakenBack(m, from, to) : Optional.<Reading>empty())
                .or(() -> replaces.instead(m, from, to))
                .or(() -> replaces.change(m, from, to))
                .or(() -> makes.make(m, from, to))
                .or(() -> makes.positional(m, from, to))
                .or(() -> options.refuse(m, from, to, order))
                .or(() -> options.attach(m, from, to, order))
                .or(() -> options.noteOn(m, from, to, order))
                .or(() -> removals.read(m, from, to, takenBack ? ParseResult.of(Intent.ORDER) : order))
                .or(() -> makes.madeInto(m, from, to, madeInHindi))
                .or(() -> counts.more(m, from, to))
                .or(() -> counts.only(m, from, to));
        if (reading.isEmpty()
                && insteadAtEnd
                && order.lines().size() + order.unresolved().size() == 1) {
            // "a diet coke instead": what was said last becomes this
            reading = Optional.of(values.into(m, Reference.LAST, from, to));
        }
        if (reading.isEmpty()
                && softened
                && order.lines().size() + order.unresolved().size() <= 1) {
            reading = counts.recount(m, from, to);
        }
        // "actually medium please", "add olives", "half kar do", "mild": a new choice for the line it
        // fits, no dish said
        if (reading.isEmpty() && order.lines().isEmpty() && order.unresolved().isEmpty()) {
            reading = options.choiceAlone(m, from, to);
        }
        return reading;
    }
}
