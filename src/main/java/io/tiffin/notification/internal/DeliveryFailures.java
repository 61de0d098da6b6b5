package io.tiffin.notification.internal;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.DeliveryStatus;
import io.tiffin.intake.InboundStatusHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Provider statuses that say a message of ours failed after the provider took it: WhatsApp answers a
 * send with an id and reports {@code failed} later, e.g. 131047 when the 24-hour window had closed
 * meanwhile. The update it belonged to is then recorded as not delivered, like a refusal at send time.
 */
@Component
class DeliveryFailures implements InboundStatusHandler {

    /** Meta's "re-engagement message": more than 24 hours since the customer last wrote. */
    static final String OUTSIDE_WINDOW = "131047";

    private final CustomerMessages messages;

    DeliveryFailures(CustomerMessages messages) {
        this.messages = messages;
    }

    @Override
    public void handle(InboundMessage message) {
        DeliveryStatus status = message.status();
        if (status == null
                || !"failed".equals(status.status())
                || status.messageId() == null
                || message.merchantId() == null) {
            return;
        }
        messages.failedLater(
                message.merchantId(),
                status.messageId(),
                reason(message.channel().name(), status.errors()));
    }

    /** "131047: Re-engagement message" from the mapper becomes words a kitchen can act on. */
    static String reason(String channel, List<String> errors) {
        if (errors.stream().anyMatch(e -> e.equals(OUTSIDE_WINDOW) || e.startsWith(OUTSIDE_WINDOW + ":"))) {
            return "more than 24 hours since the customer last wrote (" + OUTSIDE_WINDOW + ")";
        }
        String detail = errors.isEmpty() ? "no reason given" : String.join("; ", errors);
        String reason = channel + " could not deliver it: " + detail;
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }
}
