package io.tiffin.ordering;

import java.util.List;

/** A cart line as the customer asked for it: menu ids only, never a price. */
public record LineRequest(String itemId, int quantity, List<OptionRequest> options, String notes) {

    public enum Qualifier {
        EXTRA, LIGHT, NO
    }

    public record OptionRequest(String groupId, String optionId, Qualifier qualifier) {
    }

    public LineRequest {
        if (quantity < 1 || quantity > 99) {
            throw new IllegalArgumentException("quantity must be between 1 and 99");
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    public LineRequest withQuantity(int newQuantity) {
        return new LineRequest(itemId, newQuantity, options, notes);
    }

    /** Same item with the same choices: two such lines are one line with the quantities added. */
    public boolean sameChoiceAs(LineRequest other) {
        return itemId.equals(other.itemId) && options.equals(other.options);
    }
}
