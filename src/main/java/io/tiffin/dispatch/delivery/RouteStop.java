package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.planning.StopKind;
import java.time.Instant;
import java.util.Set;

/**
 * One stop as the driver's phone shows it: only what the stop needs. The customer's phone number is
 * there only while the drop-off is the driver's active stop (food picked up, not yet handed over);
 * the delivery code never is. {@code name} is the restaurant at a pickup and the customer's first
 * name at a drop-off. {@code status} is the stop's own: PENDING, ARRIVED, DONE or FAILED.
 */
public record RouteStop(
        String id,
        StopKind kind,
        String status,
        String orderId,
        String orderNumber,
        String name,
        String address,
        GeoPoint location,
        Instant eta,
        String customerName,
        int itemsCount,
        long cashToCollect,
        String currency,
        String customerPhone,
        boolean locked,
        int codeAttemptsLeft,
        String deliveryStatus) {

    // channels where the customer's id is their phone number
    private static final Set<String> PHONE_CHANNELS = Set.of("WHATSAPP", "SMS", "VOICE");

    public static RouteStop of(Delivery d, StopKind kind) {
        Delivery.Stop stop = d.stop(kind);
        Delivery.Place place = kind == StopKind.PICKUP ? d.pickup() : d.dropoff();
        boolean active = kind == StopKind.DROPOFF && d.status().carried();
        String phone = active
                        && d.customer() != null
                        && PHONE_CHANNELS.contains(d.customer().channel())
                ? "+" + d.customer().id().replaceFirst("^\\+", "")
                : null;
        return new RouteStop(
                stop.id(),
                kind,
                state(d, stop),
                d.orderId(),
                d.orderNumber(),
                place == null ? null : place.name(),
                place == null ? null : place.address(),
                place == null ? null : place.location(),
                stop.eta(),
                d.customer() == null ? null : d.customer().firstName(),
                d.itemsCount(),
                d.cashToCollect(),
                d.currency(),
                phone,
                d.locked(),
                d.codeAttemptsLeft(),
                d.status().name());
    }

    /** PENDING, ARRIVED, DONE, or FAILED (a drop-off that could not be handed over). */
    private static String state(Delivery d, Delivery.Stop stop) {
        if (stop.kind() == StopKind.DROPOFF && d.status() == DeliveryStatus.FAILED) {
            return "FAILED";
        }
        if (stop.doneAt() != null) {
            return "DONE";
        }
        return stop.arrivedAt() != null ? "ARRIVED" : "PENDING";
    }
}
