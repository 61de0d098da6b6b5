package io.tiffin.notification.internal;

import io.tiffin.dispatch.DeliveryCompleted;
import io.tiffin.merchant.Merchant;
import io.tiffin.platform.events.DurableEventHandler;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Thanks the customer once the driver handed the order over with their code. */
@Component
class DeliveryCompletedMessage implements DurableEventHandler<DeliveryCompleted> {

    private final DeliveryMessages messages;

    DeliveryCompletedMessage(DeliveryMessages messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "notification.delivery-completed";
    }

    @Override
    public Class<DeliveryCompleted> eventType() {
        return DeliveryCompleted.class;
    }

    @Override
    public void handle(DeliveryCompleted event) {
        Merchant merchant = messages.merchant(event.merchantId());
        if (merchant == null) {
            return;
        }
        messages.sendOnce(
                event.merchantId(),
                event.orderId(),
                event.channel(),
                event.customerId(),
                event.language(),
                "delivery_delivered",
                Map.of("merchant", merchant.name(), "number", event.orderNumber()));
    }
}
