package io.tiffin.analytics.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code deliveryAllowance}: how long after the promised ready time a delivery may reach the door and
 * still count as on time.
 */
@ConfigurationProperties("tiffin.analytics")
record AnalyticsProperties(@DefaultValue("30m") Duration deliveryAllowance) {}
