package io.tiffin.ordering;

import java.time.Instant;

/**
 * Published after every status transition is stored. {@code readyAt} is set from acceptance on;
 * {@code reason} is the merchant's words for a rejection or cancellation.
 */
public record OrderStatusChanged(String orderId, String merchantId, String number, OrderStatus from, OrderStatus to,
        String reason, Instant readyAt, String channel, String customerId, Order.FulfilmentType fulfilment, Instant at) {

    public boolean pickup() {
        return fulfilment == Order.FulfilmentType.PICKUP;
    }
}
