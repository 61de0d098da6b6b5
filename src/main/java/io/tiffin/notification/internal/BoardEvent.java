package io.tiffin.notification.internal;

import io.tiffin.ordering.OrderStatus;
import java.time.Instant;

/**
 * What a board hears: something happened to one of the merchant's orders. {@code id} is the
 * position in the merchant's event log (a Redis stream id), which the browser sends back as
 * {@code Last-Event-ID} to catch up after a reconnect. Boards fetch the order itself for details.
 */
record BoardEvent(
        String id,
        String merchantId,
        String type,
        String orderId,
        String number,
        OrderStatus status,
        String reason,
        Instant at) {

    static final String PLACED = "order.placed";
    static final String STATUS = "order.status";
    static final String ATTENTION = "order.attention";
    /** An update could not reach the customer (outside the provider's service window, no template). */
    static final String UNDELIVERABLE = "order.undeliverable";

    BoardEvent withId(String newId) {
        return new BoardEvent(newId, merchantId, type, orderId, number, status, reason, at);
    }

    /** Redis stream ids are {@code <millis>-<sequence>}; orders them as numbers, not as text. */
    static int compareIds(String a, String b) {
        String[] x = a.split("-", 2);
        String[] y = b.split("-", 2);
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    static boolean isValidId(String id) {
        return id != null && id.matches("\\d{1,20}-\\d{1,20}");
    }
}
