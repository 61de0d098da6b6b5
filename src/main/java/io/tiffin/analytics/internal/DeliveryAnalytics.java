package io.tiffin.analytics.internal;

import io.tiffin.dispatch.DeliveryCompleted;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.stereotype.Component;

/**
 * A completed delivery names its driver for the per-driver figures; the order's own events may come
 * before or after it, and whichever comes last computes the fact with both.
 */
@Component
class DeliveryAnalytics implements DurableEventHandler<DeliveryCompleted> {

    private final Rollups rollups;

    DeliveryAnalytics(Rollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public String name() {
        return "analytics.delivery-drivers";
    }

    @Override
    public Class<DeliveryCompleted> eventType() {
        return DeliveryCompleted.class;
    }

    @Override
    public void handle(DeliveryCompleted event) {
        rollups.delivered(event.deliveryId());
    }
}
