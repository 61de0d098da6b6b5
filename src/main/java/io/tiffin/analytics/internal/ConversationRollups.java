package io.tiffin.analytics.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps conversation facts and days in step with the conversations' reports, the way {@link Rollups}
 * does for orders, so that a report costs the same small amount whatever the day holds: each
 * conversation's fact is a document of its own ({@code analytics_conversation_facts}, {@code
 * <merchant>/<day>/<conversation>}), and its day ({@code analytics_conversation_days}) holds the sums,
 * moved by the difference each report makes ({@code $inc}). A report with fewer messages than the
 * stored one is older and changes nothing; a repeat moves nothing.
 *
 * <p>The fact and its day are two documents, so moving the day exactly once takes a token: the fact
 * keeps what the day counts of it ({@code counted}) and the report in hand ({@code fact}, with a
 * {@code pending} token, set in one atomic update, and only while no other token is pending); the
 * day is moved by {@code fact - counted} only where it has not seen the token ({@code applied.<token>}),
 * then the fact's {@code counted} catches up and the token goes. A report that finds a token left
 * pending (a crash, or a delivery still under way elsewhere) settles it first: it marks the token in
 * the day as cancelled unless the day has applied it, so a late attempt of it can no longer move the
 * day, and counts the fact again under a token of its own. Applied tokens are removed from the day by
 * a later write to it. A busy day once kept its facts in 64 shared documents and its sums in 64 parts
 * of one document: every report copied, checked and rewrote a document of hundreds of facts, which
 * cost as much as answering the message.
 *
 * <p>A day being recounted (a rebuild, an upgrade's move) is fenced ({@link DayFences}): the day's
 * write checks for the fence, and a report that meets one waits briefly, then fails to be delivered
 * again, its token still pending.
 *
 * <p>Only a session's current conversation is kept anywhere else ({@code sessions}): a rebuild folds
 * those in and recomputes every day from the facts, but earlier conversations exist only as facts,
 * so the facts collection is the record of them and a rebuild never deletes it (it moves facts kept
 * the older ways, one document per day or 64 per day, into documents of their own; without a rebuild
 * {@link SharedFactsUpgrade} moves them at start, and before any report of their day).
 *
 * <p>A report blocked by a later one or a pending token is a find-and-modify that matches nothing,
 * then a {@code $setOnInsert} that finds the stored fact; not an upsert over the condition, whose
 * duplicate key the embedded store logs as an error (a stream of them under a flood of reports).
 */
@Component
class ConversationRollups {

    private static final Logger log = LoggerFactory.getLogger(ConversationRollups.class);

    static final String FACTS = "analytics_conversation_facts";
    static final String SESSIONS = "sessions";
    /** In a day: tokens of the reports that moved it, or cancelled (0) by a report settling them. */
    static final String APPLIED = "applied";

    private static final int BATCH = 500;
    private static final int TRIES = 16;
    /** Applied tokens removed per write to a day. */
    private static final int SWEEP = 32;

    private final MongoTemplate mongo;
    private final MerchantDirectory merchants;
    private final AnalyticsMerchants known;
    private final SharedFactsUpgrade upgrade;
    private final DayFences fences;
    /** Per day: tokens whose facts caught up, to remove from the day with its next write. */
    private final Map<String, Queue<String>> settled = new ConcurrentHashMap<>();

    ConversationRollups(
            MongoTemplate mongo,
            MerchantDirectory merchants,
            AnalyticsMerchants known,
            SharedFactsUpgrade upgrade,
            DayFences fences) {
        this.mongo = mongo;
        this.fences = fences;
        this.upgrade = upgrade;
        this.merchants = merchants;
        this.known = known;
    }

    /**
     * Sets the conversation's fact and moves its day by the difference, in three small writes: the
     * fact with a token, the day unless it saw the token, the fact's counted copy. A token left pending
     * by an earlier report is settled first.
     */
    void record(ConversationUpdated conversation) {
        record(ConversationFact.of(conversation, zoneOf(conversation.merchantId())));
    }

    /**
     * Records several reports as {@link #record} does one by one, with the store work of a day's reports
     * shared: their facts read in one query, given their tokens in one write and read back in one, the
     * day moved once by the sum of their differences (marking all their tokens applied, in the same
     * single-document update), their counted copies caught up in one write. Each fact keeps a token of
     * its own, so a crash between the writes leaves each one as a crashed single report would, settled
     * by its next report. A fact whose token was left pending, or that changed between the reads, goes
     * the single way; so does the whole day when the shared move misses (a fence, or a token seen).
     * Every day is tried; the first failure is thrown after the others were recorded.
     */
    void recordAll(List<ConversationUpdated> reports) {
        // per conversation the latest report: an earlier one recorded before it would change nothing
        Map<String, ConversationFact> latest = new LinkedHashMap<>();
        for (ConversationUpdated report : reports) {
            ConversationFact fact = ConversationFact.of(report, zoneOf(report.merchantId()));
            latest.merge(idOf(fact), fact, (a, b) -> b.messages() >= a.messages() ? b : a);
        }
        Map<String, List<ConversationFact>> byDay = new LinkedHashMap<>();
        latest.values()
                .forEach(f -> byDay.computeIfAbsent(DayRollup.idOf(f.merchantId(), f.day()), d -> new ArrayList<>())
                        .add(f));
        RuntimeException failed = null;
        for (List<ConversationFact> facts : byDay.values()) {
            try {
                if (facts.size() == 1) {
                    record(facts.get(0));
                } else {
                    recordDay(facts);
                }
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Where a test stops a batch, as a crash would: after its facts took their tokens, after its day moved. */
    interface Stop {
        void at(String stage);
    }

    private volatile Stop stop = stage -> {};

    void stopAt(Stop stop) {
        this.stop = stop == null ? stage -> {} : stop;
    }

    /** The facts of one merchant's day, recorded together ({@link #recordAll}). */
    private void recordDay(List<ConversationFact> facts) {
        String merchantId = facts.get(0).merchantId();
        String day = facts.get(0).day();
        String dayId = DayRollup.idOf(merchantId, day);
        upgrade.beforeReport(dayId);
        Map<String, ConversationFact> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.put(idOf(f), f));
        Map<String, Document> stored = new HashMap<>();
        facts().find(new Document("_id", new Document("$in", new ArrayList<>(byId.keySet()))))
                .projection(new Document("fact.messages", 1).append("pending", 1))
                .forEach(d -> stored.put(d.getString("_id"), d));
        List<ConversationFact> alone = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        List<WriteModel<Document>> takes = new ArrayList<>();
        byId.forEach((id, fact) -> {
            Document found = stored.get(id);
            String token = token();
            Document set = new Document("day", day)
                    .append("fact", ConversationFact.write(fact))
                    .append("pending", token);
            Document filter = new Document("_id", id).append("merchantId", merchantId);
            if (found == null) {
                takes.add(new UpdateOneModel<>(
                        filter, new Document("$setOnInsert", set), new UpdateOptions().upsert(true)));
            } else if (found.get("pending") != null) {
                alone.add(fact); // a token left pending: settled first, the single way
                return;
            } else if (found.get("fact") instanceof Document f
                    && f.get("messages") instanceof Number messages
                    && messages.intValue() > fact.messages()) {
                return; // a later report is stored
            } else {
                takes.add(new UpdateOneModel<>(
                        filter.append("pending", new Document("$exists", false))
                                .append("fact.messages", new Document("$lte", fact.messages())),
                        new Document("$set", set)));
            }
            tokens.put(id, token);
        });
        if (!takes.isEmpty()) {
            try {
                facts().bulkWrite(takes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // a first report inserted by another delivery at the same moment: read back below, then alone
                if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                    throw e;
                }
            }
        }
        // which facts hold their token now, and what the day counts of each: while a fact's token is
        // pending nobody else changes its counted copy, so this read is the difference's base
        List<String> ours = new ArrayList<>();
        Map<String, ConversationFact> counted = new HashMap<>();
        if (!tokens.isEmpty()) {
            facts().find(new Document("_id", new Document("$in", new ArrayList<>(tokens.keySet()))))
                    .projection(new Document("pending", 1).append("counted", 1))
                    .forEach(d -> {
                        String id = d.getString("_id");
                        if (tokens.get(id).equals(d.getString("pending"))) {
                            ours.add(id);
                            if (d.get("counted") instanceof Document c) {
                                counted.put(id, ConversationFact.read(id, merchantId, day, c));
                            }
                        }
                    });
        }
        tokens.keySet().stream().filter(id -> !ours.contains(id)).forEach(id -> alone.add(byId.get(id)));
        stop.at("tokens");
        ConversationDay change = null;
        List<String> moving = new ArrayList<>();
        for (String id : ours) {
            ConversationDay one = difference(byId.get(id), counted.get(id));
            if (!one.isZero()) {
                change = change == null ? one : change.plus(one, 1);
                moving.add(id);
            }
        }
        if (change != null && !moveOnce(change, moving.stream().map(tokens::get).toList())) {
            // the day is fenced, or saw one of the tokens: each fact its own way
            ours.forEach(id -> count(id, byId.get(id), counted.get(id), tokens.get(id)));
            alone.forEach(this::record);
            return;
        }
        stop.at("day");
        List<WriteModel<Document>> caughtUp = new ArrayList<>();
        for (String id : ours) {
            caughtUp.add(new UpdateOneModel<>(
                    new Document("_id", id).append("merchantId", merchantId).append("pending", tokens.get(id)),
                    new Document("$set", new Document("counted", ConversationFact.write(byId.get(id))))
                            .append("$unset", new Document("pending", ""))));
        }
        if (!caughtUp.isEmpty()
                && facts().bulkWrite(caughtUp, new BulkWriteOptions().ordered(false))
                                .getMatchedCount()
                        == ours.size()) {
            // otherwise some token was taken over meanwhile: its mark stays in the day, harmless
            moving.forEach(id -> sweepLater(dayId, tokens.get(id)));
        }
        alone.forEach(this::record);
    }

    /** What the day gains from counting {@code fact} where it counted {@code counted} (none: null). */
    private static ConversationDay difference(ConversationFact fact, ConversationFact counted) {
        ConversationDay change = ConversationDay.of(fact.merchantId(), fact.day(), List.of(fact));
        return counted == null
                ? change
                : change.plus(ConversationDay.of(fact.merchantId(), fact.day(), List.of(counted)), -1);
    }

    private void record(ConversationFact fact) {
        String id = idOf(fact);
        upgrade.beforeReport(DayRollup.idOf(fact.merchantId(), fact.day()));
        Document byId = new Document("_id", id).append("merchantId", fact.merchantId());
        for (int attempt = 0; attempt < TRIES; attempt++) {
            String token = token();
            Document set = new Document("day", fact.day())
                    .append("fact", ConversationFact.write(fact))
                    .append("pending", token);
            // over a stored report that is not later and has no token pending; a blocked report is a
            // write that matches nothing, not a duplicate key (which the store logs as an error). A
            // conversation's first report finds nothing stored, as a rule: it tries the insert first
            Document before = attempt == 0 && fact.messages() <= 1
                    ? null
                    : facts().findOneAndUpdate(
                                    new Document(byId)
                                            .append("pending", new Document("$exists", false))
                                            .append("fact.messages", new Document("$lte", fact.messages())),
                                    new Document("$set", set),
                                    new FindOneAndUpdateOptions()
                                            .returnDocument(ReturnDocument.BEFORE)
                                            .projection(new Document("counted", 1)));
            if (before == null) {
                // none stored (then this one is inserted), or a later report is, or a token is pending
                Document stored;
                try {
                    stored = facts().findOneAndUpdate(
                                    byId,
                                    new Document("$setOnInsert", set),
                                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
                } catch (MongoException inserted) {
                    if (inserted.getCode() != 11000) {
                        throw inserted;
                    }
                    continue; // the first report of it, inserted by another delivery at the same moment
                }
                if (stored == null) {
                    count(id, fact, null, token);
                    return;
                }
                if (stored.get("pending") != null) {
                    settle(stored);
                    continue;
                }
                if (stored.get("fact") instanceof Document notLater
                        && notLater.get("messages") instanceof Number messages
                        && messages.intValue() <= fact.messages()) {
                    continue; // caught up between the two writes
                }
                return; // a later report is stored
            }
            Document counted = before.get("counted", Document.class);
            count(
                    id,
                    fact,
                    counted == null ? null : ConversationFact.read(id, fact.merchantId(), fact.day(), counted),
                    token);
            return;
        }
        throw new IllegalStateException("conversation fact " + id + " kept changing under its report");
    }

    /**
     * Moves the day by what {@code fact} changes from {@code counted} under {@code token}, then lets the
     * fact catch up; when the day had the token cancelled, whoever cancelled it counts the fact.
     */
    private void count(String id, ConversationFact fact, ConversationFact counted, String token) {
        ConversationDay change = difference(fact, counted);
        if (!change.isZero() && !move(change, token)) {
            return;
        }
        var caughtUp = facts().updateOne(
                        new Document("_id", id)
                                .append("merchantId", fact.merchantId())
                                .append("pending", token),
                        new Document("$set", new Document("counted", ConversationFact.write(fact)))
                                .append("$unset", new Document("pending", "")));
        if (caughtUp.getMatchedCount() == 1 && !change.isZero()) {
            sweepLater(change.id(), token);
        }
    }

    /** The fact caught up with the token: the day's next write removes it. */
    private void sweepLater(String dayId, String token) {
        settled.computeIfAbsent(dayId, d -> new ConcurrentLinkedQueue<>()).add(token);
        if (settled.size() > 4_096) {
            settled.clear(); // days nobody writes any more: their last tokens stay, harmless
        }
    }

    /** Adds the change to its day unless the day has seen the token; false when it had (cancelled it). */
    boolean move(ConversationDay change, String token) {
        while (!moveOnce(change, List.of(token))) {
            if (appliedMark(change.id(), change.merchantId(), token) != null) {
                return false; // seen: applied, or cancelled by a report settling it (or counted by a recount)
            }
            // a recount's fence: once it is lifted, the day holds what the recount counted
            fences.awaitLifted(change.merchantId(), change.day());
        }
        return true;
    }

    /**
     * Adds the change to its day, marking every token applied, unless the day has seen any of them or
     * is fenced: one update, all or nothing. Takes along the removal of tokens whose facts caught up
     * (as many as it marks, and a few more, so a day's marks do not pile up). False when it missed.
     */
    private boolean moveOnce(ConversationDay change, List<String> tokens) {
        Document inc = increments(change);
        Document set = new Document("merchantId", change.merchantId()).append("day", change.day());
        Document filter = new Document("_id", change.id()).append("merchantId", change.merchantId());
        for (String token : tokens) {
            set.append(APPLIED + "." + token, 1);
            filter.append(APPLIED + "." + token, new Document("$exists", false));
        }
        filter.append(DayFences.FENCE, new Document("$exists", false));
        Document update = new Document("$inc", inc).append("$set", set);
        Queue<String> done = settled.get(change.id());
        List<String> swept = new ArrayList<>();
        if (done != null) {
            Document unset = new Document();
            for (String t; swept.size() < SWEEP + tokens.size() && (t = done.poll()) != null; ) {
                if (!tokens.contains(t)) {
                    swept.add(t);
                    unset.append(APPLIED + "." + t, "");
                }
            }
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
        }
        known.seen(change.merchantId());
        try {
            days().updateOne(filter, update, new UpdateOptions().upsert(true));
            return true;
        } catch (MongoException missed) {
            swept.forEach(t -> sweepLater(change.id(), t)); // not written: the next write removes them
            if (missed.getCode() != 11000) {
                throw missed;
            }
            return false;
        }
    }

    /** The day's mark of the token: 1 applied, 0 cancelled, null none. */
    private Object appliedMark(String dayId, String merchantId, String token) {
        Document applied = days().find(new Document("_id", dayId).append("merchantId", merchantId))
                .projection(new Document(APPLIED + "." + token, 1))
                .first();
        return applied == null || !(applied.get(APPLIED) instanceof Document tokens) ? null : tokens.get(token);
    }

    /**
     * A fact whose token was left pending: if its day applied the token, the fact catches up;
     * otherwise the token is cancelled in the day (no late attempt of it can move the day any more)
     * and the fact is counted again under a new token.
     */
    private void settle(Document stored) {
        String id = stored.getString("_id");
        String merchantId = stored.getString("merchantId");
        String day = stored.getString("day");
        String pending = stored.getString("pending");
        String dayId = DayRollup.idOf(merchantId, day);
        ConversationFact fact = ConversationFact.read(id, merchantId, day, stored.get("fact", Document.class));
        Document counted = stored.get("counted", Document.class);
        Document byToken =
                new Document("_id", id).append("merchantId", merchantId).append("pending", pending);
        try {
            days().updateOne(
                            new Document("_id", dayId)
                                    .append("merchantId", merchantId)
                                    .append(APPLIED + "." + pending, new Document("$exists", false))
                                    .append(DayFences.FENCE, new Document("$exists", false)),
                            new Document(
                                    "$set",
                                    new Document("merchantId", merchantId)
                                            .append("day", day)
                                            .append(APPLIED + "." + pending, 0)),
                            new UpdateOptions().upsert(true));
        } catch (MongoException seen) {
            if (seen.getCode() != 11000) {
                throw seen;
            }
            Object mark = appliedMark(dayId, merchantId, pending);
            if (mark == null) {
                // a recount's fence: it counts the fact as it stands, and the report then reads it again
                fences.awaitLifted(merchantId, day);
                return;
            }
            if (mark instanceof Number n
                    && n.intValue() == 1
                    && facts().updateOne(
                                            byToken,
                                            new Document("$set", new Document("counted", ConversationFact.write(fact)))
                                                    .append("$unset", new Document("pending", "")))
                                    .getMatchedCount()
                            == 1) {
                sweepLater(dayId, pending);
            }
            return; // cancelled by another report settling it, which counts the fact again
        }
        String token = token();
        if (facts().updateOne(byToken, new Document("$set", new Document("pending", token)))
                        .getMatchedCount()
                == 1) {
            count(id, fact, counted == null ? null : ConversationFact.read(id, merchantId, day, counted), token);
        }
    }

    private static Document increments(ConversationDay change) {
        Document inc = new Document();
        put(inc, "conversations", change.conversations());
        put(inc, "carts", change.carts());
        put(inc, "ordered", change.ordered());
        put(inc, "cartsOrdered", change.cartsOrdered());
        put(inc, "messages", change.messages());
        put(inc, "notUnderstood", change.notUnderstood());
        put(inc, "clarifications", change.clarifications());
        put(inc, "ordersPlaced", change.ordersPlaced());
        put(inc, "modelMessages", change.modelMessages());
        put(inc, "modelCalls", change.modelCalls());
        put(inc, "modelMillisSum", change.modelMillisSum());
        for (ConversationDay.QuestionCount q : change.leftAt()) {
            put(inc, ConversationDay.LEFT + "." + ConversationDay.key(q.question()), q.conversations());
        }
        return inc;
    }

    private static void put(Document inc, String field, long by) {
        if (by != 0) {
            inc.append(field, by);
        }
    }

    /** A conversation's fact document: its merchant's day, then the conversation. */
    static String idOf(ConversationFact fact) {
        return DayRollup.idOf(fact.merchantId(), fact.day()) + "/" + fact.id();
    }

    private static String token() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(FACTS);
    }

    private MongoCollection<Document> days() {
        return mongo.getCollection(ConversationDay.COLLECTION);
    }

    /** Sets the fact unless a later report of it is stored, without moving its day (a rebuild recomputes the days). */
    private void setFact(ConversationFact fact) {
        setFact(facts(), fact);
    }

    /**
     * Sets the fact unless a later report of it is stored. An update, not a find-and-modify: a later
     * report stored is a duplicate key the driver reports as a write error, which the embedded store
     * does not log (it logs a find-and-modify that fails as an error).
     */
    static void setFact(MongoCollection<Document> facts, ConversationFact fact) {
        try {
            facts.updateOne(
                    new Document("_id", idOf(fact))
                            .append("merchantId", fact.merchantId())
                            .append("fact.messages", new Document("$lte", fact.messages())),
                    new Document("$set", new Document("day", fact.day()).append("fact", ConversationFact.write(fact))),
                    new UpdateOptions().upsert(true));
        } catch (MongoException newerStored) {
            if (newerStored.getCode() != 11000) {
                throw newerStored;
            }
        }
    }

    /**
     * Folds every session's current conversation into the facts, moves facts stored the older ways
     * into documents of their own, then recomputes every conversation day from the facts (each fact's
     * counted copy made equal to it, no token pending). Exact while reports go on: every day is fenced
     * first ({@link DayFences}), so a report of it waits for its recount rather than being summed into a
     * day that is then replaced, or counted again over a sum that holds it; days begun meanwhile are
     * left to their reports. Answers the conversations read from the sessions.
     */
    long rebuild() {
        Query withConversation =
                Query.query(Criteria.where("conversation").exists(true)).cursorBatchSize(BATCH);
        withConversation.fields().include("conversation");
        Map<String, ZoneId> zones = new HashMap<>();
        long read = 0;
        try (Stream<Document> sessions = mongo.stream(withConversation, Document.class, SESSIONS)) {
            for (Document session : (Iterable<Document>) sessions::iterator) {
                Document stored = session.get("conversation", Document.class);
                if (stored == null) {
                    continue;
                }
                ConversationUpdated conversation = mongo.getConverter().read(ConversationUpdated.class, stored);
                read++;
                setFact(ConversationFact.of(
                        conversation, zones.computeIfAbsent(conversation.merchantId(), this::zoneOf)));
            }
        }
        moveSharedFacts();
        // every day there is, fenced: reports of them wait while the facts are summed (see DayFences)
        String token = DayFences.token();
        Map<String, String> fenced = new LinkedHashMap<>(); // day id -> merchant id
        for (String collection : List.of(FACTS, ConversationDay.COLLECTION)) {
            Query days = new Query().cursorBatchSize(BATCH);
            days.fields().include("merchantId").include("day");
            try (Stream<Document> found = mongo.stream(days, Document.class, collection)) {
                for (Document d : (Iterable<Document>) found::iterator) {
                    String merchantId = d.getString("merchantId");
                    String day = d.getString("day");
                    if (merchantId == null || day == null) {
                        // a day written before days named their merchant: its id does
                        String id = String.valueOf(d.get("_id"));
                        int cut = id.indexOf('/');
                        if (collection.equals(FACTS) || cut < 0) {
                            continue;
                        }
                        merchantId = id.substring(0, cut);
                        day = id.substring(cut + 1);
                    }
                    fenced.putIfAbsent(DayRollup.idOf(merchantId, day), merchantId);
                }
            }
        }
        fenced.forEach((dayId, merchantId) -> fences.fence(merchantId, dayOf(dayId), token));
        FactTally tally = new FactTally(facts());
        long extended = System.nanoTime();
        Query all = new Query().cursorBatchSize(BATCH);
        all.fields().include("merchantId").include("day").include("fact").include("pending");
        try (Stream<Document> facts = mongo.stream(all, Document.class, FACTS)) {
            for (Document stored : (Iterable<Document>) facts::iterator) {
                String merchantId = stored.getString("merchantId");
                String day = stored.getString("day");
                if (merchantId == null || day == null || !fenced.containsKey(DayRollup.idOf(merchantId, day))) {
                    continue; // a day begun since the fences went up: its reports count it
                }
                tally.add(stored);
                if (System.nanoTime() - extended > DayFences.HOLD.toNanos() / 4) {
                    tally.flush();
                    fences.extend(token);
                    extended = System.nanoTime();
                }
            }
        }
        tally.flush();
        settled.clear();
        fenced.forEach((dayId, merchantId) -> {
            if (!fences.write(merchantId, dayOf(dayId), token, tally)) {
                log.warn(
                        "Conversation day {}: its fence ran out during the rebuild and another recount took it", dayId);
            }
        });
        return read;
    }

    /**
     * Facts stored many to a document (one document per day, or 64 per day, by earlier versions) go
     * into documents of their own, newer reports winning.
     */
    private void moveSharedFacts() {
        Query shared = Query.query(Criteria.where("facts").exists(true)).cursorBatchSize(BATCH);
        shared.fields().include("_id");
        List<Object> ids = new ArrayList<>();
        try (Stream<Document> found = mongo.stream(shared, Document.class, FACTS)) {
            found.forEach(d -> ids.add(d.get("_id")));
        }
        for (Object id : ids) {
            Document day = mongo.findById(id, Document.class, FACTS);
            if (day != null && day.get("facts") instanceof Document byId) {
                byId.values().forEach(f -> setFact(mongo.getConverter().read(ConversationFact.class, (Document) f)));
                mongo.remove(Query.query(Criteria.where("_id").is(id)), FACTS);
            }
        }
    }

    private static String dayOf(String dayId) {
        return dayId.substring(dayId.lastIndexOf('/') + 1);
    }

    private ZoneId zoneOf(String merchantId) {
        return merchants.recent(merchantId).map(Merchant::zone).orElse(ZoneOffset.UTC);
    }
}
