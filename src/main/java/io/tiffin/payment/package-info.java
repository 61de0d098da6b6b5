/**
 * Payment: online payment of orders through Razorpay payment links, and their refunds. An order
 * paid online waits ({@code AWAITING_PAYMENT}) until Razorpay's signed webhook (or the reconciliation
 * job asking Razorpay about links past their expiry) says it was paid for the order's amount; then
 * it is placed. Every decision is taken on one {@code payments} document per order and stored with
 * the events it causes (its {@code outbox}), so placing the order, telling the customer and refunding
 * happen after the decision is safe and are retried until done. The {@link io.tiffin.payment.PaymentEvent}s
 * tell the customer (notification). See docs/payments.md.
 */
package io.tiffin.payment;
