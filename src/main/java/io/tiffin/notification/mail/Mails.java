package io.tiffin.notification.mail;

import java.time.Clock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Sends each email once per key, the way customer messages go: claimed in the {@code emails} collection
 * (the key is the {@code _id}), handed to the provider, then marked sent; a redelivered event finds it
 * sent, a claim left pending by a crash is sent again. Without a SendGrid key the collection is the
 * outbox: the email is stored with state {@code OUTBOX} and logged, and the admin reads it there.
 */
public class Mails {

    static final String COLLECTION = "emails";

    private static final Logger log = LoggerFactory.getLogger(Mails.class);

    private final Mailer mailer;
    private final MongoTemplate mongo;
    private final Clock clock;

    Mails(Mailer mailer, MongoTemplate mongo, Clock clock) {
        this.mailer = mailer;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Without a provider: emails stop in the outbox. */
    static Mails outboxOnly(MongoTemplate mongo, Clock clock) {
        return new Mails(null, mongo, clock);
    }

    public void sendOnce(Email email) throws Exception {
        Document claim = new Document("_id", email.key())
                .append("kind", email.kind())
                .append("to", email.to())
                .append("subject", email.subject())
                .append("text", email.text())
                .append("html", email.html())
                .append("state", mailer == null ? "OUTBOX" : "PENDING")
                .append("createdAt", java.util.Date.from(clock.instant()));
        try {
            mongo.insert(claim, COLLECTION);
        } catch (DuplicateKeyException claimed) {
            Document earlier = mongo.findById(email.key(), Document.class, COLLECTION);
            if (earlier == null || !"PENDING".equals(earlier.getString("state")) || mailer == null) {
                return;
            }
            log.info("Email {} was claimed but not recorded as sent; sending it again", email.key());
        }
        if (mailer == null) {
            log.info(
                    "Email to {} kept in the outbox (no SENDGRID_API_KEY): {}\n{}",
                    email.to(),
                    email.subject(),
                    email.text());
            return;
        }
        String messageId = mailer.send(email);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(email.key())),
                new Update().set("state", "SENT").set("messageId", messageId).set("sentAt", clock.instant()),
                COLLECTION);
    }
}
