package io.tiffin.dispatch;

import java.time.Instant;

/**
 * A driver now carries an order. Published from the delivery's outbox each time the driver changes; the
 * customer is told once (driver's first name, ETA, tracking link and the 4-digit {@code code} they
 * give the driver at the door). {@code trackingToken} opens {@code /t/{token}}.
 */
public record DeliveryAssigned(
        String deliveryId,
        String orderId,
        String merchantId,
        String orderNumber,
        String channel,
        String customerId,
        String language,
        String driverId,
        String driverName,
        Instant eta,
        String trackingToken,
        String code,
        Instant at) {}
