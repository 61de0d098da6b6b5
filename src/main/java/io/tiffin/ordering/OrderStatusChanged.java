package io.tiffin.ordering;

import java.time.Instant;

/**
 * Published after every status transition is stored. {@code readyAt} is set from acceptance on;
 * {@code reason} is the merchant's words for a rejection or cancellation. {@code language} is the
 * customer's (a BCP-47 tag), so whoever tells them speaks it; {@code automatic} marks a change the
 * platform made rather than the merchant (an order nobody accepted in time).
 */
public record OrderStatusChanged(
        String orderId,
        String merchantId,
        String number,
        OrderStatus from,
        OrderStatus to,
        String reason,
        Instant readyAt,
        String channel,
        String customerId,
        Order.FulfilmentType fulfilment,
        Instant at,
        String language,
        boolean automatic)
        implements OrderEvent {

    public boolean pickup() {
        return fulfilment == Order.FulfilmentType.PICKUP;
    }
}
