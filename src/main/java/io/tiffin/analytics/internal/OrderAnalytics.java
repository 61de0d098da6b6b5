package io.tiffin.analytics.internal;

import io.tiffin.ordering.OrderEvent;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.stereotype.Component;

/**
 * Every event of an order brings its fact and day up to date from the stored order, not from the
 * event's fields: a repeat, or an event overtaken by a later change, computes the same result.
 */
@Component
class OrderAnalytics implements DurableEventHandler<OrderEvent> {

    private final Rollups rollups;

    OrderAnalytics(Rollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public String name() {
        return "analytics.order-rollups";
    }

    @Override
    public Class<OrderEvent> eventType() {
        return OrderEvent.class;
    }

    @Override
    public void handle(OrderEvent event) {
        rollups.refresh(event.orderId());
    }
}
