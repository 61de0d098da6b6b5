package io.tiffin.notification.internal;

import io.tiffin.ordering.OrderAwaitingPayment;
import io.tiffin.ordering.OrderEvent;
import io.tiffin.ordering.OrderNeedsAttention;
import io.tiffin.ordering.OrderPaymentUpdated;
import io.tiffin.ordering.OrderPlaced;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.events.DurableEventHandler;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Turns ordering's events into board events for the merchant's tablets, one order's events in the
 * order they happened. A push that cannot reach Redis is retried by the relay; a repeat is harmless
 * (a board refetches the order it hears about).
 */
@Component
class BoardEvents implements DurableEventHandler<OrderEvent> {

    static final String NAME = "notification.board-events";

    private final BoardEventLog eventLog;
    private final Clock clock;

    BoardEvents(BoardEventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OrderEvent> eventType() {
        return OrderEvent.class;
    }

    @Override
    public void handle(OrderEvent event) {
        eventLog.publish(
                switch (event) {
                    case OrderPlaced placed ->
                        new BoardEvent(
                                null,
                                placed.merchantId(),
                                BoardEvent.PLACED,
                                placed.orderId(),
                                placed.number(),
                                OrderStatus.PLACED,
                                null,
                                clock.instant());
                    case OrderStatusChanged changed ->
                        new BoardEvent(
                                null,
                                changed.merchantId(),
                                BoardEvent.STATUS,
                                changed.orderId(),
                                changed.number(),
                                changed.to(),
                                changed.reason(),
                                changed.at());
                    case OrderNeedsAttention attention ->
                        new BoardEvent(
                                null,
                                attention.merchantId(),
                                BoardEvent.ATTENTION,
                                attention.orderId(),
                                attention.number(),
                                OrderStatus.PLACED,
                                null,
                                clock.instant());
                    case OrderAwaitingPayment awaiting ->
                        new BoardEvent(
                                null,
                                awaiting.merchantId(),
                                BoardEvent.STATUS,
                                awaiting.orderId(),
                                awaiting.number(),
                                OrderStatus.AWAITING_PAYMENT,
                                null,
                                awaiting.at());
                    case OrderPaymentUpdated payment ->
                        new BoardEvent(
                                null,
                                payment.merchantId(),
                                BoardEvent.STATUS,
                                payment.orderId(),
                                payment.number(),
                                payment.status(),
                                payment.note(),
                                payment.at());
                });
    }
}
