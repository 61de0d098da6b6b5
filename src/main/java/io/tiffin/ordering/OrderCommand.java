package io.tiffin.ordering;

/** What the merchant (or the platform, for an order left waiting) can do to an order. */
public enum OrderCommand {
    ACCEPT, START_PREPARING, MARK_READY, HAND_OVER, DELIVER, REJECT, CANCEL
}
