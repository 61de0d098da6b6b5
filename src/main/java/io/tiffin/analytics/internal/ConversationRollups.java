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
 * does for orders: one facts document per merchant per day ({@code analytics_conversation_facts}),
 * one conversation's fact set there with the day's {@code rev} bumped in one atomic update, and the
 * day recomputed whole and written only over an older rev. A report with fewer messages than the
 * stored one is older and changes nothing.
 *
 * <p>Only a session's current conversation is kept anywhere else ({@code sessions}): a rebuild folds
 * those in and recomputes every day from the facts, but earlier conversations exist only as facts,
 * so the facts collection is the record of them and a rebuild never deletes it.
 */
@Component
class ConversationRollups {

    static final String FACTS = "analytics_conversation_facts";
    static final String SESSIONS = "sessions";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final MerchantDirectory merchants;
    private final AnalyticsMerchants known;

    ConversationRollups(MongoTemplate mongo, MerchantDirectory merchants, AnalyticsMerchants known) {
        this.mongo = mongo;
        this.merchants = merchants;
        this.known = known;
    }

    void record(ConversationUpdated conversation) {
        Document day = setFact(ConversationFact.of(conversation, zoneOf(conversation.merchantId())));
        if (day != null) {
            writeDay(day);
        }
    }

    /** Sets the fact unless a later report of it is stored; answers the day's facts after, or null. */
    private Document setFact(ConversationFact fact) {
        Document stored = new Document();
        mongo.getConverter().write(fact, stored);
        stored.remove("_class");
        String field = "facts." + fact.id();
        Query notNewer = Query.query(Criteria.where("_id")
                .is(DayRollup.idOf(fact.merchantId(), fact.day()))
                .orOperator(
                        Criteria.where(field).exists(false),
                        Criteria.where(field + ".messages").lte(fact.messages())));
        try {
            return mongo.findAndModify(
                    notNewer,
                    new Update().set(field, stored).inc("rev", 1L),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class,
                    FACTS);
        } catch (org.springframework.dao.DuplicateKeyException newerStored) {
            return null;
        }
    }

    private void writeDay(Document dayFacts) {
        long rev = ((Number) dayFacts.get("rev")).longValue();
        ConversationDay day = dayOf(dayFacts);
        known.seen(day.merchantId());
        Document rollup = document(day, rev);
        rollup.remove("_id");
        try {
            mongo.getCollection(ConversationDay.COLLECTION)
                    .updateOne(
                            new Document("_id", day.id()).append("computedRev", new Document("$lt", rev)),
                            new Document("$set", rollup),
                            new com.mongodb.client.model.UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException newerWritten) {
            if (newerWritten.getError().getCode() != 11000) {
                throw newerWritten;
            }
        }
    }

    private ConversationDay dayOf(Document dayFacts) {
        List<ConversationFact> facts = new ArrayList<>();
        Document byId = dayFacts.get("facts", Document.class);
        if (byId != null) {
            byId.values().forEach(f -> facts.add(mongo.getConverter().read(ConversationFact.class, (Document) f)));
        }
        String[] key = String.valueOf(dayFacts.get("_id")).split("/", 2);
        return ConversationDay.of(key[0], key[1], facts);
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
        mongo.remove(new Query(), ConversationDay.COLLECTION);
        List<Document> days = new ArrayList<>();
        try (Stream<Document> all = mongo.stream(new Query().cursorBatchSize(BATCH), Document.class, FACTS)) {
            for (Document dayFacts : (Iterable<Document>) all::iterator) {
                ConversationDay day = dayOf(dayFacts);
                known.write(day.merchantId());
                days.add(document(day, ((Number) dayFacts.get("rev")).longValue()));
                if (days.size() == BATCH) {
                    mongo.getCollection(ConversationDay.COLLECTION).insertMany(days);
                    days.clear();
                }
            }
        }
        if (!days.isEmpty()) {
            mongo.getCollection(ConversationDay.COLLECTION).insertMany(days);
        }
        return read;
    }

    private ZoneId zoneOf(String merchantId) {
        return merchants.byId(merchantId).map(Merchant::zone).orElse(ZoneOffset.UTC);
    }
}
