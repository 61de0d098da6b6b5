package io.tiffin.notification.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundSender;
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
    private final StoreDurability durability;

    CustomerMessages(OutboundSender sender, MongoTemplate mongo, Clock clock, StoreDurability durability) {
        this.durability = durability;
        this.sender = sender;
        this.mongo = mongo;
        this.clock = clock;
    }

    void sendOnce(Claim claim, OutboundMessage message) {
        try {
            mongo.insert(claim, COLLECTION);
        } catch (DuplicateKeyException claimed) {
            Document earlier = mongo.findById(claim.id(), Document.class, COLLECTION);
            if (earlier == null || Boolean.TRUE.equals(earlier.getBoolean("delivered"))) {
                return;
            }
            log.info("Customer message {} was claimed but not recorded as sent; sending it again", claim.id());
        }
        sender.send(message);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())),
                new Update().set("delivered", true).set("at", clock.instant()), COLLECTION);
        // on the embedded store a write reaches the disk within a second; a crash in that second would
        // send this again, so the record is made durable now: only a send in flight can repeat
        durability.flush();
    }

    /** A time as the customer reads it: on the kitchen's clock. */
    static String time(Instant at, Merchant merchant) {
        ZoneId zone = ZoneId.of(merchant.timezone() == null ? "UTC" : merchant.timezone());
        return TIME.format(at.atZone(zone));
    }
}
