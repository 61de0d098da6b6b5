package io.tiffin.ordering.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a placed order may wait for the merchant: after {@code alertAfter} the boards alert louder,
 * after {@code autoRejectAfter} the platform rejects it and the customer is told. {@code sweepEvery}
 * is how often waiting orders are checked.
 */
@ConfigurationProperties("tiffin.orders")
record OrderingProperties(
        @DefaultValue("5m") Duration alertAfter,
        @DefaultValue("10m") Duration autoRejectAfter,
        @DefaultValue("15s") Duration sweepEvery,
        @DefaultValue("Not accepted in time") String autoRejectReason) {

    public OrderingProperties {
        if (!alertAfter.isPositive() || autoRejectAfter.compareTo(alertAfter) < 0) {
            throw new IllegalArgumentException("tiffin.orders: 0 < alert-after <= auto-reject-after");
        }
    }
}
