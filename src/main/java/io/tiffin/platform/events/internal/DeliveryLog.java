package io.tiffin.platform.events.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteError;
import io.tiffin.platform.events.internal.Delivery.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code event_deliveries} collection: claims, outcomes and dead letters of deliveries. */
@Component
class DeliveryLog {

    /** What a worker may do with one (entry, handler) delivery. */
    sealed interface Claim {
        /** Run the handler; this is try number {@code attempt}. */
        record Mine(int attempt) implements Claim {}

        /** Done or dead: nothing left to do. */
        record Settled(State state) implements Claim {}

        /** Waiting for a retry, or in another worker's hands, until {@code until}. */
        record Busy(Instant until) implements Claim {}
    }

    private final MongoTemplate mongo;

    DeliveryLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Claim claim(
            String entryId,
            String handler,
            String collection,
            Object documentId,
            String eventType,
            Instant now,
            Duration lease) {
        String id = Delivery.key(entryId, handler);
        try {
            mongo.insert(
                    fresh(new Wanted(entryId, handler, documentId, eventType), collection, now, lease),
                    Delivery.COLLECTION);
            return new Claim.Mine(1);
        } catch (DuplicateKeyException seenBefore) {
            // fall through: due for a retry, or a crashed worker's lease has run out
        }
        return claimSeen(id, now, lease);
    }

    /** One delivery a pass wants to start: this entry to this handler. */
    record Wanted(String entryId, String handler, Object documentId, String eventType) {
        String id() {
            return Delivery.key(entryId, handler);
        }
    }

