package io.tiffin.analytics.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.cluster.ClusterJobs;
import io.tiffin.platform.cluster.ClusterLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves conversation facts that earlier versions kept many to a document ({@code <merchant>/<day>}
 * with every fact of the day, or {@code <merchant>/<day>#<bucket>}, 64 per day) into documents of
 * their own, once, without a rebuild: a report whose fact sat in such a document would otherwise find
 * no fact of its own and count the conversation a second time.
 *
 * <p>The days still holding shared facts are listed once per process, before the first report is
 * recorded (this version never writes them, so the list only shrinks); a marker ({@value #MARKER} in
 * {@value #COLLECTION}) spares the listing once every day has moved, and is written by the first
 * listing that finds none (a new install's first start), so a start with the marker reads nothing of
 * the facts collection. A day moves under a cluster lock of its own: its shared facts are set as
 * facts of their own (a later report already stored wins), the day is recounted from all its facts
 * behind its fence ({@link DayFences}), then the shared documents go. A report of a listed day takes
 * the same lock first and moves the day if nobody has, so no report moves a day by difference while
 * its facts are only partly moved; a crash midway leaves the shared documents, and the move is done
 * again whole. At start one instance ({@link ClusterJobs}) moves every listed day.
 *
 * <p>Instances of an earlier version still running in a rolling upgrade write days the old ways after
 * the marker; {@link #settleOldWritesEveryRound} finds and settles those of today and yesterday.
 */
@Component
class SharedFactsUpgrade {

    static final String COLLECTION = "analytics_upgrades";
    static final String MARKER = "conversation-facts-own-documents";
    static final String JOB = "analytics-conversation-facts-upgrade";
    private static final String LOCK = "analytics:facts-upgrade:";
    static final String OLD_WRITES_JOB = "analytics-conversation-old-writes";

    private static final Logger log = LoggerFactory.getLogger(SharedFactsUpgrade.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BUCKETS = 64;
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final ClusterLocks locks;
    private final ClusterJobs jobs;
    private final AnalyticsMerchants known;
    private final DayFences fences;
    private final MerchantDirectory merchants;
    private final Clock clock;
    /** Days that held shared facts when listed; null until listed. */
    private volatile Set<String> days;
    /** Listings of the whole facts collection made by this process. */
    private final AtomicInteger scans = new AtomicInteger();

    SharedFactsUpgrade(
            MongoTemplate mongo,
            ClusterLocks locks,
            ClusterJobs jobs,
            AnalyticsMerchants known,
            DayFences fences,
            MerchantDirectory merchants,
            Clock clock) {
        this.mongo = mongo;
        this.locks = locks;
        this.jobs = jobs;
        this.known = known;
        this.fences = fences;
        this.merchants = merchants;
        this.clock = clock;
    }

    /**
     * At start, unless the marker says nothing is left, one instance moves every day still holding shared
     * facts (reports move theirs meanwhile). With the marker there, no start lists the facts collection.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (marked()) {
            return;
        }
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
        Set<String> listed = list(true);
        boolean nothingOld = listed.isEmpty(); // the set shrinks as days move
        int moved = 0;
        for (String dayId : List.copyOf(listed)) {
            if (moveUnderLock(dayId)) {
                moved++;
            }
        }
        // listed empty: nothing old, marked at once; else listed again, for what old instances wrote meanwhile
        if (nothingOld || sharedDays().isEmpty()) {
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
            if (again || !marked()) {
                found.addAll(sharedDays());
            }
            days = found;
        }
        return days;
    }

    private boolean marked() {
        return upgrades().find(new Document("_id", MARKER)).first() != null;
    }

    /** How many times this process listed the whole facts collection. */
    int scans() {
        return scans.get();
    }

    /**
     * A rolling upgrade's old instances, still running beside this version, write days the old ways
     * (facts in shared documents, the day's sums in parts or over a rev). Each round, once across
     * instances, every known merchant's today and yesterday (in its time zone) are looked up by id
     * (two reads per merchant, no scan) and a day an old instance wrote is settled as at the upgrade:
     * its shared facts moved, the day recounted. So the days are exact again within a round of the last
     * old instance stopping; meanwhile each round finding one logs an error naming the day.
     */
    @Scheduled(
            fixedDelayString = "${tiffin.analytics.old-writes-every:1m}",
            initialDelayString = "${tiffin.analytics.old-writes-every:1m}")
    void settleOldWritesEveryRound() {
        try {
            jobs.runOnce(OLD_WRITES_JOB, Duration.ofMinutes(1), this::settleOldWrites);
        } catch (RuntimeException e) {
            log.warn("Looking for conversation days written the old ways did not finish: {}", e.toString());
        }
    }

    /** One round of {@link #settleOldWritesEveryRound}; answers the days settled. */
    int settleOldWrites() {
        int settled = 0;
        for (String merchantId : known.all()) {
            ZoneId zone = merchants.recent(merchantId).map(Merchant::zone).orElse(ZoneOffset.UTC);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            for (LocalDate day : List.of(today, today.minusDays(1))) {
                String dayId = DayRollup.idOf(merchantId, day.toString());
                Document written = mongo.getCollection(ConversationDay.COLLECTION)
                        .find(new Document("_id", dayId).append("merchantId", merchantId))
                        .projection(new Document(ConversationDay.PARTS, 1).append("computedRev", 1))
                        .first();
                if (written != null
                        && (written.containsKey(ConversationDay.PARTS) || written.containsKey("computedRev"))) {
                    log.error(
                            "Conversation day {} was written by an instance of an earlier version (facts in shared"
                                    + " documents): stop the instances of earlier versions; the day is recounted now",
                            dayId);
                    String on = day.toString();
                    if (!locks.withLock(LOCK + dayId, WAIT, () -> {
                        if (!move(dayId)) {
                            fences.recount(merchantId, on); // its sums only: no shared facts left
                        }
                    })) {
                        throw new IllegalStateException("conversation day " + dayId + " is being moved elsewhere");
                    }
                    settled++;
                }
            }
        }
        return settled;
    }

    private boolean moveUnderLock(String dayId) {
        boolean[] moved = {false};
        if (!locks.withLock(LOCK + dayId, WAIT, () -> moved[0] = move(dayId))) {
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
            forget(dayId);
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
        fences.recount(merchantId, day);
        facts().deleteMany(new Document(
                "_id",
                new Document("$in", shared.stream().map(d -> d.get("_id")).toList())));
        forget(dayId);
        return true;
    }

    private void forget(String dayId) {
        Set<String> listed = days;
        if (listed != null) {
            listed.remove(dayId);
        }
    }

    /** Every day that has a shared facts document, by id ({@code <merchant>/<day>}). */
    private Set<String> sharedDays() {
        scans.incrementAndGet();
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
