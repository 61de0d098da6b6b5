package io.tiffin.analytics.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Sums conversation facts into their days while marking each as counted (its counted copy made equal
 * to the fact, its pending token removed), for days fenced against reports ({@link DayFences}). A mark
 * holds only over the state it was read in (the same pending token, or none), so a report that wrote
 * the fact after it was read makes the mark miss; the fact is then read again and counted as it is
 * now. A pending token counted this way is kept for the day ({@link #absorbed}): its report, still
 * waiting for the fence, finds it applied and moves the day no more. Marks go in batches.
 */
final class FactTally {

    private static final int BATCH = 500;

    private final MongoCollection<Document> facts;
    private final Map<String, ConversationDay> sums = new LinkedHashMap<>();
    private final Map<String, Set<String>> absorbed = new HashMap<>();
    private final List<Read> batch = new ArrayList<>();

    FactTally(MongoCollection<Document> facts) {
        this.facts = facts;
    }

    /** A stored fact as read: {@code _id}, {@code merchantId}, {@code day}, {@code fact}, {@code pending}. */
    void add(Document stored) {
        Read read = Read.of(stored);
        if (read == null) {
            return;
        }
        count(read, 1);
        batch.add(read);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> marks = new ArrayList<>(batch.size());
        batch.forEach(r -> marks.add(new UpdateOneModel<>(r.asRead(), r.mark())));
        if (facts.bulkWrite(marks, new BulkWriteOptions().ordered(false)).getMatchedCount() < batch.size()) {
            batch.forEach(this::checkMarked);
        }
        batch.clear();
    }

    /** The day's sums, or null when no fact of it was counted. */
    ConversationDay sumsOf(String dayId) {
        return sums.get(dayId);
    }

    /** The pending tokens counted for the day, to be kept as applied in it. */
    Set<String> absorbed(String dayId) {
        return absorbed.getOrDefault(dayId, Set.of());
    }

    /** A mark of the batch that missed: the fact changed after it was read, so it is counted as it is now. */
    private void checkMarked(Read read) {
        Document now = facts.find(read.byId()).first();
        if (now != null && now.get("pending") == null && Objects.equals(now.get("counted"), read.fact)) {
            return; // marked as read
        }
        count(read, -1);
        while (now != null) {
            Read again = Read.of(now);
            if (again == null) {
                return;
            }
            if (facts.updateOne(again.asRead(), again.mark()).getMatchedCount() == 1) {
                count(again, 1);
                return;
            }
            now = facts.find(read.byId()).first();
        }
    }

    private void count(Read read, int sign) {
        ConversationDay one = ConversationDay.of(
                read.merchantId,
                read.day,
                List.of(ConversationFact.read(read.id, read.merchantId, read.day, read.fact)));
        if (sign > 0) {
            sums.merge(one.id(), one, (a, b) -> a.plus(b, 1));
        } else {
            sums.computeIfPresent(one.id(), (d, a) -> a.plus(one, -1));
        }
        if (read.pending != null) {
            if (sign > 0) {
                absorbed.computeIfAbsent(one.id(), d -> new LinkedHashSet<>()).add(read.pending);
            } else {
                absorbed.getOrDefault(one.id(), new LinkedHashSet<>()).remove(read.pending);
            }
        }
    }

    private record Read(String id, String merchantId, String day, Document fact, String pending) {

        static Read of(Document stored) {
            Document fact = stored.get("fact", Document.class);
            String merchantId = stored.getString("merchantId");
            String day = stored.getString("day");
            if (fact == null || merchantId == null || day == null) {
                return null;
            }
            return new Read(stored.getString("_id"), merchantId, day, fact, stored.getString("pending"));
        }

        Document byId() {
            return new Document("_id", id).append("merchantId", merchantId);
        }

        /** The fact as read: the same pending token, or none. */
        Document asRead() {
            return byId().append("pending", pending == null ? new Document("$exists", false) : pending);
        }

        Document mark() {
            return new Document("$set", new Document("counted", fact)).append("$unset", new Document("pending", ""));
        }
    }
}
