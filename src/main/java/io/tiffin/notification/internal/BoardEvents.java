package io.tiffin.notification.internal;

import io.tiffin.ordering.OrderNeedsAttention;
import io.tiffin.ordering.OrderPlaced;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Turns ordering's events into board events for the merchant's tablets. */
@Component
class BoardEvents {

    private static final Logger log = LoggerFactory.getLogger(BoardEvents.class);

    private final BoardEventLog eventLog;
    private final Clock clock;

    BoardEvents(BoardEventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Async
    @EventListener
    void on(OrderPlaced event) {
        publish(new BoardEvent(null, event.merchantId(), BoardEvent.PLACED, event.orderId(), event.number(),
                OrderStatus.PLACED, null, clock.instant()));
    }

    @Async
    @EventListener
    void on(OrderStatusChanged event) {
        publish(new BoardEvent(null, event.merchantId(), BoardEvent.STATUS, event.orderId(), event.number(), event.to(),
                event.reason(), event.at()));
    }

    @Async
    @EventListener
    void on(OrderNeedsAttention event) {
        publish(new BoardEvent(null, event.merchantId(), BoardEvent.ATTENTION, event.orderId(), event.number(),
                OrderStatus.PLACED, null, clock.instant()));
    }

    private void publish(BoardEvent event) {
        try {
            eventLog.publish(event);
        } catch (RuntimeException e) {
            // boards also poll on reconnect, so a lost push costs a delay, not an order
            log.warn("could not publish board event for order {}: {}", event.orderId(), e.toString());
        }
    }
}
