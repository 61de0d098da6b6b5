package io.tiffin.ordering;

import java.time.Instant;

/** An order has waited too long for the merchant: boards alert louder. */
public record OrderNeedsAttention(
        String orderId, String merchantId, String number, Instant placedAt, Instant autoRejectAt)
        implements OrderEvent {}
