package io.tiffin.notification.internal;

import io.tiffin.dispatch.DeliveryUpdated;
import io.tiffin.dispatch.DeliveryUpdated.Change;
import io.tiffin.platform.events.DurableEventHandler;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A delivery changed: the merchant's boards hear {@code delivery.<change>} (e.g. {@code delivery.locked}
 * after five wrong codes, {@code delivery.failed}) and fetch the deliveries; the drivers concerned hear
 * {@code assigned} or {@code route}. Pushes are best effort (screens reload on reconnect), so a
 * failed push is logged, not retried.
 */
@Component
class DeliveryBoardUpdates implements DurableEventHandler<DeliveryUpdated> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryBoardUpdates.class);

    private final BoardEventLog boardLog;
    private final DriverConnections drivers;

    DeliveryBoardUpdates(BoardEventLog boardLog, DriverConnections drivers) {
        this.boardLog = boardLog;
        this.drivers = drivers;
    }

    @Override
    public String name() {
        return "notification.delivery-updates";
    }

    @Override
    public Class<DeliveryUpdated> eventType() {
        return DeliveryUpdated.class;
    }

    @Override
    public void handle(DeliveryUpdated event) {
        try {
            boardLog.publish(new BoardEvent(
                    null,
                    event.merchantId(),
                    "delivery." + event.change().name().toLowerCase(Locale.ROOT),
                    event.orderId(),
                    event.orderNumber(),
                    null,
                    event.status(),
                    event.at()));
        } catch (RuntimeException e) {
            log.warn("could not publish delivery event for order {}: {}", event.orderId(), e.toString());
        }
        if (event.driverId() != null && event.change() != Change.STOP) {
            String type = event.change() == Change.ASSIGNED ? DriverPush.ASSIGNED : DriverPush.ROUTE;
            drivers.publish(new DriverPush(
                    event.driverId(),
                    type,
                    event.deliveryId(),
                    event.orderNumber(),
                    event.change().name(),
                    event.at()));
        }
        if (event.previousDriverId() != null && !Objects.equals(event.previousDriverId(), event.driverId())) {
            drivers.publish(new DriverPush(
                    event.previousDriverId(),
                    DriverPush.ROUTE,
                    event.deliveryId(),
                    event.orderNumber(),
                    event.change().name(),
                    event.at()));
        }
    }
}
