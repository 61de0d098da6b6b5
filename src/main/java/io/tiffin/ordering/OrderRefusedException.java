package io.tiffin.ordering;

/**
 * An order the merchant's store rules do not take: the store is closed, the items are below the
 * minimum order, or the drop-off is outside the delivery radius. The conversation checks these
 * before it confirms; placing checks them again, so no caller can skip them.
 */
public class OrderRefusedException extends RuntimeException {

    public enum Reason {
        CLOSED,
        BELOW_MINIMUM,
        OUT_OF_RANGE
    }

    private final Reason reason;

    public OrderRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