    /**
     * Starts every delivery never tried before in one unordered insert: the same unique ids as
     * {@link #claim} inserts one by one, so two workers still cannot both start one.
     *
     * @return the ids now claimed as first attempts; the others were seen before and go through {@link #claimSeen}
     */
    Set<String> claimNew(String collection, List<Wanted> wanted, Instant now, Duration lease) {
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<Delivery> rows =
                wanted.stream().map(w -> fresh(w, collection, now, lease)).toList();
        Set<String> claimed = new HashSet<>();
        rows.forEach(row -> claimed.add(row.id()));
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class, Delivery.COLLECTION)
                    .insert(rows)
                    .execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                claimed.remove(rows.get(error.getIndex()).id());
            }
        }
        return claimed;
    }

    private static Delivery fresh(Wanted wanted, String collection, Instant now, Duration lease) {
        return new Delivery(
                wanted.id(),
                wanted.entryId(),
                wanted.handler(),
                collection,
                wanted.documentId(),
                wanted.eventType(),
                State.IN_FLIGHT,
                1,
                null,
                null,
                now.plus(lease),
                now,
                now,
                null);
    }

    /** Claims a delivery that is already in the log: due for a retry, or a crashed worker's lease has run out. */
    Claim claimSeen(String id, Instant now, Duration lease) {
        Query due = query(where("_id")
                .is(id)
                .orOperator(
                        where("state").is(State.RETRYING).and("nextAttemptAt").lte(now),
                        where("state").is(State.IN_FLIGHT).and("leaseUntil").lte(now)));
        Update take = new Update()
                .set("state", State.IN_FLIGHT)
                .set("leaseUntil", now.plus(lease))
                .set("updatedAt", now)
                .inc("attempts", 1);
        Delivery taken = mongo.findAndModify(
                due, take, FindAndModifyOptions.options().returnNew(true), Delivery.class, Delivery.COLLECTION);
        if (taken != null) {
            return new Claim.Mine(taken.attempts());
        }
        Delivery current = mongo.findById(id, Delivery.class, Delivery.COLLECTION);
        if (current == null) {
            return new Claim.Busy(now); // purged in between: look again
        }
        return switch (current.state()) {
            case DONE, DEAD -> new Claim.Settled(current.state());
            case RETRYING -> new Claim.Busy(current.nextAttemptAt());
            case IN_FLIGHT -> new Claim.Busy(current.leaseUntil());
        };
    }

    void done(String id, Instant now) {
        mongo.updateFirst(query(where("_id").is(id)), doneAt(now), Delivery.COLLECTION);
    }

    /** Records deliveries as done, in one write (queried by id alone, so the store's id index finds them). */
    void doneAll(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        // the filter and update Spring Data renders from doneAt, written as plain documents: its query and update
        // mapping cost more than the write here (delivery ids are keys, never ObjectIds)
        mongo.getCollection(Delivery.COLLECTION)
                .updateMany(
                        new Document("_id", new Document("$in", List.copyOf(ids))),
                        new Document(
                                        "$set",
                                        new Document("state", State.DONE.name()).append("updatedAt", Date.from(now)))
                                .append(
                                        "$unset",
                                        new Document("leaseUntil", 1)
                                                .append("nextAttemptAt", 1)
                                                .append("lastError", 1)));
    }

    private static Update doneAt(Instant now) {
        return new Update()
                .set("state", State.DONE)
                .set("updatedAt", now)
                .unset("leaseUntil")
                .unset("nextAttemptAt")
                .unset("lastError");
    }

    /**
     * Hands back first attempts claimed by {@link #claimNew} and then not started (an earlier entry
     * of their document still waits for the same handler): the next pass claims them afresh.
     */
    void release(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        // by id alone (the store's id index finds them): nobody else takes a claim of this pass before its lease ends
        mongo.remove(query(where("_id").in(ids)), Delivery.COLLECTION);
    }

    void retrying(String id, String error, Instant nextAttemptAt, Instant now) {
        mongo.updateFirst(
                query(where("_id").is(id)),
                new Update()
                        .set("state", State.RETRYING)
                        .set("lastError", error)
                        .set("nextAttemptAt", nextAttemptAt)
                        .set("updatedAt", now)
                        .unset("leaseUntil"),
                Delivery.COLLECTION);
    }

    void dead(String id, String error, Document entry, Instant now) {
        // written through the driver: the entry stays exactly as its document held it, ready to be put back
        mongo.getCollection(Delivery.COLLECTION)
                .updateOne(
                        new Document("_id", id),
                        new Document(
                                        "$set",
                                        new Document("state", State.DEAD.name())
                                                .append("lastError", error)
                                                .append("updatedAt", java.util.Date.from(now))
                                                .append("entry", entry))
                                .append("$unset", new Document("leaseUntil", "").append("nextAttemptAt", "")));
    }

    /** The entry a dead delivery kept, as it was stored; null when the delivery is not dead. */
    DeadLetter deadLetter(String id) {
        Document row = mongo.getCollection(Delivery.COLLECTION)
                .find(new Document("_id", id))
                .first();
        if (row == null
                || !State.DEAD.name().equals(row.getString("state"))
                || !(row.get("entry") instanceof Document entry)) {
            return null;
        }
        return new DeadLetter(id, row.getString("handler"), row.getString("collection"), row.get("documentId"), entry);
    }

    record DeadLetter(String id, String handler, String collection, Object documentId, Document entry) {}

    /** Puts a dead delivery back in line with fresh attempts; false when it was not dead (any more). */
    boolean revive(String id, Instant now) {
        return mongo.updateFirst(
                                query(where("_id").is(id).and("state").is(State.DEAD)),
                                new Update()
                                        .set("state", State.RETRYING)
                                        .set("attempts", 0)
                                        .set("nextAttemptAt", now)
                                        .set("updatedAt", now)
                                        .unset("entry"),
                                Delivery.COLLECTION)
                        .getModifiedCount()
                == 1;
    }

    /** Undoes {@link #revive} when the entry could not be put back. */
    void bury(String id, Document entry, Instant now) {
        dead(id, "redrive failed: its document is gone", entry, now);
    }

    List<Delivery> inState(State state, int limit) {
        return mongo.find(
                query(where("state").is(state))
                        .with(Sort.by(Sort.Direction.DESC, "updatedAt"))
                        .limit(limit),
                Delivery.class,
                Delivery.COLLECTION);
    }

    Delivery find(String id) {
        return mongo.findById(id, Delivery.class, Delivery.COLLECTION);
    }

    long purgeDone(Instant before) {
        return mongo.remove(
                        query(Criteria.where("state")
                                .is(State.DONE)
                                .and("updatedAt")
                                .lt(before)),
                        Delivery.COLLECTION)
                .getDeletedCount();
    }
}
