package io.tiffin.dispatch;

import java.time.Instant;

/** The customer gave the right code and has the order; they are told once. */
public record DeliveryCompleted(
        String deliveryId,
        String orderId,
        String merchantId,
        String orderNumber,
        String channel,
        String customerId,
        String language,
        Instant at) {}
