package io.tiffin.ordering;

import java.util.List;

/**
 * A cart line as the customer asked for it: menu ids only, never a price. {@code notes} is the
 * customer's free text for the kitchen ("less sugar"), kept as plain text of at most
 * {@link #MAX_NOTE_LENGTH} characters. {@code declined} are qualified options the customer refused
 * without refusing the option ("no extra cheese": cheese, EXTRA): never charged, shown to the kitchen.
 */
public record LineRequest(
        String itemId, int quantity, List<OptionRequest> options, String notes, List<OptionRequest> declined) {

    public enum Qualifier {
        EXTRA,
        LIGHT,
        NO
    }

    public record OptionRequest(String groupId, String optionId, Qualifier qualifier) {}

    public static final int MAX_NOTE_LENGTH = 140;

    public LineRequest {
        if (quantity < 1 || quantity > 99) {
            throw new IllegalArgumentException("quantity must be between 1 and 99");
        }
        options = options == null ? List.of() : List.copyOf(options);
        notes = cleanNote(notes);
        declined = declined == null ? List.of() : List.copyOf(declined);
    }

    public LineRequest(String itemId, int quantity, List<OptionRequest> options, String notes) {
        this(itemId, quantity, options, notes, List.of());
    }

    /** One line of text: control characters become spaces, runs of space one, cut at the limit. */
    static String cleanNote(String note) {
        if (note == null) {
            return null;
        }
        String text = note.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_NOTE_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_NOTE_LENGTH))
                    .strip();
        }
        return text;
    }

    public LineRequest withQuantity(int newQuantity) {
        return new LineRequest(itemId, newQuantity, options, notes, declined);
    }

    /**
     * Same item with the same choices, refusals and note: two such lines are one line with the quantities
     * added. "2 chai" and "1 chai less sugar" stay two lines, so the kitchen sees which is which.
     */
    public boolean sameChoiceAs(LineRequest other) {
        return itemId.equals(other.itemId)
                && options.equals(other.options)
                && java.util.Objects.equals(notes, other.notes)
                && declined.equals(other.declined);
    }
}
