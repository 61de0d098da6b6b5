package io.tiffin.notification.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.NotDeliverableException;
import io.tiffin.channel.OutboundSender;
import io.tiffin.channel.TemplateFallback;
import io.tiffin.merchant.Merchant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bson.Document;
import io.tiffin.platform.store.StoreDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends each customer message once per key. The message is claimed in the {@code customer_updates}
 * collection first (its {@code _id} is the key, unique on every MongoDB) and marked delivered once the
 * provider took it, so a redelivered event finds it sent and stays quiet. A claim still pending means a
 * crash hit the send, and it is sent again: no provider here takes an idempotency key, so a repeat is
 * possible only then. A send that fails is thrown back for the relay to retry.
 */
@Component
class CustomerMessages {

    static final String COLLECTION = "customer_updates";

    private static final Logger log = LoggerFactory.getLogger(CustomerMessages.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    /** The stored claim for one message, inserted not yet delivered; kept as a record of what was sent. */
    interface Claim {
        String id();
    }

    private final OutboundSender sender;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final BoardEventLog board;
    private final StoreDurability durability;

    CustomerMessages(OutboundSender sender, MongoTemplate mongo, Clock clock, BoardEventLog board,
            StoreDurability durability) {
        this.durability = durability;
        this.sender = sender;
        this.mongo = mongo;
        this.clock = clock;
        this.board = board;
    }

    void sendOnce(Claim claim, OutboundMessage message) {
        sendOnce(claim, message, null, null);
    }

    /**
     * Sends an update that may fall outside the provider's service window: then the template goes
     * instead, and without one the update is recorded as not deliverable and the board is told, since
     * retrying cannot help and the merchant may want to call.
     */
    void sendOnce(Claim claim, OutboundMessage message, TemplateFallback fallback, String orderNumber) {
        if (!claimed(claim)) {
            return;
        }
        try {
            sender.send(message, fallback);
        } catch (NotDeliverableException e) {
            recordUndeliverable(claim, message, orderNumber, e.getMessage());
            return;
        }
        markDelivered(claim);
    }

    /** An update known beforehand not to be deliverable: recorded and shown, not sent. */
    void undeliverable(Claim claim, OutboundMessage message, String orderNumber, String reason) {
        if (claimed(claim)) {
            recordUndeliverable(claim, message, orderNumber, reason);
        }
    }

    private void recordUndeliverable(Claim claim, OutboundMessage message, String orderNumber, String reason) {
        log.warn("Customer message {} cannot be delivered: {}", claim.id(), reason);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())),
                new Update().set("undeliverable", reason).set("at", clock.instant()), COLLECTION);
        if (orderNumber != null) {
            board.publish(new BoardEvent(null, message.merchantId(), BoardEvent.UNDELIVERABLE, orderId(claim),
                    orderNumber, null, "Not sent on " + message.channel() + ": " + reason, clock.instant()));
        }
    }

    private boolean claimed(Claim claim) {
        try {
            mongo.insert(claim, COLLECTION);
        } catch (DuplicateKeyException claimedBefore) {
            Document earlier = mongo.findById(claim.id(), Document.class, COLLECTION);
            if (earlier == null || Boolean.TRUE.equals(earlier.getBoolean("delivered")) || earlier.get("undeliverable") != null) {
                return false;
            }
            log.info("Customer message {} was claimed but not recorded as sent; sending it again", claim.id());
        }
        return true;
    }

    private void markDelivered(Claim claim) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())),
                new Update().set("delivered", true).set("at", clock.instant()), COLLECTION);
        // on the embedded store a write reaches the disk within a second; a crash in that second would
        // send this again, so the record is made durable now: only a send in flight can repeat
        durability.flush();
    }

    private static String orderId(Claim claim) {
        int colon = claim.id().indexOf(':');
        return colon < 0 ? claim.id() : claim.id().substring(0, colon);
    }

    /** A time as the customer reads it: on the kitchen's clock. */
    static String time(Instant at, Merchant merchant) {
        ZoneId zone = ZoneId.of(merchant.timezone() == null ? "UTC" : merchant.timezone());
        return TIME.format(at.atZone(zone));
    }
}
