package io.tiffin.payment.internal;

import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.stereotype.Component;

/**
 * A rejected or cancelled order gives back what was paid for it, in full, once: however many taps or
 * redeliveries lead here, the payment records one refund per payment id.
 */
@Component
class RefundOnClose implements DurableEventHandler<OrderStatusChanged> {

    private final PaymentDecisions decisions;

    RefundOnClose(PaymentDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "payment.refund-on-close";
    }

    @Override
    public Class<OrderStatusChanged> eventType() {
        return OrderStatusChanged.class;
    }

    @Override
    public void handle(OrderStatusChanged event) {
        if (event.to() == OrderStatus.REJECTED || event.to() == OrderStatus.CANCELLED) {
            decisions.apply(event.orderId(), (payment, now) -> payment.orderClosed(now));
        }
    }
}
