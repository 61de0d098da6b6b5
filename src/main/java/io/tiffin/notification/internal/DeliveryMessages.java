package io.tiffin.notification.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundSender;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.text.Templates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The customer's delivery messages (driver assigned with code and tracking link; delivered), each
 * claimed once per order in {@code customer_updates} like the order updates, so a redelivered event
 * or a second instance never sends it twice.
 */
@Component
class DeliveryMessages {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMessages.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    record SentDeliveryMessage(String id, String orderId, String merchantId, String template, String text, Instant at,
            boolean delivered) {
    }

    private final OutboundSender sender;
    private final MerchantDirectory merchants;
    private final Templates templates;
    private final MongoTemplate mongo;
    private final Clock clock;

    DeliveryMessages(OutboundSender sender, MerchantDirectory merchants, Templates templates, MongoTemplate mongo, Clock clock) {
        this.sender = sender;
        this.merchants = merchants;
        this.templates = templates;
        this.mongo = mongo;
        this.clock = clock;
    }

    Merchant merchant(String merchantId) {
        return merchants.byId(merchantId).orElse(null);
    }

    String time(Instant at, Merchant merchant) {
        ZoneId zone = ZoneId.of(merchant.timezone() == null ? "UTC" : merchant.timezone());
        return TIME.format(at.atZone(zone));
    }

    /** Renders and sends the template once per (order, template); a claim already made means it was sent. */
    void sendOnce(String merchantId, String orderId, String channel, String customerId, String language, String template,
            Map<String, Object> model) {
        if (customerId == null || channel == null) {
            return;
        }
        String text = templates.render(language, template, model);
        String id = orderId + ":" + template;
        try {
            mongo.insert(new SentDeliveryMessage(id, orderId, merchantId, template, text, clock.instant(), false),
                    "customer_updates");
        } catch (DuplicateKeyException alreadySent) {
            return;
        }
        try {
            sender.send(OutboundMessage.text(Channel.valueOf(channel), merchantId, customerId, text));
            mongo.save(new SentDeliveryMessage(id, orderId, merchantId, template, text, clock.instant(), true),
                    "customer_updates");
        } catch (RuntimeException e) {
            // the claim stays, undelivered and visible: sending again risks a double message
            log.warn("could not send {} for order {}: {}", template, orderId, e.toString());
        }
    }
}
