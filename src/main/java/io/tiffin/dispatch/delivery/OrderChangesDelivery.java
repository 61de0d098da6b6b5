package io.tiffin.dispatch.delivery;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.stereotype.Component;

/**
 * Dispatch hears the order's life through the durable events: a delivery order the merchant accepted
 * gets its delivery, a ready time moves the pickup window, a cancelled or rejected one ends it. Every
 * step tolerates a repeat (the delivery is unique per order).
 */
@Component
class OrderChangesDelivery implements DurableEventHandler<OrderStatusChanged> {

    private final DeliveryService deliveries;

    OrderChangesDelivery(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "dispatch.delivery-of-order";
    }

    @Override
    public Class<OrderStatusChanged> eventType() {
        return OrderStatusChanged.class;
    }

    @Override
    public void handle(OrderStatusChanged event) {
        if (event.fulfilment() != Order.FulfilmentType.DELIVERY) {
            return;
        }
        if (event.to() == OrderStatus.ACCEPTED) {
            deliveries.createFor(event.merchantId(), event.orderId());
        } else if (event.to() == OrderStatus.READY) {
            deliveries.orderReady(event.orderId(), event.readyAt());
        } else if (event.to() == OrderStatus.CANCELLED || event.to() == OrderStatus.REJECTED) {
            deliveries.orderCancelled(event.orderId());
        }
    }
}
