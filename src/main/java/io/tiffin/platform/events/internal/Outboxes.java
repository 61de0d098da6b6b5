package io.tiffin.platform.events.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and trims the {@code outbox} field of documents in declared collections, through the driver
 * and never through an entity: a trim must not rewrite the aggregate (nor bump its version, which
 * would make a merchant's concurrent tap fail its optimistic lock).
 */
@Component
class Outboxes {

    static final String FIELD = "outbox";
    /** Set on an entry put back by a redrive: only this handler still has to take it. */
    static final String REDRIVE_FOR = "redriveFor";

    private final MongoTemplate mongo;

    Outboxes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A document's id as stored, and its pending entries as stored, oldest first. */
    record Pending(Object documentId, List<Document> entries) {}

    /** The pending entries of one document; null when it is gone. */
    Pending read(String collection, Object documentId) {
        Document found = find(collection, documentId);
        if (found == null && documentId instanceof String hex && ObjectId.isValid(hex)) {
            // callers may pass the string form of an ObjectId (as Spring Data shows it on an entity)
            found = find(collection, new ObjectId(hex));
        }
        return found == null ? null : pending(found);
    }

    /**
     * The pending entries of several documents of one collection, in one query, by each id as given
     * ({@code String.valueOf}); a document that is gone is missing from the answer.
     */
    Map<String, Pending> readAll(String collection, Collection<Object> documentIds) {
        List<Object> ids = new ArrayList<>();
        for (Object id : documentIds) {
            ids.add(id);
            if (id instanceof String hex && ObjectId.isValid(hex)) {
                ids.add(new ObjectId(hex)); // either form may be the stored one
            }
        }
        Map<String, Pending> found = new HashMap<>();
        mongo.getCollection(collection)
                .find(Filters.in("_id", ids))
                .projection(Projections.include(FIELD))
                .forEach(document -> found.put(String.valueOf(document.get("_id")), pending(document)));
        return found;
    }

    private static Pending pending(Document found) {
        List<Document> entries = new ArrayList<>();
        if (found.get(FIELD) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Document entry) {
                    entries.add(entry);
                }
            }
        }
        return new Pending(found.get("_id"), entries);
    }

    /**
     * Removes entries from several documents of one collection by their ids, in one write per way an
     * entry keeps its id (atomic per document, whatever else it holds).
     */
    void removeAll(String collection, Collection<Object> documentIds, Collection<Document> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, List<Object>> byKey = new HashMap<>();
        for (Document entry : entries) {
            byKey.computeIfAbsent(idKey(entry), k -> new ArrayList<>()).add(entry.get(idKey(entry)));
        }
        byKey.forEach((key, entryIds) -> mongo.getCollection(collection)
                .updateMany(
                        Filters.in("_id", documentIds),
                        new Document("$pull", new Document(FIELD, new Document(key, new Document("$in", entryIds))))));
    }

    private Document find(String collection, Object documentId) {
        return mongo.getCollection(collection)
                .find(Filters.eq("_id", documentId))
                .projection(Projections.include(FIELD))
                .first();
    }

    /** Removes one entry from its document by its id (atomic, whatever else the document holds). */
    void remove(String collection, Object documentId, Document entry) {
        mongo.getCollection(collection)
                .updateOne(
                        Filters.eq("_id", documentId),
                        new Document(
                                "$pull", new Document(FIELD, new Document(idKey(entry), entry.get(idKey(entry))))));
    }

    /** Appends an entry to a document's outbox; false when the document is gone. */
    boolean append(String collection, Object documentId, Document entry) {
        return mongo.getCollection(collection)
                        .updateOne(Filters.eq("_id", documentId), new Document("$push", new Document(FIELD, entry)))
                        .getMatchedCount()
                == 1;
    }

    boolean contains(String collection, Object documentId, String entryId) {
        Pending pending = read(collection, documentId);
        return pending != null && pending.entries().stream().anyMatch(e -> entryId.equals(entryId(e)));
    }

    /** Ids of documents with at least one pending entry, at most {@code limit}. */
    List<Object> withPendingEntries(String collection, int limit) {
        List<Object> ids = new ArrayList<>();
        mongo.getCollection(collection)
                .find(Filters.exists(FIELD + ".0"))
                .projection(Projections.include("_id"))
                .limit(limit)
                .forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    /** Spring Data stores a record component named {@code id} as {@code _id}, even in an embedded document. */
    static String entryId(Document entry) {
        return Objects.toString(entry.containsKey("_id") ? entry.get("_id") : entry.get("id"), null);
    }

    private static String idKey(Document entry) {
        return entry.containsKey("_id") ? "_id" : "id";
    }
}
