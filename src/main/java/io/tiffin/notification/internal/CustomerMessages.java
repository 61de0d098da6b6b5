package io.tiffin.notification.internal;

import io.tiffin.channel.NotDeliverableException;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundSender;
import io.tiffin.channel.TemplateFallback;
import io.tiffin.merchant.Merchant;
import io.tiffin.ordering.Ordering;
import io.tiffin.platform.NotFoundException;
import io.tiffin.platform.store.StoreDurability;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bson.Document;
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
    // the provider's id of what was sent: a status webhook names it when delivery fails later
    static final String PROVIDER_MESSAGE_ID = "providerMessageId";
    // provider message id -> claim, keyed by _id so that every store finds it by index
    static final String SENT_IDS = "customer_update_ids";

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
    private final Ordering ordering;

    CustomerMessages(
            OutboundSender sender,
            MongoTemplate mongo,
            Clock clock,
            BoardEventLog board,
            StoreDurability durability,
            Ordering ordering) {
        this.durability = durability;
        this.ordering = ordering;
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
        String providerMessageId;
        try {
            providerMessageId = sender.sendTracked(message, fallback);
        } catch (NotDeliverableException e) {
            recordUndeliverable(claim, message, orderNumber, e.getMessage());
            return;
        }
        markDelivered(claim, message, providerMessageId);
    }

    /**
     * The provider took a message and reported later that it failed (a WhatsApp status webhook, e.g.
     * 131047 when the 24-hour window had closed by the time it tried): found by the provider's id,
     * recorded as not delivered, noted on its order and shown on the board. A status for a message
     * that is not an update of ours (a reply in the conversation) or seen before changes nothing.
     *
     * @return whether this call recorded the failure
     */
    boolean failedLater(String merchantId, String providerMessageId, String reason) {
        Document link = mongo.findById(providerMessageId, Document.class, SENT_IDS);
        Document sent = link == null ? null : mongo.findById(link.getString("claim"), Document.class, COLLECTION);
        if (sent == null || !merchantId.equals(sent.getString("merchantId"))) {
            log.info(
                    "A failed delivery status names {}, which is no customer update of merchant {}",
                    providerMessageId,
                    merchantId);
            return false;
        }
        if (sent.get("undeliverable") != null) {
            return false;
        }
        String id = sent.getString("_id");
        String orderId = orderId(id);
        // the order first: noting it twice changes nothing, so a crash before the claim is marked only repeats it
        String number = notedOnOrder(merchantId, orderId, reason);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .set("undeliverable", reason)
                        .set("delivered", false)
                        .set("failedAt", clock.instant()),
                COLLECTION);
        log.warn("Customer message {} ({}) was not delivered: {}", id, providerMessageId, reason);
        if (number != null) {
            board.publish(new BoardEvent(
                    null,
                    merchantId,
                    BoardEvent.UNDELIVERABLE,
                    orderId,
                    number,
                    null,
                    "Not delivered on " + sent.getString("channel") + ": " + reason,
                    clock.instant()));
        }
        return true;
    }

    /** An update known beforehand not to be deliverable: recorded and shown, not sent. */
    void undeliverable(Claim claim, OutboundMessage message, String orderNumber, String reason) {
        if (claimed(claim)) {
            recordUndeliverable(claim, message, orderNumber, reason);
        }
    }

    private void recordUndeliverable(Claim claim, OutboundMessage message, String orderNumber, String reason) {
        log.warn("Customer message {} cannot be delivered: {}", claim.id(), reason);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(claim.id())),
                new Update().set("undeliverable", reason).set("at", clock.instant()),
                COLLECTION);
        if (orderNumber != null) {
            notedOnOrder(message.merchantId(), orderId(claim), reason);
            board.publish(new BoardEvent(
                    null,
                    message.merchantId(),
                    BoardEvent.UNDELIVERABLE,
                    orderId(claim),
                    orderNumber,
                    null,
                    "Not sent on " + message.channel() + ": " + reason,
                    clock.instant()));
        }
    }

    private boolean claimed(Claim claim) {
        try {
            mongo.insert(claim, COLLECTION);
        } catch (DuplicateKeyException claimedBefore) {
            Document earlier = mongo.findById(claim.id(), Document.class, COLLECTION);
            if (earlier == null
                    || Boolean.TRUE.equals(earlier.getBoolean("delivered"))
                    || earlier.get("undeliverable") != null) {
                return false;
            }
            log.info("Customer message {} was claimed but not recorded as sent; sending it again", claim.id());
        }
        return true;
    }

    /** Kept on the order, so the board still shows it after a reload; the order number, null without an order. */
    private String notedOnOrder(String merchantId, String orderId, String reason) {
        try {
            return ordering.noteCustomerNotTold(merchantId, orderId, reason).number();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void markDelivered(Claim claim, OutboundMessage message, String providerMessageId) {
        Update delivered = new Update()
                .set("delivered", true)
                .set("at", clock.instant())
                .set("merchantId", message.merchantId())
                .set("channel", message.channel().name());
        if (providerMessageId != null) {
            delivered.set(PROVIDER_MESSAGE_ID, providerMessageId);
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(providerMessageId)),
                    new Update().set("claim", claim.id()).set("at", clock.instant()),
                    SENT_IDS);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())), delivered, COLLECTION);
        // on the embedded store a write reaches the disk within a second; a crash in that second would
        // send this again, so the record is made durable now: only a send in flight can repeat
        durability.flush();
    }

    private static String orderId(Claim claim) {
        return orderId(claim.id());
    }

    private static String orderId(String claimId) {
        int colon = claimId.indexOf(':');
        return colon < 0 ? claimId : claimId.substring(0, colon);
    }

    /** A time as the customer reads it: on the kitchen's clock. */
    static String time(Instant at, Merchant merchant) {
        ZoneId zone = ZoneId.of(merchant.timezone() == null ? "UTC" : merchant.timezone());
        return TIME.format(at.atZone(zone));
    }
}
