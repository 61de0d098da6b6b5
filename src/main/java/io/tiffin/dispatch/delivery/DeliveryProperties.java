package io.tiffin.dispatch.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise}: how long after the kitchen's ready time the customer is promised the food (the
 * drop-off's due time). {@code behind}: how far past a stop's ETA a driver may fall before the
 * deliveries are planned again. {@code trackingFor}: how long a tracking link works after the end.
 */
@ConfigurationProperties("tiffin.delivery")
public record DeliveryProperties(
        @DefaultValue("30m") Duration promise,
        @DefaultValue("10m") Duration behind,
        @DefaultValue("1h") Duration trackingFor,
        @DefaultValue("30s") Duration sweepEvery) {}
