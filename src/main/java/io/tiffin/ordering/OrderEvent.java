package io.tiffin.ordering;

/**
 * What ordering tells other modules about an order, stored in the order's outbox and delivered in the
 * order it happened. One type, so a reaction that follows an order's whole life (a board) takes every
 * event of it in sequence.
 */
public sealed interface OrderEvent
        permits OrderPlaced, OrderStatusChanged, OrderNeedsAttention, OrderAwaitingPayment, OrderPaymentUpdated {

    String orderId();

    String merchantId();
}
