package io.tiffin.payment.internal;

import io.tiffin.ordering.Order;

/**
 * What a payment decision leaves to do on the order or at Razorpay, stored with the decision and run
 * by {@link PaymentSteps}. Public only because the store reads them back by class.
 */
public sealed interface PaymentStep {

    String orderId();

    String merchantId();

    /** Paid in full: the order goes to the kitchen. */
    record PlaceOrder(String orderId, String merchantId) implements PaymentStep {}

    /** The link expired unpaid: the order is cancelled and the customer told. */
    record CancelOrder(String orderId, String merchantId, String reason) implements PaymentStep {}

    /** Show the payment's state on the board and, with a note, on the order's timeline. */
    record NoteOnOrder(String orderId, String merchantId, Order.PaymentState state, String note)
            implements PaymentStep {}

    /** The order was closed before it was paid: the link should no longer take money. */
    record CancelLink(String orderId, String merchantId, String linkId) implements PaymentStep {}

    /** Give this payment back in full, once. */
    record Refund(String orderId, String merchantId, String paymentId, long amount) implements PaymentStep {}
}
