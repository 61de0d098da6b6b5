package io.tiffin.ordering;

import java.time.Instant;

/**
 * Stored with a new order paid online: payment makes the link for {@code total} and sends it to the
 * customer on their channel, in their language. The order is placed (an {@link OrderPlaced}) once paid.
 */
public record OrderAwaitingPayment(
        String orderId,
        String merchantId,
        String number,
        long total,
        String currency,
        String channel,
        Order.Customer customer,
        String language,
        Instant at)
        implements OrderEvent {}
