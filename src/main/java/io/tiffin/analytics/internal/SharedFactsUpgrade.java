package io.tiffin.analytics.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.tiffin.platform.cluster.ClusterJobs;
import io.tiffin.platform.cluster.ClusterLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves conversation facts that earlier versions kept many to a document ({@code <merchant>/<day>}
 * with every fact of the day, or {@code <merchant>/<day>#<bucket>}, 64 per day) into documents of
 * their own, once, without a rebuild: a report whose fact sat in such a document would otherwise find
 * no fact of its own and count the conversation a second time.
 *
 * <p>The days still holding shared facts are listed once per process, before the first report is
 * recorded (none are ever written again, so the list only shrinks); a marker ({@value #MARKER} in
 * {@value #COLLECTION}) spares the listing once every day has moved. A day moves under a cluster
 * lock of its own: its shared facts are set as facts of their own (a later report already stored
 * wins), the day is recomputed from all its facts (each counted as it stands), then the shared
 * documents go. A report of a listed day takes the same lock first and moves the day if nobody has,
 * so no report moves a day by difference while its facts are only partly moved; a crash midway leaves
 * the shared documents, and the move is done again whole. At start one instance ({@link ClusterJobs})
 * moves every listed day.
 */
@Component
class SharedFactsUpgrade {

    static final String COLLECTION = "analytics_upgrades";
    static final String MARKER = "conversation-facts-own-documents";
    static final String JOB = "analytics-conversation-facts-upgrade";

    private static final Logger log = LoggerFactory.getLogger(SharedFactsUpgrade.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BUCKETS = 64;
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final ClusterLocks locks;
    private final ClusterJobs jobs;
    private final AnalyticsMerchants known;
    /** Days that held shared facts when listed; null until listed. */
    private volatile Set<String> days;

    SharedFactsUpgrade(MongoTemplate mongo, ClusterLocks locks, ClusterJobs jobs, AnalyticsMerchants known) {
        this.mongo = mongo;
        this.locks = locks;
        this.jobs = jobs;
        this.known = known;
    }

    /** At start, one instance moves every day still holding shared facts (reports move theirs meanwhile). */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            jobs.runOnce(JOB, Duration.ofMinutes(1), this::upgrade);
        } catch (RuntimeException e) {
            // each listed day still moves with its next report; the next start tries again
            log.warn("Moving shared conversation facts did not finish: {}", e.toString());
        }
    }

    /**
     * Lists the days holding shared facts again (whatever the marker says), moves each, and marks the
     * upgrade done when none is left. Answers how many days it moved; a second run moves none.
     */
    int upgrade() {
        list(true);
        int moved = 0;
        for (String dayId : List.copyOf(days)) {
            if (moveUnderLock(dayId)) {
                moved++;
            }
        }
        if (sharedDays().isEmpty()) {
            upgrades()
                    .replaceOne(
                            new Document("_id", MARKER),
                            new Document("_id", MARKER).append("at", new Date()),
                            new ReplaceOptions().upsert(true));
        }
        if (moved > 0) {
            log.info("Moved the shared conversation facts of {} days into documents of their own", moved);
        }
        return moved;
    }

    /**
     * Before a report of the day {@code dayId} is recorded: if the day held shared facts when listed,
     * they are moved first (by this report, or by whoever holds the day's lock).
     *
     * @throws IllegalStateException when the day's lock stayed taken (the relay delivers the report again)
     */
    void beforeReport(String dayId) {
        Set<String> listed = days;
        if (listed == null) {
            listed = list(false);
        }
        if (!listed.isEmpty() && listed.contains(dayId)) {
            moveUnderLock(dayId);
        }
    }

    /** The listing, made once per process unless {@code again}; the marker spares it. */
    synchronized Set<String> list(boolean again) {
        if (days == null || again) {
            Set<String> found = ConcurrentHashMap.newKeySet();
            if (again || upgrades().find(new Document("_id", MARKER)).first() == null) {
                found.addAll(sharedDays());
            }
            days = found;
        }
        return days;
    }

    private boolean moveUnderLock(String dayId) {
        boolean[] moved = {false};
        if (!locks.withLock("analytics:facts-upgrade:" + dayId, WAIT, () -> moved[0] = move(dayId))) {
            throw new IllegalStateException("the shared conversation facts of " + dayId + " are still being moved");
        }
        return moved[0];
    }

    /** Moves the day's shared facts, if any are left, and recomputes the day; false when none were left. */
    private boolean move(String dayId) {
        List<String> ids = new ArrayList<>(BUCKETS + 1);
        ids.add(dayId);
        for (int b = 0; b < BUCKETS; b++) {
            ids.add(dayId + "#" + HexFormat.of().toHexDigits((byte) b));
        }
        List<Document> shared = new ArrayList<>();
        facts().find(new Document("_id", new Document("$in", ids)).append("facts", new Document("$exists", true)))
                .into(shared);
        if (shared.isEmpty()) {
            days.remove(dayId);
            return false;
        }
        int cut = dayId.lastIndexOf('/');
        String merchantId = dayId.substring(0, cut);
        String day = dayId.substring(cut + 1);
        for (Document d : shared) {
            if (d.get("facts") instanceof Document byId) {
                for (Object f : byId.values()) {
                    ConversationFact fact = mongo.getConverter().read(ConversationFact.class, (Document) f);
                    ConversationRollups.setFact(facts(), fact);
                }
            }
        }
        recompute(merchantId, day);
        facts().deleteMany(new Document(
                "_id",
                new Document("$in", shared.stream().map(d -> d.get("_id")).toList())));
        days.remove(dayId);
        return true;
    }

    /** The day as the sum of its facts, each fact's counted copy made equal to it and no token left pending. */
    private void recompute(String merchantId, String day) {
        List<ConversationFact> all = new ArrayList<>();
        CountedMarks caughtUp = new CountedMarks(facts());
        for (Document stored : facts().find(new Document("merchantId", merchantId).append("day", day))
                .projection(new Document("fact", 1))
                .batchSize(BATCH)) {
            Document written = stored.get("fact", Document.class);
            if (written == null) {
                continue;
            }
            String id = stored.getString("_id");
            all.add(ConversationFact.read(id, merchantId, day, written));
            caughtUp.add(id, merchantId, written);
        }
        caughtUp.flush();
        ConversationDay sums = ConversationDay.of(merchantId, day, all);
        known.seen(merchantId);
        mongo.getCollection(ConversationDay.COLLECTION)
                .replaceOne(
                        new Document("_id", sums.id()),
                        ConversationDay.sumsOf(sums)
                                .append("merchantId", merchantId)
                                .append("day", day),
                        new ReplaceOptions().upsert(true));
    }

    /** Every day that has a shared facts document, by id ({@code <merchant>/<day>}). */
    private Set<String> sharedDays() {
        Set<String> found = ConcurrentHashMap.newKeySet();
        for (Document d : facts().find(new Document("facts", new Document("$exists", true)))
                .projection(new Document("_id", 1))
                .batchSize(BATCH)) {
            String id = String.valueOf(d.get("_id"));
            int bucket = id.lastIndexOf('#');
            found.add(bucket < 0 ? id : id.substring(0, bucket));
        }
        return found;
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(ConversationRollups.FACTS);
    }

    private MongoCollection<Document> upgrades() {
        return mongo.getCollection(COLLECTION);
    }
}
