package io.tiffin.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The merchants that have any roll-up ({@code analytics_merchants}), so a summary can name the days
 * it needs by id ({@code merchant/day}) instead of filtering every stored day: the embedded store
 * indexes only ids, and a range query there reads every roll-up ever stored.
 */
@Component
class AnalyticsMerchants {

    static final String COLLECTION = "analytics_merchants";

    private final MongoTemplate mongo;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    AnalyticsMerchants(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the merchant once per process (a repeat is an upsert of the same id, harmless). */
    void seen(String merchantId) {
        if (merchantId != null && written.add(merchantId)) {
            write(merchantId);
        }
    }

    /** Records it whatever this process remembers: a rebuild must leave the list whole. */
    void write(String merchantId) {
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", merchantId),
                        new Document("_id", merchantId),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /**
     * Roll-ups stored before this list existed: their merchants are added once at start (a scan of
     * the roll-ups' merchant ids; until it is done, a summary of all merchants may leave them out).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void addMerchantsOfStoredDays() {
        for (String collection : List.of(DayRollup.COLLECTION, ConversationDay.COLLECTION)) {
            for (String merchantId : mongo.getCollection(collection).distinct("merchantId", String.class)) {
                seen(merchantId);
            }
        }
    }

    List<String> all() {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(COLLECTION).find().forEach(d -> ids.add(String.valueOf(d.get("_id"))));
        return ids;
    }
}
