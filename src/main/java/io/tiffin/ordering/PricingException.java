package io.tiffin.ordering;

/**
 * A line the menu cannot price as asked: unknown or unavailable item or option, or a missing choice.
 * The message is for logs; what a customer reads is rendered from the reason and {@link #args()}
 * (item, option, group, max, qualifier: menu names as written) by the conversation's templates.
 */
public class PricingException extends RuntimeException {

    public enum Reason {
        UNKNOWN_ITEM,
        UNAVAILABLE_ITEM,
        UNKNOWN_OPTION,
        UNAVAILABLE_OPTION,
        MISSING_CHOICE,
        TOO_MANY_OPTIONS,
        QUALIFIER_NOT_ALLOWED
    }

    private final Reason reason;
    private final String itemId;
    private final java.util.Map<String, String> args;

    public PricingException(Reason reason, String itemId, String message) {
        this(reason, itemId, message, java.util.Map.of());
    }

    public PricingException(Reason reason, String itemId, String message, java.util.Map<String, String> args) {
        super(message);
        this.reason = reason;
        this.itemId = itemId;
        this.args = java.util.Map.copyOf(args);
    }

    /** The names a customer's message about this is made of: item, option, group, max, qualifier. */
    public java.util.Map<String, String> args() {
        return args;
    }

    public Reason reason() {
        return reason;
    }

    public String itemId() {
        return itemId;
    }
}
