package io.tiffin.nlu;

import java.util.List;

/**
 * What an utterance means against a menu: its intent, the order lines it names (menu ids only), what
 * could not be resolved and why, and how sure the parser is (0..1). {@code note} is set when the
 * whole message is a note for the kitchen about what was ordered before ("less sugar", "make it
 * spicy" after a dish with no spice choice); notes said after a line are on the line.
 */
public record ParseResult(Intent intent, List<Line> lines, List<Unresolved> unresolved, double confidence, String note) {

    public enum Intent {
        ORDER, ADD, REMOVE, CHANGE, CONFIRM, CANCEL, STATUS, MENU, GREETING, HELP, OTHER
    }

    public enum Qualifier {
        EXTRA, LIGHT, NO
    }

    public record ChosenOption(String groupId, String optionId, Qualifier qualifier) {
    }

    /**
     * A line; {@code notes} is the customer's own words for the kitchen ("less sugar"), or null.
     * {@code declined} holds qualified options the customer refused without refusing the option
     * ("no extra cheese": cheese with EXTRA): never added, the cheese itself stays as it was; the
     * parser also writes them into {@code notes} so the kitchen sees them.
     */
    public record Line(String itemId, int quantity, List<ChosenOption> options, String notes, List<ChosenOption> declined) {
        public Line {
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
            options = options == null ? List.of() : List.copyOf(options);
            declined = declined == null ? List.of() : List.copyOf(declined);
        }

        public Line(String itemId, int quantity, List<ChosenOption> options, String notes) {
            this(itemId, quantity, options, notes, List.of());
        }
    }

    public enum Reason {
        UNKNOWN_ITEM, UNAVAILABLE, AMBIGUOUS, MISSING_CHOICE
    }

    /**
     * A span the parser could not turn into a line, with the closest menu item ids, and the kitchen
     * note said after it ("one biryani extra spicy": which biryani is asked, the note is kept).
     */
    public record Unresolved(String span, Reason reason, List<String> candidates, String note) {
        public Unresolved {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        public Unresolved(String span, Reason reason, List<String> candidates) {
            this(span, reason, candidates, null);
        }
    }

    public ParseResult {
        lines = lines == null ? List.of() : List.copyOf(lines);
        unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
    }

    public ParseResult(Intent intent, List<Line> lines, List<Unresolved> unresolved, double confidence) {
        this(intent, lines, unresolved, confidence, null);
    }

    public static ParseResult of(Intent intent) {
        return new ParseResult(intent, List.of(), List.of(), 1.0);
    }
}
