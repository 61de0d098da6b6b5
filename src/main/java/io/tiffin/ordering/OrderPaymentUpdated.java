package io.tiffin.ordering;

import java.time.Instant;

/** The payment of an order moved on (link made, amount mismatch, refund); boards refetch the order. */
public record OrderPaymentUpdated(
        String orderId,
        String merchantId,
        String number,
        OrderStatus status,
        Order.PaymentState state,
        String note,
        Instant at)
        implements OrderEvent {}
