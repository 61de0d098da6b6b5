package io.tiffin.payment;

import java.time.Instant;

/**
 * What payment tells other modules about an order's money, stored with the payment decision and
 * delivered at least once: who to tell ({@code channel}, {@code customerId}, in {@code language}) is
 * part of every event so a listener needs nothing else. Amounts in minor units.
 */
public sealed interface PaymentEvent {

    String orderId();

    String merchantId();

    String number();

    String channel();

    String customerId();

    String language();

    /** The link to pay with is ready; it works until {@code expiresAt}. */
    record LinkReady(
            String orderId,
            String merchantId,
            String number,
            String channel,
            String customerId,
            String language,
            String url,
            long amount,
            String currency,
            Instant expiresAt)
            implements PaymentEvent {}

    /** Failed attempt number {@code attempt} (from 1); the same link still works until it expires. */
    record Failed(
            String orderId,
            String merchantId,
            String number,
            String channel,
            String customerId,
            String language,
            String url,
            int attempt)
            implements PaymentEvent {}

    /** The order is paid in full and goes to the kitchen. */
    record Received(
            String orderId,
            String merchantId,
            String number,
            String channel,
            String customerId,
            String language,
            long amount,
            String currency)
            implements PaymentEvent {}

    /** A refund went through ({@code processed}) or failed (the merchant sorts it out). */
    record Refund(
            String orderId,
            String merchantId,
            String number,
            String channel,
            String customerId,
            String language,
            long amount,
            String currency,
            boolean processed)
            implements PaymentEvent {}
}
