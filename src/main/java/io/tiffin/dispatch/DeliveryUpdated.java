package io.tiffin.dispatch;

import java.time.Instant;

/**
 * Something the merchant's board and the driver's phone should see at once: an assignment (with the
 * driver who lost it, if any, in {@code previousDriverId}), a new ETA, a stop done, a delivery that
 * failed, was locked after wrong codes, or was cancelled. {@code status} is the delivery's status name.
 */
public record DeliveryUpdated(
        String deliveryId,
        String orderId,
        String merchantId,
        String orderNumber,
        String status,
        String driverId,
        String previousDriverId,
        Instant eta,
        Change change,
        Instant at) {

    public enum Change {
        ASSIGNED,
        UNASSIGNED,
        ETA,
        STOP,
        FAILED,
        LOCKED,
        RESOLVED,
        LOCATED,
        CANCELLED,
        CREATED
    }
}
