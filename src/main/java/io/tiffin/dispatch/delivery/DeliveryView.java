package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.GeoPoint;
import java.time.Instant;

/** A delivery as the merchant's board shows it. */
public record DeliveryView(
        String id,
        String orderId,
        String orderNumber,
        String status,
        String driverId,
        String driverName,
        boolean pinned,
        Instant pickupEta,
        Instant eta,
        Instant readyAt,
        Instant dueBy,
        boolean late,
        boolean needsLocation,
        boolean locked,
        int codeAttemptsLeft,
        String failureReason,
        String address,
        GeoPoint location,
        int itemsCount,
        long cashToCollect,
        Long cashCollected,
        String currency) {

    public static DeliveryView of(Delivery d) {
        Instant eta = d.eta();
        return new DeliveryView(
                d.id(),
                d.orderId(),
                d.orderNumber(),
                d.status().name(),
                d.driverId(),
                d.driverName(),
                d.pinned(),
                d.pickupStop().eta(),
                eta,
                d.readyAt(),
                d.dueBy(),
                eta != null && d.dueBy() != null && eta.isAfter(d.dueBy()),
                d.needsLocation(),
                d.locked(),
                d.codeAttemptsLeft(),
                d.failureReason(),
                d.dropoff() == null ? null : d.dropoff().address(),
                d.dropoff() == null ? null : d.dropoff().location(),
                d.itemsCount(),
                d.cashToCollect(),
                d.cashCollected(),
                d.currency());
    }
}
