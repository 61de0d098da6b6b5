package io.tiffin.analytics.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Marks conversation facts as counted in a day summed from them (their counted copy made equal to
 * the fact, no token left pending), written in batches while a recomputation streams the facts.
 */
final class CountedMarks {

    private static final int BATCH = 500;

    private final MongoCollection<Document> facts;
    private final List<WriteModel<Document>> marks = new ArrayList<>();

    CountedMarks(MongoCollection<Document> facts) {
        this.facts = facts;
    }

    void add(String id, String merchantId, Document written) {
        marks.add(new UpdateOneModel<>(
                new Document("_id", id).append("merchantId", merchantId),
                new Document("$set", new Document("counted", written)).append("$unset", new Document("pending", ""))));
        if (marks.size() == BATCH) {
            flush();
        }
    }

    void flush() {
        if (!marks.isEmpty()) {
            facts.bulkWrite(marks);
            marks.clear();
        }
    }
}
