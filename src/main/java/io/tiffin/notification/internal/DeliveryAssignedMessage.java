package io.tiffin.notification.internal;

import io.tiffin.dispatch.DeliveryAssigned;
import io.tiffin.merchant.Merchant;
import io.tiffin.platform.events.DurableEventHandler;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tells the customer who brings the order, when, where to follow it, and the code to give at the door. */
@Component
class DeliveryAssignedMessage implements DurableEventHandler<DeliveryAssigned> {

    private final DeliveryMessages messages;
    private final String publicUrl;

    DeliveryAssignedMessage(
            DeliveryMessages messages, @Value("${tiffin.public-url:http://localhost:8080}") String publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public String name() {
        return "notification.delivery-assigned";
    }

    @Override
    public Class<DeliveryAssigned> eventType() {
        return DeliveryAssigned.class;
    }

    @Override
    public void handle(DeliveryAssigned event) {
        Merchant merchant = messages.merchant(event.merchantId());
        if (merchant == null) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("merchant", merchant.name());
        model.put("number", event.orderNumber());
        model.put("driver", event.driverName());
        model.put("etaTime", event.eta() == null ? "" : CustomerMessages.time(event.eta(), merchant));
        model.put("trackingUrl", publicUrl + "/t/" + event.trackingToken());
        model.put("code", event.code() == null ? "" : event.code());
        messages.sendOnce(
                event.merchantId(),
                event.orderId(),
                event.channel(),
                event.customerId(),
                event.language(),
                "delivery_assigned",
                model);
    }
}
