package io.tiffin.notification.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.text.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer's delivery messages (driver assigned with code and tracking link; delivered), each
 * sent once per (order, template) through {@link CustomerMessages} like the order updates.
 */
@Component
class DeliveryMessages {

    record SentDeliveryMessage(
            String id, String orderId, String merchantId, String template, String text, Instant at, boolean delivered)
            implements CustomerMessages.Claim {}

    private final CustomerMessages messages;
    private final MerchantDirectory merchants;
    private final Templates templates;
    private final Clock clock;

    DeliveryMessages(CustomerMessages messages, MerchantDirectory merchants, Templates templates, Clock clock) {
        this.messages = messages;
        this.merchants = merchants;
        this.templates = templates;
        this.clock = clock;
    }

    Merchant merchant(String merchantId) {
        return merchants.byId(merchantId).orElse(null);
    }

    /** Renders and sends the template once per (order, template). */
    void sendOnce(
            String merchantId,
            String orderId,
            String channel,
            String customerId,
            String language,
            String template,
            Map<String, Object> model) {
        if (customerId == null || channel == null) {
            return;
        }
        String text = templates.render(language, template, model);
        messages.sendOnce(
                new SentDeliveryMessage(
                        orderId + ":" + template, orderId, merchantId, template, text, clock.instant(), false),
                OutboundMessage.text(Channel.valueOf(channel), merchantId, customerId, text));
    }
}
