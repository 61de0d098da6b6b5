package io.tiffin.nlu;

import io.tiffin.catalog.Menu;
import java.util.List;
import java.util.Set;

/**
 * What an utterance means against a menu: its intent, the order lines it names (menu ids only), what
 * could not be resolved and why, and how sure the parser is (0..1). {@code note} is set when the
 * whole message is a note for the kitchen about what was ordered before ("less sugar", "make it
 * spicy" after a dish with no spice choice); notes said after a line are on the line.
 *
 * <p>Beyond the order: {@code edit} is what a message asks to do to the cart and which line it
 * means, as said (the conversation resolves it against the cart, then the menu); {@code question}
 * is a question about the menu; {@code language} is the language the message shows (a BCP-47 tag
 * such as {@code hi}), or null when it says nothing about language ("2 butter naan").
 *
 * <p>{@code parts} is set when one message does several things to the cart ("remove the coke and
 * add a lassi", "make the naan 4 and the lassi mango"): each part read on its own, in the order
 * said, and applied in that order; empty when the message does one thing (then this reading is
 * that thing). {@code answer} is what the message would answer to a question with choices (a way
 * to pay, a numbered choice, a skip, an email address), null when it answers none; whether a
 * question was asked is for the conversation to know.
 */
public record ParseResult(
        Intent intent,
        List<Line> lines,
        List<Unresolved> unresolved,
        double confidence,
        String note,
        Edit edit,
        Question question,
        String language,
        List<ParseResult> parts,
        Answer answer) {

    /**
     * ADD is "one more naan" (an increase of what the cart may have), CHANGE a replacement or a new
     * choice ("change coke to diet coke", "make it large"), SET_QUANTITY a new count ("make the naan
     * 4"), REMOVE takes lines out, REPEAT asks for the last order again, PICKUP collects it instead
     * of a delivery, QUESTION asks about the menu, CART asks to see the cart as it is.
     */
    public enum Intent {
        ORDER,
        ADD,
        REMOVE,
        CHANGE,
        SET_QUANTITY,
        CONFIRM,
        CANCEL,
        STATUS,
        MENU,
        GREETING,
        HELP,
        REPEAT,
        PICKUP,
        DELIVERY,
        QUESTION,
        CART,
        OTHER
    }

    public enum Qualifier {
        EXTRA,
        LIGHT,
        NO
    }

    public record ChosenOption(String groupId, String optionId, Qualifier qualifier) {}

    /**
     * A line; {@code notes} is the customer's own words for the kitchen ("less sugar"), or null.
     * {@code declined} holds qualified options the customer refused without refusing the option
     * ("no extra cheese": cheese with EXTRA): never added, the cheese itself stays as it was; the
     * conversation keeps them on the cart line, so the customer and the kitchen see them.
     */
    public record Line(
            String itemId, int quantity, List<ChosenOption> options, String notes, List<ChosenOption> declined) {
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

    /**
     * Why a span is open. EITHER is one of several items the customer offered as alternatives ("a
     * coke or a sprite, whichever"): the customer picks one of the candidates, none is ordered.
     */
    public enum Reason {
        UNKNOWN_ITEM,
        UNAVAILABLE,
        AMBIGUOUS,
        MISSING_CHOICE,
        EITHER
    }

    /**
     * A span the parser could not turn into a line, with the closest menu item ids, and the kitchen
     * note said after it ("one biryani extra spicy": which biryani is asked, the note is kept).
     * {@code quantity} is the count said for it ("2 cokes or 2 sprites": 2 of the one picked), 1
     * when none was.
     */
    public record Unresolved(String span, Reason reason, List<String> candidates, String note, int quantity) {
        public Unresolved {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            quantity = Math.max(1, quantity);
        }

        public Unresolved(String span, Reason reason, List<String> candidates, String note) {
            this(span, reason, candidates, note, 1);
        }

        public Unresolved(String span, Reason reason, List<String> candidates) {
            this(span, reason, candidates, null);
        }
    }

    /**
     * A cart line as the customer refers to it. {@code itemIds} are the items the words name
     * ("naan" is Plain Naan), {@code looseItemIds} every item whose name has all those words (any
     * naan), {@code position} an ordinal (1 the first line, -1 the last), null when none was said.
     * {@code units} is how many of the line's units are meant ("one coke" of two: 1; "one of the
     * pizzas": 1), null for the whole line.
     * {@code every} is set when the words mean every line they fit ("both", "either", "all of them").
     * {@code other} is set when they mean a line spoken of lately other than the one just meant ("the
     * other one", "the other"). No words, items or position at all ("it", "that") means the line
     * spoken of last.
     */
    public record Reference(
            String span,
            List<String> itemIds,
            List<String> looseItemIds,
            Integer position,
            Integer units,
            boolean every,
            boolean other) {
        public Reference {
            span = span == null ? "" : span;
            itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
            looseItemIds = looseItemIds == null ? List.of() : List.copyOf(looseItemIds);
        }

        public Reference(
                String span,
                List<String> itemIds,
                List<String> looseItemIds,
                Integer position,
                Integer units,
                boolean every) {
            this(span, itemIds, looseItemIds, position, units, every, false);
        }

        public Reference(
                String span, List<String> itemIds, List<String> looseItemIds, Integer position, Integer units) {
            this(span, itemIds, looseItemIds, position, units, false);
        }

        public Reference(String span, List<String> itemIds, List<String> looseItemIds, Integer position) {
            this(span, itemIds, looseItemIds, position, null);
        }

        public static final Reference LAST = new Reference("", List.of(), List.of(), null);

        public boolean isPronoun() {
            return itemIds.isEmpty() && looseItemIds.isEmpty() && position == null && !every && !other;
        }
    }

    /**
     * What an edit does to the lines it refers to. {@code quantity} is the count said (the new
     * count, the count added or the count taken away, by intent), null when none was. For a CHANGE,
     * {@code replacement} is the reading of what the line becomes when that names items ("diet
     * coke"); otherwise {@link #choicesFor} reads the new choices ("large") against the line's item.
     * {@code replaces} is set when the words said the line is replaced by something else ("change
     * the coke to a sprite"): what they name is an item, never a note on the old line.
     * {@code times} is set for a SET_QUANTITY that multiplies the line's count rather than saying it
     * ("double the naan": 2, "triple it": 3, "another round of the same": 2 of every line); only the
     * cart knows the count it gives. {@code again} is set when the message asks for the last edit
     * once more on the lines it refers to ("the other one too", "same for the diet coke", "both"):
     * it says nothing itself of what changes.
     */
    public record Edit(
            List<Reference> targets,
            Integer quantity,
            ParseResult replacement,
            List<String> valueWords,
            boolean replaces,
            Integer times,
            boolean again) {
        public Edit {
            targets = targets == null || targets.isEmpty() ? List.of(Reference.LAST) : List.copyOf(targets);
            valueWords = valueWords == null ? List.of() : List.copyOf(valueWords);
            if (times != null && times < 1) {
                throw new IllegalArgumentException("a multiplier is at least 1");
            }
        }

        public Edit(
                List<Reference> targets,
                Integer quantity,
                ParseResult replacement,
                List<String> valueWords,
                boolean replaces) {
            this(targets, quantity, replacement, valueWords, replaces, null, false);
        }

        /** The count a line of {@code count} units gets: the count said, or the line's count multiplied. */
        public int countFor(int count) {
            return Math.min(99, times != null ? count * times : quantity != null ? quantity : count);
        }

        public Edit(List<Reference> targets, Integer quantity, ParseResult replacement, List<String> valueWords) {
            this(targets, quantity, replacement, valueWords, false);
        }

        public Reference target() {
            return targets.get(0);
        }

        /** The one-choice options (a size, a portion) of the item the edit's new words say. */
        public List<ChosenOption> choicesFor(Menu.Item item) {
            return io.tiffin.nlu.internal.ChoiceWords.said(item, valueWords);
        }

        /**
         * The edit's new words read as said of one item: "without onion" of a pizza is the pizza
         * with onion refused, "spicy" of a dish without a spice choice a note for the kitchen. Empty
         * when the words say nothing of that item.
         */
        public java.util.Optional<Line> asSaidOf(Menu.Item item) {
            return io.tiffin.nlu.internal.ItemWords.read(item, valueWords);
        }

        /**
         * The edit as a new pick for one option group of the item, when its words name the group:
         * "make the cheese provolone", "change the bread to wheat", "oat milk instead". Empty when
         * they name no group of that item, or no pick of it.
         */
        public java.util.Optional<GroupPick> groupPickOf(Menu.Item item) {
            List<String> named =
                    new java.util.ArrayList<>(List.of(target().span().split(" ")));
            named.addAll(valueWords);
            return io.tiffin.nlu.internal.GroupPicks.read(item, named, valueWords);
        }
    }

    /**
     * A new pick for one option group of a line's item: {@code picks} take the place of what the
     * group held, or only of {@code namedOptionId} when an option of the group named it ("cheese"
     * on a menu where Cheese stands beside Provolone and Swiss).
     */
    public record GroupPick(String groupId, String namedOptionId, List<ChosenOption> picks) {
        public GroupPick {
            picks = List.copyOf(picks);
        }
    }

    public enum Topic {
        PRICE,
        TAG,
        CONTENTS,
        AVAILABLE
    }

    /**
     * A question about the menu. {@code subject} names the items asked about (none: the whole menu);
     * {@code tag} is the dietary tag asked about ("veg"), null if none, and {@code tagSpellings}
     * every way a menu may spell it ("veg", "vegetarian"). {@code each} is set when the question
     * asks about a list of dishes ("do you have gulab jamun and kulfi?"): one reference per dish, in
     * the order said, each to be answered; empty when it asks about one thing.
     */
    public record Question(Topic topic, Reference subject, String tag, Set<String> tagSpellings, List<Reference> each) {
        public Question {
            tagSpellings = tagSpellings == null ? Set.of() : Set.copyOf(tagSpellings);
            each = each == null ? List.of() : List.copyOf(each);
        }

        public Question(Topic topic, Reference subject, String tag, Set<String> tagSpellings) {
            this(topic, subject, tag, tagSpellings, List.of());
        }
    }

    /** A way to pay, as the customer says it ("cash", "COD", "upi", "online", "नकद"). */
    public enum Payment {
        CASH,
        ONLINE
    }

    /**
     * What a message answers to a question with choices: {@code payment} a way to pay, {@code number}
     * the number of a choice shown ("2", "the second one"), {@code skip} a refusal to answer ("skip",
     * "no", "nahi"), {@code email} an email address; unset parts are null / false.
     */
    public record Answer(Payment payment, Integer number, boolean skip, String email) {}

    public ParseResult {
        lines = lines == null ? List.of() : List.copyOf(lines);
        unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public ParseResult(
            Intent intent,
            List<Line> lines,
            List<Unresolved> unresolved,
            double confidence,
            String note,
            Edit edit,
            Question question,
            String language) {
        this(intent, lines, unresolved, confidence, note, edit, question, language, List.of(), null);
    }

    public ParseResult(Intent intent, List<Line> lines, List<Unresolved> unresolved, double confidence, String note) {
        this(intent, lines, unresolved, confidence, note, null, null, null);
    }

    public ParseResult(Intent intent, List<Line> lines, List<Unresolved> unresolved, double confidence) {
        this(intent, lines, unresolved, confidence, null);
    }

    public static ParseResult of(Intent intent) {
        return new ParseResult(intent, List.of(), List.of(), 1.0);
    }

    /** This reading with the message's intent, edit, question and language said. */
    public ParseResult about(Intent intent, Edit edit, Question question, String language) {
        return new ParseResult(intent, lines, unresolved, confidence, note, edit, question, language, parts, answer);
    }

    public ParseResult inLanguage(String language) {
        return new ParseResult(intent, lines, unresolved, confidence, note, edit, question, language, parts, answer);
    }

    /** This reading doing several things, each part in the order said. */
    public ParseResult inParts(List<ParseResult> parts) {
        return new ParseResult(intent, lines, unresolved, confidence, note, edit, question, language, parts, answer);
    }

    public ParseResult answering(Answer answer) {
        return new ParseResult(intent, lines, unresolved, confidence, note, edit, question, language, parts, answer);
    }

    /** What the message does, part by part: its parts, or itself when it does one thing. */
    public List<ParseResult> steps() {
        return parts.isEmpty() ? List.of(this) : parts;
    }
}
