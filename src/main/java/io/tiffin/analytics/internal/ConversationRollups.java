package io.tiffin.analytics.internal;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps conversation facts and days in step with the conversations' reports, the way {@link Rollups}
 * does for orders, in parts so that a report costs the same whatever the day holds: a merchant's day
 * of facts is spread over {@link #BUCKETS} documents by conversation id ({@code
 * analytics_conversation_facts}, {@code <merchant>/<day>#<bucket>}), one conversation's fact set in
 * its bucket with the bucket's {@code rev} bumped in one atomic update, then the bucket's sums written
 * into the day as its part ({@code parts.<bucket>}), only over an older rev. A report with fewer
 * messages than the stored one is older and changes nothing. The day is the sum of its parts
 * ({@link ConversationDay#from}). One document per day, rewritten whole by every report, made each
 * message cost as much as the day's conversations so far (a busy day of one merchant's conversations
 * took most of the machine's time).
 *
 * <p>Only a session's current conversation is kept anywhere else ({@code sessions}): a rebuild folds
 * those in and recomputes every day from the facts, but earlier conversations exist only as facts,
 * so the facts collection is the record of them and a rebuild never deletes it (it moves facts kept
 * one document per day, as before the buckets, into their buckets).
 */
@Component
class ConversationRollups {

    static final String FACTS = "analytics_conversation_facts";
    static final String SESSIONS = "sessions";
    /** Facts documents per merchant and day. */
    static final int BUCKETS = 64;

    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final MerchantDirectory merchants;
    private final AnalyticsMerchants known;

    ConversationRollups(MongoTemplate mongo, MerchantDirectory merchants, AnalyticsMerchants known) {
        this.mongo = mongo;
        this.merchants = merchants;
        this.known = known;
    }

    /**
     * Sets the conversation's fact and brings its part of the day up to date by the difference the
     * fact made, when the part was computed at the bucket's revision just before this one: then the
     * report costs the same however many facts its bucket holds (reading and summing the whole bucket
     * took most of the store's time on a busy day). Otherwise (another report of the bucket came in
     * between, or a crash left the part behind) the part is computed from the whole bucket, as before.
     */
    void record(ConversationUpdated conversation) {
        ConversationFact fact = ConversationFact.of(conversation, zoneOf(conversation.merchantId()));
        Replaced replaced = replaceFact(fact);
        if (replaced == null || addToPart(fact, replaced)) {
            return;
        }
        Document bucket = mongo.getCollection(FACTS)
                .find(new Document("_id", bucketOf(fact)))
                .first();
        if (bucket != null) {
            writePart(bucket);
        }
    }

    /** The bucket's revision before a fact was set in it (0: a new bucket), and the fact it replaced, if any. */
    private record Replaced(long rev, ConversationFact fact) {}

    /** Sets the fact unless a later report of it is stored (then null); answers what it replaced. */
    private Replaced replaceFact(ConversationFact fact) {
        String field = "facts." + fact.id();
        Query notNewer = notNewer(fact);
        notNewer.fields().include("rev").include(field);
        Document before;
        try {
            before = mongo.findAndModify(
                    notNewer,
                    new Update().set(field, stored(fact)).inc("rev", 1L),
                    FindAndModifyOptions.options().upsert(true).returnNew(false),
                    Document.class,
                    FACTS);
        } catch (org.springframework.dao.DuplicateKeyException newerStored) {
            return null;
        }
        if (before == null) {
            return new Replaced(0, null);
        }
        ConversationFact old =
                before.get("facts") instanceof Document facts && facts.get(fact.id()) instanceof Document stored
                        ? mongo.getConverter().read(ConversationFact.class, stored)
                        : null;
        return new Replaced(((Number) before.get("rev")).longValue(), old);
    }

    /** Adds what the fact changed to its day's part, written only over the part of the revision before; false when that is not the part stored. */
    private boolean addToPart(ConversationFact fact, Replaced replaced) {
        String bucket = bucketOf(fact);
        String merchantId = fact.merchantId();
        String dayId = DayRollup.idOf(merchantId, fact.day());
        String field = ConversationDay.PARTS + "." + bucket.substring(bucket.lastIndexOf('#') + 1);
        Document found = mongo.getCollection(ConversationDay.COLLECTION)
                .find(new Document("_id", dayId))
                .projection(new Document(field, 1))
                .first();
        Document stored = found != null && found.get(ConversationDay.PARTS) instanceof Document parts
                ? parts.get(field.substring(ConversationDay.PARTS.length() + 1), Document.class)
                : null;
        ConversationDay part;
        Document unchanged;
        if (replaced.rev() == 0) {
            if (stored != null) {
                return false;
            }
            part = ConversationDay.of(merchantId, fact.day(), List.of());
            unchanged = new Document(field, new Document("$exists", false));
        } else {
            if (stored == null
                    || !(stored.get("computedRev") instanceof Number rev)
                    || rev.longValue() != replaced.rev()) {
                return false;
            }
            part = ConversationDay.part(merchantId, fact.day(), stored);
            unchanged = new Document(field + ".computedRev", replaced.rev());
        }
        part = part.plus(ConversationDay.of(merchantId, fact.day(), List.of(fact)), 1);
        if (replaced.fact() != null) {
            part = part.plus(ConversationDay.of(merchantId, fact.day(), List.of(replaced.fact())), -1);
        }
        Document written = document(part, replaced.rev() + 1);
        written.remove("_id");
        written.remove("merchantId");
        written.remove("day");
        known.seen(merchantId);
        try {
            var result = mongo.getCollection(ConversationDay.COLLECTION)
                    .updateOne(
                            new Document("_id", dayId).append("$and", List.of(unchanged)),
                            new Document(
                                    "$set",
                                    new Document(field, written)
                                            .append("merchantId", merchantId)
                                            .append("day", fact.day())),
                            new com.mongodb.client.model.UpdateOptions().upsert(replaced.rev() == 0));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (com.mongodb.MongoWriteException partWritten) {
            if (partWritten.getError().getCode() != 11000) {
                throw partWritten;
            }
            return false; // the day holds this part already: another report came in between
        }
    }

    private Document stored(ConversationFact fact) {
        Document stored = new Document();
        mongo.getConverter().write(fact, stored);
        stored.remove("_class");
        return stored;
    }

    private static Query notNewer(ConversationFact fact) {
        String field = "facts." + fact.id();
        return Query.query(Criteria.where("_id")
                .is(bucketOf(fact))
                .orOperator(
                        Criteria.where(field).exists(false),
                        Criteria.where(field + ".messages").lte(fact.messages())));
    }

    /** The facts document of a conversation's fact: its merchant's day, and a bucket by the conversation's id. */
    static String bucketOf(ConversationFact fact) {
        return DayRollup.idOf(fact.merchantId(), fact.day()) + "#"
                + java.util.HexFormat.of()
                        .toHexDigits((byte) Math.floorMod(fact.id().hashCode(), BUCKETS));
    }

    /** Sets the fact unless a later report of it is stored; answers its bucket's facts after, or null. */
    private Document setFact(ConversationFact fact) {
        String field = "facts." + fact.id();
        try {
            return mongo.findAndModify(
                    notNewer(fact),
                    new Update().set(field, stored(fact)).inc("rev", 1L),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class,
                    FACTS);
        } catch (org.springframework.dao.DuplicateKeyException newerStored) {
            return null;
        }
    }

    /** Writes a bucket's sums as its day's part, unless the day holds them from a later rev of the bucket. */
    private void writePart(Document bucket) {
        String id = String.valueOf(bucket.get("_id"));
        int mark = id.lastIndexOf('#');
        String[] key = id.substring(0, mark).split("/", 2);
        long rev = ((Number) bucket.get("rev")).longValue();
        Document part = document(ConversationDay.of(key[0], key[1], facts(bucket)), rev);
        part.remove("_id");
        part.remove("merchantId");
        part.remove("day");
        known.seen(key[0]);
        String field = ConversationDay.PARTS + "." + id.substring(mark + 1);
        try {
            mongo.getCollection(ConversationDay.COLLECTION)
                    .updateOne(
                            new Document("_id", DayRollup.idOf(key[0], key[1]))
                                    .append(
                                            "$or",
                                            List.of(
                                                    new Document(field, new Document("$exists", false)),
                                                    new Document(field + ".computedRev", new Document("$lt", rev)))),
                            new Document(
                                    "$set",
                                    new Document(field, part)
                                            .append("merchantId", key[0])
                                            .append("day", key[1])),
                            new com.mongodb.client.model.UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException newerWritten) {
            if (newerWritten.getError().getCode() != 11000) {
                throw newerWritten;
            }
        }
    }

    private List<ConversationFact> facts(Document facts) {
        List<ConversationFact> read = new ArrayList<>();
        Document byId = facts.get("facts", Document.class);
        if (byId != null) {
            byId.values().forEach(f -> read.add(mongo.getConverter().read(ConversationFact.class, (Document) f)));
        }
        return read;
    }

    private Document document(ConversationDay day, long rev) {
        Document document = new Document();
        mongo.getConverter().write(day, document);
        document.remove("_class");
        return document.append("computedRev", rev);
    }

    /**
     * Folds every session's current conversation into the facts, then recomputes every conversation
     * day from its facts. Answers the conversations read from the sessions.
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
        moveUnbucketedFacts();
        mongo.remove(new Query(), ConversationDay.COLLECTION);
        try (Stream<Document> all = mongo.stream(new Query().cursorBatchSize(BATCH), Document.class, FACTS)) {
            for (Document bucket : (Iterable<Document>) all::iterator) {
                writePart(bucket);
            }
        }
        return read;
    }

    /** Facts stored one document per day (before the buckets) go into their buckets, newer reports winning. */
    private void moveUnbucketedFacts() {
        Query all = new Query().cursorBatchSize(BATCH);
        all.fields().include("_id");
        List<Object> unbucketed = new ArrayList<>();
        try (Stream<Document> ids = mongo.stream(all, Document.class, FACTS)) {
            ids.map(d -> d.get("_id"))
                    .filter(id -> String.valueOf(id).indexOf('#') < 0)
                    .forEach(unbucketed::add);
        }
        for (Object id : unbucketed) {
            Document day = mongo.findById(id, Document.class, FACTS);
            if (day != null) {
                facts(day).forEach(this::setFact);
                mongo.remove(Query.query(Criteria.where("_id").is(id)), FACTS);
            }
        }
    }

    private ZoneId zoneOf(String merchantId) {
        return merchants.recent(merchantId).map(Merchant::zone).orElse(ZoneOffset.UTC);
    }
}
