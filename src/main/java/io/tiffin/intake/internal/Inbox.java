package io.tiffin.intake.internal;

import com.mongodb.client.result.UpdateResult;
import io.tiffin.channel.InboundMessage;
import io.tiffin.intake.internal.InboxEntry.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The inbox collection. Each state change is one atomic single-document update. */
@Component
class Inbox {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String collection;

    Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = mongo.getCollectionName(InboxEntry.class);
    }

    /** Stores a message unless the same provider message is already stored. */
    Optional<InboxEntry> insert(InboundMessage message) {
        try {
            return Optional.of(mongo.insert(new InboxEntry(message, clock.instant())));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** Takes a message for processing unless it is finished or someone else's lease on it is still running. */
    Optional<InboxEntry> claim(String id, Duration lease) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where("state").is(State.RECEIVED),
                        Criteria.where("state")
                                .is(State.PROCESSING)
                                .and("leaseUntil")
                                .lt(now)));
        Update update = new Update()
                .set("state", State.PROCESSING)
                .set("leaseUntil", now.plus(lease))
                .inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), InboxEntry.class));
    }

    /**
     * Extends a claim that is still the holder's to {@code until}. The lease it holds is its token: a
     * takeover happens only once that lease has run out and writes a later one, so a stored lease the
     * holder wrote means nobody else claimed the message. {@code held}: the leases the holder may have
     * written (the last it knows of, and any whose write went unanswered).
     *
     * @return false when the claim is no longer the holder's
     */
    boolean renew(String id, List<Instant> held, Instant until) {
        return extend(id, held, until, new Update());
    }

    /**
     * A failed attempt of a claim still the holder's: the attempt about to start recorded, with the
     * error, and the lease extended. Set rather than counted up: a message stored already claimed
     * (see {@link InboxEntry#claimedAtInsert}) has its first attempt counted only in hand.
     */
    boolean retrying(String id, List<Instant> held, String error, int attempt, Instant until) {
        return extend(id, held, until, new Update().set("attempts", attempt).set("lastError", error));
    }

    private boolean extend(String id, List<Instant> held, Instant until, Update update) {
        UpdateResult result = mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("state")
                        .is(State.PROCESSING)
                        .and("leaseUntil")
                        .in(held)),
                update.set("leaseUntil", until),
                InboxEntry.class);
        return result.getMatchedCount() == 1;
    }

    void done(String id) {
        finish(id, State.DONE, new Update());
    }

    /** Marks handled messages done, in one write (queried by id alone, so the store's id index finds them). */
    void doneAll(List<String> ids) {
        // the filter and update Spring Data renders for {_id: {$in: ids}}, set state and finishedAt, unset
        // leaseUntil, written as plain documents: its query and update mapping cost more than the write here
        mongo.getCollection(collection)
                .updateMany(
                        new Document(
                                "_id",
                                new Document(
                                        "$in", ids.stream().map(Inbox::storedId).toList())),
                        new Document(
                                        "$set",
                                        new Document("state", State.DONE.name())
                                                .append("finishedAt", Date.from(clock.instant())))
                                .append("$unset", new Document("leaseUntil", 1)));
    }

    /** An id as Spring Data stores a text id: an ObjectId where the text is one. */
    private static Object storedId(String id) {
        return ObjectId.isValid(id) ? new ObjectId(id) : id;
    }

    void dead(String id, String error, int attempts) {
        finish(id, State.DEAD, new Update().set("lastError", error).set("attempts", attempts));
    }

    private void finish(String id, State state, Update update) {
        update.set("state", state).set("finishedAt", clock.instant()).unset("leaseUntil");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, InboxEntry.class);
    }

    Optional<InboxEntry> find(String id) {
        return Optional.ofNullable(mongo.findById(id, InboxEntry.class));
    }

    /**
     * Hands back every claim: only for a store one process owns, at its start, when any claim left is
     * a crashed run's. Waiting out those leases would let the conversation's later messages go first.
     */
    long releaseClaims() {
        return mongo.updateMulti(
                        Query.query(Criteria.where("state").is(State.PROCESSING)),
                        new Update().set("state", State.RECEIVED).unset("leaseUntil"),
                        InboxEntry.class)
                .getModifiedCount();
    }

    /** Hands back a claim made at insert whose message could not be queued: the sweep takes it like any other. */
    void release(String id) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("state").is(State.PROCESSING)),
                new Update().set("state", State.RECEIVED).unset("leaseUntil"),
                InboxEntry.class);
    }

    /** Puts a dead letter back in line. */
    boolean redrive(String id) {
        UpdateResult result = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("state").is(State.DEAD)),
                new Update().set("state", State.RECEIVED).set("attempts", 0).unset("finishedAt"),
                InboxEntry.class);
        return result.getModifiedCount() == 1;
    }

    /** Messages nobody is working on: received before {@code before}, or whose lease ran out, oldest first. */
    List<InboxEntry> unattended(Instant before, int limit) {
        Instant now = clock.instant();
        Query query = Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("state")
                                        .is(State.RECEIVED)
                                        .and("receivedAt")
                                        .lt(before),
                                Criteria.where("state")
                                        .is(State.PROCESSING)
                                        .and("leaseUntil")
                                        .lt(now)))
                .with(Sort.by("receivedAt", "_id"))
                .limit(limit);
        query.fields().include("_id", "conversationKey", "receivedAt");
        return mongo.find(query, InboxEntry.class);
    }

    /**
     * A conversation's unfinished messages, oldest first: what its lock holder handles next, up to the
     * first it cannot claim.
     */
    List<InboxEntry> unfinished(String conversationKey, int limit) {
        Query query = Query.query(Criteria.where("conversationKey")
                        .is(conversationKey)
                        .and("state")
                        .in(State.RECEIVED, State.PROCESSING))
                .with(Sort.by("receivedAt", "_id"))
                .limit(limit);
        query.fields().include("_id", "receivedAt");
        return mongo.find(query, InboxEntry.class);
    }

    /** Done or a dead letter: a message that could not be claimed for one of these reasons holds nobody up. */
    boolean finished(String id) {
        return find(id).map(entry -> entry.state() == State.DONE || entry.state() == State.DEAD)
                .orElse(true);
    }

    List<InboxEntry> inState(State state, int limit) {
        return mongo.find(
                Query.query(Criteria.where("state").is(state))
                        .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                        .limit(limit),
                InboxEntry.class);
    }

    long count(State state) {
        return mongo.count(Query.query(Criteria.where("state").is(state)), InboxEntry.class);
    }
}
