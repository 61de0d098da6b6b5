package io.tiffin.ordering;

/** A line the menu cannot price as asked: unknown or unavailable item or option, or a missing choice. */
public class PricingException extends RuntimeException {

    public enum Reason {
        UNKNOWN_ITEM, UNAVAILABLE_ITEM, UNKNOWN_OPTION, UNAVAILABLE_OPTION, MISSING_CHOICE, TOO_MANY_OPTIONS,
        QUALIFIER_NOT_ALLOWED
    }

    private final Reason reason;
    private final String itemId;

    public PricingException(Reason reason, String itemId, String message) {
        super(message);
        this.reason = reason;
        this.itemId = itemId;
    }

    public Reason reason() {
        return reason;
    }

    public String itemId() {
        return itemId;
    }
}
