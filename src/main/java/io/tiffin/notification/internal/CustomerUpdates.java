package io.tiffin.notification.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundSender;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.text.Templates;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Tells the customer, on the channel they ordered from, when the kitchen accepts (with the ready
 * time), rejects or cancels (with the reason), has the food ready and hands it over, in the language
 * the customer ordered in (English where a translation lacks the update). Events come from the
 * order's outbox, at least once. Each (order, status) is claimed in the {@code customer_updates}
 * collection first (its {@code _id} is the key, unique on every MongoDB) and marked delivered once the
 * provider took it, so a redelivered event finds it sent and stays quiet. A claim still pending means a
 * crash hit the send, and it is sent again: no provider here takes an idempotency key, so a repeat is
 * possible only then. A send that fails is thrown back for the relay to retry.
 */
@Component
class CustomerUpdates implements DurableEventHandler<OrderStatusChanged> {

    static final String NAME = "notification.customer-updates";
    static final String COLLECTION = "customer_updates";

    private static final Logger log = LoggerFactory.getLogger(CustomerUpdates.class);
    private static final Map<OrderStatus, String> TEMPLATES = Map.of(
            OrderStatus.ACCEPTED, "order_accepted",
            OrderStatus.REJECTED, "order_rejected",
            OrderStatus.CANCELLED, "order_cancelled",
            OrderStatus.READY, "order_ready",
            OrderStatus.PICKED_UP, "order_picked_up");
    // the platform's own rejection of an order nobody accepted: no kitchen's words to pass on
    private static final String NOT_ACCEPTED = "order_not_accepted";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    /** The claim for one update; kept as a record of what was sent. */
    record SentUpdate(String id, String orderId, String merchantId, OrderStatus status, String text, java.time.Instant at,
            boolean delivered) {
    }

    private final OutboundSender sender;
    private final MerchantDirectory merchants;
    private final Templates templates;
    private final MongoTemplate mongo;
    private final Clock clock;

    CustomerUpdates(OutboundSender sender, MerchantDirectory merchants, Templates templates, MongoTemplate mongo, Clock clock) {
        this.sender = sender;
        this.merchants = merchants;
        this.templates = templates;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OrderStatusChanged> eventType() {
        return OrderStatusChanged.class;
    }

    @Override
    public void handle(OrderStatusChanged event) {
        String key = event.automatic() && event.to() == OrderStatus.REJECTED ? NOT_ACCEPTED : TEMPLATES.get(event.to());
        if (key == null || event.customerId() == null || event.channel() == null) {
            return;
        }
        Merchant merchant = merchants.byId(event.merchantId()).orElse(null);
        if (merchant == null) {
            return;
        }
        String text = templates.render(event.language(), key, model(event, merchant));
        String id = event.orderId() + ":" + event.to();
        try {
            mongo.insert(new SentUpdate(id, event.orderId(), event.merchantId(), event.to(), text, clock.instant(), false),
                    COLLECTION);
        } catch (DuplicateKeyException claimed) {
            SentUpdate earlier = mongo.findById(id, SentUpdate.class, COLLECTION);
            if (earlier == null || earlier.delivered()) {
                return;
            }
            log.info("Update {} of order {} was claimed but not recorded as sent; sending it again", event.to(), event.orderId());
        }
        sender.send(OutboundMessage.text(Channel.valueOf(event.channel()), event.merchantId(), event.customerId(), text));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("delivered", true).set("at", clock.instant()), COLLECTION);
    }

    private static Map<String, Object> model(OrderStatusChanged event, Merchant merchant) {
        Map<String, Object> model = new HashMap<>();
        model.put("merchant", merchant.name());
        model.put("number", event.number());
        model.put("reason", event.reason() == null ? "" : event.reason());
        if (event.readyAt() != null) {
            ZoneId zone = ZoneId.of(merchant.timezone() == null ? "UTC" : merchant.timezone());
            model.put("readyTime", TIME.format(event.readyAt().atZone(zone)));
            model.put("prepMinutes", Math.max(0, java.time.Duration.between(event.at(), event.readyAt()).toMinutes()));
        }
        model.put("delivery", !event.pickup());
        model.put("pickup", event.pickup());
        return model;
    }
}
