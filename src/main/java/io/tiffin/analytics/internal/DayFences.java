package io.tiffin.analytics.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Recounts conversation days from their facts exactly while reports go on. A day is recounted behind a
 * fence written into the day's document ({@value #FENCE}: a token and the time it runs out): a report
 * moves a day only where no fence stands (the same single-document update that checks its token), and
 * one that meets a fence waits for it to be lifted, then moves the day as the recount left it. So no
 * report is summed into a day that is then replaced (lost) or moved again over a sum that already holds
 * it (counted twice). A fence whose holder died runs out after {@link #HOLD}; the first report that
 * meets it recounts the day itself. The day's own document is the one every report writes: a
 * conversation day's sums ({@link Days#CONVERSATIONS}), an order day's facts ({@link Days#ORDERS}).
 *
 * <p>Why a fence in the day and not only the day's cluster lock: reports do not take any lock (a lock
 * per report would serialize a busy day across instances), but they do write the day, so a condition
 * on that write costs nothing.
 */
@Component
class DayFences {

    /** Where a kind of day is written by every report, so its fence is checked at no extra cost. */
    enum Days {
        CONVERSATIONS(ConversationDay.COLLECTION, true),
        /** Order days' facts: documents written before they named their merchant are found by id alone. */
        ORDERS(Rollups.DAY_FACTS, false);

        final String collection;
        private final boolean namesMerchant;

        Days(String collection, boolean namesMerchant) {
            this.collection = collection;
            this.namesMerchant = namesMerchant;
        }

        Document byId(String dayId, String merchantId) {
            Document id = new Document("_id", dayId);
            return namesMerchant ? id.append("merchantId", merchantId) : id;
        }
    }

    /** Recounts a day the caller fenced with {@code token}, lifting the fence with its write. */
    @FunctionalInterface
    interface Recount {
        void fenced(String merchantId, String day, String token);
    }

    static final String FENCE = "fence";
    static final Duration HOLD = Duration.ofMinutes(2);
    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * How long a report waits for a fence before it fails and the event relay delivers it again later:
     * long enough for one day's recount, short, since the report holds one of the relay's few lanes
     * (customer updates queue behind it) while a whole rebuild keeps every day fenced.
     */
    static final Duration REPORT_WAIT = Duration.ofMillis(250);

    private static final int BATCH = 500;
    private static final long SPIN_MILLIS = 20;

    private final MongoTemplate mongo;
    private final AnalyticsMerchants known;

    DayFences(MongoTemplate mongo, AnalyticsMerchants known) {
        this.mongo = mongo;
        this.known = known;
    }

    /** A token for the fences of one recount. */
    static String token() {
        return UUID.randomUUID().toString();
    }

    /**
     * Fences the day for {@code token}, waiting up to {@link #WAIT} for another fence to be lifted or run out.
     *
     * @throws IllegalStateException when another recount kept the day fenced all along
     */
    void fence(String merchantId, String day, String token) {
        fence(Days.CONVERSATIONS, merchantId, day, token);
    }

    /** As {@link #fence(String, String, String)}, for the given kind of day. */
    void fence(Days kind, String merchantId, String day, String token) {
        String dayId = DayRollup.idOf(merchantId, day);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                days(kind)
                        .updateOne(
                                kind.byId(dayId, merchantId).append(FENCE, new Document("$exists", false)),
                                new Document(
                                        "$set",
                                        new Document("merchantId", merchantId)
                                                .append("day", day)
                                                .append(FENCE, fenceOf(token))),
                                new UpdateOptions().upsert(true));
                return;
            } catch (MongoException fenced) {
                if (fenced.getCode() != 11000) {
                    throw fenced;
                }
            }
            Document other = fenceOn(kind, dayId, merchantId);
            if (other != null && runOut(other) && takeOver(kind, dayId, merchantId, other, token)) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("day " + dayId + " stayed fenced by another recount");
            }
            pause();
        }
    }

    /** Keeps the fences of a long recount standing. */
    void extend(String token) {
        extend(Days.CONVERSATIONS, token);
    }

    void extend(Days kind, String token) {
        days(kind)
                .updateMany(
                        new Document(FENCE + ".token", token),
                        new Document("$set", new Document(FENCE + ".until", until())));
    }

    /**
     * A report met a fence on the day: waits until it is lifted; a fence that ran out (its recount died)
     * is taken over and the day recounted here.
     *
     * @throws IllegalStateException when the day stayed fenced for {@link #REPORT_WAIT} (the relay delivers the
     *     report again; its fact keeps its pending token, which the recount counts or the next attempt settles)
     */
    void awaitLifted(String merchantId, String day) {
        awaitLifted(Days.CONVERSATIONS, merchantId, day, this::recountFenced);
    }

    /** As {@link #awaitLifted(String, String)}, for the given kind of day and its way of recounting one. */
    void awaitLifted(Days kind, String merchantId, String day, Recount recount) {
        String dayId = DayRollup.idOf(merchantId, day);
        long deadline = System.nanoTime() + REPORT_WAIT.toNanos();
        while (true) {
            Document fence = fenceOn(kind, dayId, merchantId);
            if (fence == null) {
                return;
            }
            if (runOut(fence)) {
                String token = token();
                if (takeOver(kind, dayId, merchantId, fence, token)) {
                    recount.fenced(merchantId, day, token);
                    return;
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("day " + dayId + " is being recounted; the report is delivered again");
            }
            pause();
        }
    }

    /** Whether the day's document has a fence standing (looked at after a report's write to it missed). */
    boolean fenced(String merchantId, String day) {
        return fenceOn(Days.CONVERSATIONS, DayRollup.idOf(merchantId, day), merchantId) != null;
    }

    /** Recounts one day from its facts behind a fence of its own. */
    void recount(String merchantId, String day) {
        String token = token();
        fence(merchantId, day, token);
        recountFenced(merchantId, day, token);
    }

    private void recountFenced(String merchantId, String day, String token) {
        FactTally tally = new FactTally(facts());
        for (Document stored : facts().find(new Document("merchantId", merchantId).append("day", day))
                .projection(new Document("merchantId", 1)
                        .append("day", 1)
                        .append("fact", 1)
                        .append("pending", 1))
                .batchSize(BATCH)) {
            tally.add(stored);
        }
        tally.flush();
        write(merchantId, day, token, tally);
    }

    /**
     * Replaces the fenced day with the tally's sums (or removes it when no fact of it was counted),
     * keeping the pending tokens the tally counted as applied; the fence goes with it.
     *
     * @return false when the fence was no longer this recount's (it ran out and another took it over)
     */
    boolean write(String merchantId, String day, String token, FactTally tally) {
        String dayId = DayRollup.idOf(merchantId, day);
        Document ours =
                new Document("_id", dayId).append("merchantId", merchantId).append(FENCE + ".token", token);
        ConversationDay sums = tally.sumsOf(dayId);
        if (sums == null) {
            return days().deleteOne(ours).getDeletedCount() == 1;
        }
        known.seen(merchantId);
        Document applied = new Document();
        tally.absorbed(dayId).forEach(t -> applied.append(t, 1));
        Document written =
                ConversationDay.sumsOf(sums).append("merchantId", merchantId).append("day", day);
        if (!applied.isEmpty()) {
            written.append(ConversationRollups.APPLIED, applied);
        }
        return days().replaceOne(ours, written).getMatchedCount() == 1;
    }

    private boolean takeOver(Days kind, String dayId, String merchantId, Document runOut, String token) {
        return days(kind)
                        .updateOne(
                                kind.byId(dayId, merchantId).append(FENCE + ".token", runOut.get("token")),
                                new Document("$set", new Document(FENCE, fenceOf(token))))
                        .getMatchedCount()
                == 1;
    }

    private Document fenceOn(Days kind, String dayId, String merchantId) {
        Document day = days(kind)
                .find(kind.byId(dayId, merchantId))
                .projection(new Document(FENCE, 1))
                .first();
        return day == null ? null : day.get(FENCE, Document.class);
    }

    private static boolean runOut(Document fence) {
        return fence.get("until") instanceof Date until && until.before(new Date());
    }

    private static Document fenceOf(String token) {
        return new Document("token", token).append("until", until());
    }

    private static Date until() {
        return new Date(System.currentTimeMillis() + HOLD.toMillis());
    }

    private static void pause() {
        try {
            Thread.sleep(SPIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a day was fenced", e);
        }
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(ConversationRollups.FACTS);
    }

    private MongoCollection<Document> days() {
        return days(Days.CONVERSATIONS);
    }

    private MongoCollection<Document> days(Days kind) {
        return mongo.getCollection(kind.collection);
    }
}
