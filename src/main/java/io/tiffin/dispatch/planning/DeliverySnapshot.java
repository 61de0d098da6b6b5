package io.tiffin.dispatch.planning;

import io.tiffin.dispatch.GeoPoint;
import java.time.Instant;

/**
 * An open delivery as the planner sees it. {@code readyAt}: the pickup may not start before it (the
 * kitchen's promise); {@code dueBy}: the drop-off should be done by then (the customer's promise).
 * {@code driverId} is the current assignment (null when waiting); {@code pinned} means the merchant
 * chose the driver by hand and the planner must keep it. From {@code AT_PICKUP} on, the stop the
 * driver is at or has done is never moved to anyone else.
 */
public record DeliverySnapshot(
        String deliveryId,
        String orderId,
        String merchantId,
        GeoPoint pickup,
        GeoPoint dropoff,
        Instant readyAt,
        Instant dueBy,
        String driverId,
        boolean pinned,
        Progress progress) {

    public enum Progress {
        WAITING,
        ASSIGNED,
        AT_PICKUP,
        PICKED_UP,
        AT_DROPOFF
    }
}
