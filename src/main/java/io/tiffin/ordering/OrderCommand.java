package io.tiffin.ordering;

/**
 * What the merchant (or the platform, for an order left waiting) can do to an order.
 * {@code DRIVER_PICK_UP} is a driver collecting a delivery, which may happen before the kitchen tapped
 * "ready"; {@code CANCEL_UNDELIVERED} is the merchant giving up on a delivery that failed at the door.
 */
public enum OrderCommand {
    ACCEPT,
    START_PREPARING,
    MARK_READY,
    HAND_OVER,
    DELIVER,
    REJECT,
    CANCEL,
    DRIVER_PICK_UP,
    CANCEL_UNDELIVERED
}
