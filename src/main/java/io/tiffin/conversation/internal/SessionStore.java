package io.tiffin.conversation.internal;

import com.mongodb.client.model.Projections;
import io.tiffin.platform.events.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Reads and saves sessions on the path that answers every message, mapped by hand ({@link
 * Session#toDocument}) rather than through the repository's reflection, with the same optimistic
 * version check. A session is read without its outbox, and its save appends the events added since to
 * the stored ones rather than writing the list whole, so an entry the event relay removed meanwhile is
 * not put back. The stored shape is the repository's, so {@link Sessions} reads what this saves.
 */
@Component
class SessionStore {

    static final String COLLECTION = "sessions";
    private static final Bson WITHOUT_OUTBOX = Projections.exclude("outbox");

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    SessionStore(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    Optional<Session> find(String merchantId, String channel, String customerId) {
        // a plain document, not Filters.and (which renders $and): the embedded store then finds it by its unique index
        Document conversation = new Document("merchantId", merchantId)
                .append("channel", channel)
                .append("customerId", customerId);
        Document found = mongo.execute(
                COLLECTION,
                sessions ->
                        sessions.find(conversation).projection(WITHOUT_OUTBOX).first());
        return Optional.ofNullable(found).map(Session::fromDocument);
    }

    /**
     * Inserts a new session, or updates a stored one unless it changed since it was read.
     *
     * @throws OptimisticLockingFailureException when it did (the message is then handled again)
     */
    Session save(Session session) {
        List<Document> added = new ArrayList<>();
        for (OutboxEntry entry : session.newEvents()) {
            added.add(SessionDocuments.outboxEntry(entry));
        }
        Document document = session.toDocument();
        Object id;
        long version;
        if (session.id() == null) {
            id = new ObjectId();
            version = 0;
            document.put("_id", id);
            document.put("version", version);
            document.put("outbox", added);
            mongo.execute(COLLECTION, sessions -> sessions.insertOne(document));
        } else {
            id = SessionDocuments.storedId(session.id());
            long read = session.version() == null ? 0 : session.version();
            version = read + 1;
            document.put("version", version);
            Document set = new Document(document);
            Document unset = new Document();
            for (String field : Session.NULLABLE) {
                if (!document.containsKey(field)) {
                    unset.put(field, "");
                }
            }
            Document update = new Document("$set", set);
            if (!unset.isEmpty()) {
                update.put("$unset", unset);
            }
            if (!added.isEmpty()) {
                update.put("$push", new Document("outbox", new Document("$each", added)));
            }
            Document unchanged = new Document("_id", id).append("version", read);
            long matched = mongo.execute(
                    COLLECTION,
                    sessions -> sessions.updateOne(unchanged, update).getMatchedCount());
            if (matched == 0) {
                throw new OptimisticLockingFailureException(
                        "Session " + session.id() + " changed since version " + read + " was read");
            }
        }
        session.stored(id instanceof ObjectId oid ? oid.toHexString() : id.toString(), version);
        if (!added.isEmpty()) {
            // wakes the event relay, as the repository's save did
            events.publishEvent(
                    new AfterSaveEvent<>(session, new Document("_id", id).append("outbox", added), COLLECTION));
        }
        return session;
    }
}
