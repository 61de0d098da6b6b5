package io.tiffin.payment.internal;

import java.time.Clock;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Razorpay's event ids already handled ({@code razorpay_events}, the id is the {@code _id}). An event
 * is recorded after it was applied, so a crash in between makes Razorpay's redelivery apply it again,
 * which the payment's own rules make harmless; a replay of a recorded event changes nothing at all.
 */
@Component
class WebhookEvents {

    static final String COLLECTION = "razorpay_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    WebhookEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    boolean seen(String eventId) {
        return mongo.findById(eventId, Document.class, COLLECTION) != null;
    }

    void record(String eventId, String type, String outcome) {
        try {
            mongo.insert(
                    new Document("_id", eventId)
                            .append("event", type)
                            .append("outcome", outcome)
                            .append("at", java.util.Date.from(clock.instant())),
                    COLLECTION);
        } catch (DuplicateKeyException concurrent) {
            // the same event, delivered twice at once: both applied the same decision
        }
    }
}
