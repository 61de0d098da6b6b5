package io.tiffin.dispatch.delivery;

/**
 * Where a delivery stands. WAITING: no driver yet (or no location to go to); ASSIGNED to AT_DROPOFF:
 * on its way through the two stops; DELIVERED, FAILED (at the door, for the merchant to retry or
 * cancel) and CANCELLED end it, though a FAILED one can be retried.
 */
public enum DeliveryStatus {
    WAITING,
    ASSIGNED,
    AT_PICKUP,
    PICKED_UP,
    AT_DROPOFF,
    DELIVERED,
    FAILED,
    CANCELLED;

    public boolean open() {
        return this != DELIVERED && this != FAILED && this != CANCELLED;
    }

    /** The driver has the stop in hand (arrived at the restaurant or later): the planner must not move it. */
    public boolean started() {
        return this == AT_PICKUP || this == PICKED_UP || this == AT_DROPOFF;
    }

    /** The food is with the driver. */
    public boolean carried() {
        return this == PICKED_UP || this == AT_DROPOFF;
    }
}
