package io.tiffin.analytics.internal;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps facts and day roll-ups in step with the orders, touching documents by id only (the embedded
 * store indexes nothing else). A day's facts live in one document ({@code analytics_day_facts}): the
 * live path sets one order's fact there and bumps the day's {@code rev} in the same atomic update,
 * which answers every fact of the day as of that rev; the roll-up computed from them is written only
 * over one computed from an older rev, so parallel lanes cannot leave a stale day behind.
 * A customer's first order per merchant ({@code analytics_customers}) decides "returning".
 *
 * <p>A rebuild fences every day in its facts document ({@link DayFences}, {@link DayFences.Days#ORDERS})
 * before it reads the orders: the live path's update of the day checks for the fence in the same
 * command, and an event of a day being recounted waits briefly, then fails and is delivered again by the
 * event relay, after the rebuild wrote the day, so it is neither lost in a replaced day nor left out.
 */
@Component
class Rollups {

    static final String ORDERS = "orders";
    static final String DAY_FACTS = "analytics_day_facts";
    static final String CUSTOMERS = "analytics_customers";
    /** Who delivered an order, by order id, copied from the delivery when it is completed. */
    static final String ORDER_DRIVERS = "analytics_order_drivers";

    static final String DELIVERIES = "deliveries";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final MerchantDirectory merchants;
    private final AnalyticsProperties properties;
    private final String autoRejectReason;
    private final AnalyticsMerchants known;
    private final DayFences fences;

    /**
     * {@code autoRejectReason} is the platform's words on orders nobody accepted in time; the stored
     * order has nothing else that tells them from a kitchen's own rejection.
     */
    Rollups(
            MongoTemplate mongo,
            MerchantDirectory merchants,
            AnalyticsProperties properties,
            @org.springframework.beans.factory.annotation.Value(
                            "${tiffin.orders.auto-reject-reason:Not accepted in time}")
                    String autoRejectReason,
            AnalyticsMerchants known,
            DayFences fences) {
        this.known = known;
        this.fences = fences;
        this.mongo = mongo;
        this.merchants = merchants;
        this.properties = properties;
        this.autoRejectReason = autoRejectReason;
    }

    /** Brings one order's fact and its day up to date; repeating it changes nothing. */
    void refresh(String orderId) {
        Document order = mongo.findOne(byId(orderId), Document.class, ORDERS);
        if (order == null) {
            return;
        }
        String merchantId = order.getString("merchantId");
        String customer = OrderFact.customerKey(order.getString("channel"), order.get("customer", Document.class));
        String mine = firstKey(OrderFact.createdAt(order), OrderFact.idOf(order));
        String customerId = merchantId + "/" + customer;
        String first = null;
        if (customer != null) {
            Document before = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(customerId)),
                    new Update().min("first", mine),
                    FindAndModifyOptions.options().upsert(true).returnNew(false),
                    Document.class,
                    CUSTOMERS);
            first = before == null || before.getString("first") == null ? mine : before.getString("first");
            if (first.compareTo(mine) > 0) {
                // this order came first after all: the one that was thought first is a returning customer's
                refresh(first.substring(first.indexOf('|') + 1));
                first = mine;
            }
        }
        OrderFact.Driver driver = driverOf(OrderFact.idOf(order));
        while (true) {
            OrderFact fact = OrderFact.of(
                    order,
                    zoneOf(merchantId),
                    !mine.equals(first) && first != null,
                    autoRejectReason,
                    properties.deliveryAllowance(),
                    driver);
            write(fact);
            if (customer == null) {
                return;
            }
            // an earlier order of the customer may have been handled meanwhile, and its correction may
            // have read our premise before we wrote: check it after the write, and write again if it moved
            Document now = mongo.findOne(Query.query(Criteria.where("_id").is(customerId)), Document.class, CUSTOMERS);
            String current = now == null ? first : now.getString("first");
            if (current.equals(first)) {
                return;
            }
            first = current;
        }
    }

    /**
     * A delivery was completed: its driver is copied beside the order (found by the order's id, the
     * only index the embedded store has), then the order's fact is brought up to date.
     */
    void delivered(String deliveryId) {
        Document delivery = mongo.findOne(byId(deliveryId), Document.class, DELIVERIES);
        if (delivery == null || delivery.getString("orderId") == null) {
            return;
        }
        String orderId = delivery.getString("orderId");
        if (delivery.getString("driverId") != null) {
            mongo.getCollection(ORDER_DRIVERS)
                    .replaceOne(
                            new Document("_id", orderId),
                            driverDocument(orderId, delivery),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        refresh(orderId);
    }

    private static Document driverDocument(String orderId, Document delivery) {
        return new Document("_id", orderId)
                .append("driverId", delivery.getString("driverId"))
                .append("driverName", delivery.getString("driverName"));
    }

    private OrderFact.Driver driverOf(String orderId) {
        Document driver = mongo.getCollection(ORDER_DRIVERS)
                .find(new Document("_id", orderId))
                .first();
        return driver == null
                ? null
                : new OrderFact.Driver(driver.getString("driverId"), driver.getString("driverName"));
    }

    private void write(OrderFact fact) {
        long version = fact.orderVersion();
        Document stored = new Document();
        mongo.getConverter().write(fact, stored);
        stored.remove("_class");
        String id = DayRollup.idOf(fact.merchantId(), fact.day());
        String field = "facts." + fact.id();
        // a slower lane holding an older copy of the order must not overwrite a newer one's fact
        // and not while a recount fences the day (no extra command: the same update checks it)
        Query notNewer = Query.query(Criteria.where("_id")
                .is(id)
                .and(DayFences.FENCE)
                .exists(false)
                .orOperator(
                        Criteria.where(field).exists(false),
                        Criteria.where(field + ".orderVersion").lte(version)));
        // not an upsert over notNewer: where a newer fact is stored that is a duplicate key, which the
        // embedded store logs as an error for a find-and-modify; the day's first fact is inserted apart
        Document day = null;
        while (day == null) {
            day = mongo.findAndModify(
                    notNewer,
                    new Update().set(field, stored).inc("rev", 1L),
                    FindAndModifyOptions.options().returnNew(true),
                    Document.class,
                    DAY_FACTS);
            if (day != null) {
                break;
            }
            Document existing;
            try {
                existing = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update().setOnInsert(field, stored).setOnInsert("rev", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(false),
                        Document.class,
                        DAY_FACTS);
            } catch (org.springframework.dao.DuplicateKeyException inserted) {
                continue; // inserted by another lane at the same moment
            }
            if (existing != null && existing.get(DayFences.FENCE) != null) {
                // a recount of the day: once it is lifted the day holds the recount's facts, and this one
                // is written over them (or, after REPORT_WAIT, the event fails and is delivered again)
                fences.awaitLifted(DayFences.Days.ORDERS, fact.merchantId(), fact.day(), this::recountFenced);
                continue;
            }
            if (existing == null) {
                day = new Document("_id", id)
                        .append("facts", new Document(fact.id(), stored))
                        .append("rev", 1L);
            } else if (existing.get("facts") instanceof Document facts
                    && facts.get(fact.id()) instanceof Document other
                    && !(other.get("orderVersion") instanceof Number v && v.longValue() <= version)) {
                return; // a newer fact is stored
            }
            // otherwise the day changed between the two writes: try again
        }
        writeRollup(fact.merchantId(), fact.day(), day);
    }

    private void writeRollup(String merchantId, String day, Document dayFacts) {
        known.seen(merchantId);
        long rev = ((Number) dayFacts.get("rev")).longValue();
        List<OrderFact> facts = new ArrayList<>();
        dayFacts.get("facts", Document.class)
                .values()
                .forEach(f -> facts.add(mongo.getConverter().read(OrderFact.class, (Document) f)));
        Document rollup = rollupDocument(DayRollup.of(merchantId, day, facts), rev);
        rollup.remove("_id");
        try {
            mongo.getCollection(DayRollup.COLLECTION)
                    .updateOne(
                            new Document("_id", DayRollup.idOf(merchantId, day))
                                    .append("computedRev", new Document("$lt", rev)),
                            new Document("$set", rollup),
                            new com.mongodb.client.model.UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException newerWritten) {
            // the upsert met the day with a newer rev already computed (a duplicate _id): that one stands
            if (newerWritten.getError().getCode() != 11000) {
                throw newerWritten;
            }
        }
    }

    private Document rollupDocument(DayRollup rollup, long rev) {
        Document document = new Document();
        mongo.getConverter().write(rollup, document);
        document.remove("_class");
        return document.append("computedRev", rev);
    }

    /**
     * Replaces every fact, roll-up and first order with ones computed from the orders collection.
     * The orders are read once, unsorted and in batches (the embedded store answers a sorted query in
     * one reply, too big for 100,000 orders), then each merchant's facts are put in order in memory to
     * decide "returning". Answers the orders read. Exact while events go on: every day there is is
     * fenced before the orders are read, so an event of it waits for the rebuild's write of the day and
     * is then written over it; a day begun after the fences went up is fenced when the rebuild reaches it
     * and keeps the facts its events wrote meanwhile (the newer order version of each winning).
     */
    long rebuild() {
        String token = DayFences.token();
        Map<String, String> fenced = new LinkedHashMap<>(); // day id -> merchant id
        for (String collection : List.of(DAY_FACTS, DayRollup.COLLECTION)) {
            Query days = new Query().cursorBatchSize(BATCH);
            days.fields().include("_id");
            try (Stream<Document> found = mongo.stream(days, Document.class, collection)) {
                for (Document d : (Iterable<Document>) found::iterator) {
                    String id = String.valueOf(d.get("_id"));
                    int cut = id.lastIndexOf('/');
                    if (cut > 0) {
                        fenced.putIfAbsent(id, id.substring(0, cut));
                    }
                }
            }
        }
        fenced.forEach((dayId, merchantId) -> fences.fence(DayFences.Days.ORDERS, merchantId, dayOf(dayId), token));
        // first orders are written with $min below, so an event's write of one meanwhile stands if earlier
        mongo.remove(new Query(), CUSTOMERS);
        Map<String, OrderFact.Driver> drivers = rebuildDrivers();
        Query all = new Query().cursorBatchSize(BATCH);
        all.fields().exclude("outbox");
        Map<String, ZoneId> zones = new HashMap<>();
        Map<String, List<OrderFact>> byMerchant = new HashMap<>();
        long read = 0;
        long[] extended = {System.nanoTime()};
        try (Stream<Document> orders = mongo.stream(all, Document.class, ORDERS)) {
            for (Document order : (Iterable<Document>) orders::iterator) {
                read++;
                String merchantId = order.getString("merchantId");
                ZoneId zone = zones.computeIfAbsent(merchantId, this::zoneOf);
                byMerchant
                        .computeIfAbsent(merchantId, m -> new ArrayList<>())
                        .add(OrderFact.of(
                                order,
                                zone,
                                false,
                                autoRejectReason,
                                properties.deliveryAllowance(),
                                drivers.get(OrderFact.idOf(order))));
                if (System.nanoTime() - extended[0] > DayFences.HOLD.toNanos() / 4) {
                    fences.extend(DayFences.Days.ORDERS, token);
                    extended[0] = System.nanoTime();
                }
            }
        }
        Set<String> written = new HashSet<>();
        byMerchant.forEach((merchantId, facts) -> {
            known.write(merchantId);
            Map<String, String> firsts = new LinkedHashMap<>();
            Map<String, List<OrderFact>> days = daysOf(merchantId, facts, firsts, null);
            writeFirsts(firsts); // before the days: an event held up by a fence reads them once it is lifted
            days.forEach((day, dayFacts) -> {
                String dayId = DayRollup.idOf(merchantId, day);
                written.add(dayId);
                if (System.nanoTime() - extended[0] > DayFences.HOLD.toNanos() / 4) {
                    fences.extend(DayFences.Days.ORDERS, token);
                    extended[0] = System.nanoTime();
                }
                if (!fenced.containsKey(dayId)) {
                    // begun after the fences went up: its events' facts are kept beside the rebuild's
                    fences.fence(DayFences.Days.ORDERS, merchantId, day, token);
                    dayFacts = withLiveFacts(dayId, dayFacts, firsts);
                }
                writeFenced(merchantId, day, token, dayFacts);
            });
        });
        fenced.forEach((dayId, merchantId) -> {
            if (!written.contains(dayId)) {
                writeFenced(merchantId, dayOf(dayId), token, List.of()); // no order of it any more
            }
        });
        return read;
    }

    /**
     * Groups a merchant's facts by day, marking returning customers' orders in creation order, and
     * fills {@code firsts}; only the facts of {@code onlyDay} when it is given.
     */
    private static Map<String, List<OrderFact>> daysOf(
            String merchantId, List<OrderFact> facts, Map<String, String> firsts, String onlyDay) {
        facts.sort(
                java.util.Comparator.comparing((OrderFact f) -> f.createdAt()).thenComparing(f -> f.id()));
        Map<String, List<OrderFact>> days = new HashMap<>();
        for (OrderFact fact : facts) {
            boolean returning = false;
            if (fact.customerKey() != null) {
                String key = merchantId + "/" + fact.customerKey();
                returning = firsts.containsKey(key);
                firsts.putIfAbsent(key, firstKey(fact.createdAt(), fact.id()));
            }
            if (onlyDay == null || onlyDay.equals(fact.day())) {
                days.computeIfAbsent(fact.day(), d -> new ArrayList<>())
                        .add(returning ? fact.returningCustomer() : fact);
            }
        }
        return days;
    }

    /**
     * The rebuild's facts of a day it fenced after reading the orders, with the facts events wrote
     * there meanwhile: orders it did not read, and newer versions of those it did.
     */
    private List<OrderFact> withLiveFacts(String dayId, List<OrderFact> rebuilt, Map<String, String> firsts) {
        Document stored =
                mongo.getCollection(DAY_FACTS).find(new Document("_id", dayId)).first();
        if (stored == null || !(stored.get("facts") instanceof Document live)) {
            return rebuilt;
        }
        Map<String, OrderFact> merged = new LinkedHashMap<>();
        rebuilt.forEach(f -> merged.put(f.id(), f));
        live.values().forEach(v -> {
            OrderFact fact = mongo.getConverter().read(OrderFact.class, (Document) v);
            OrderFact mine = merged.get(fact.id());
            if (mine == null) {
                // an order after the rebuild's reading: returning if the customer had one before it
                String first =
                        fact.customerKey() == null ? null : firsts.get(fact.merchantId() + "/" + fact.customerKey());
                boolean returning = first != null && first.compareTo(firstKey(fact.createdAt(), fact.id())) < 0;
                merged.put(fact.id(), returning ? fact.returningCustomer() : fact);
            } else if (fact.orderVersion() > mine.orderVersion()) {
                merged.put(fact.id(), mine.returning() ? fact.returningCustomer() : fact);
            }
        });
        return new ArrayList<>(merged.values());
    }

    /**
     * Replaces the fenced day's facts (or removes the day when it has none), which lifts the fence,
     * then writes its roll-up. The rev goes on from the day's, so a roll-up an event computed before the
     * fence and writes late cannot stand over this one.
     *
     * @return false when the fence was no longer {@code token}'s (it ran out and another recount took it)
     */
    private boolean writeFenced(String merchantId, String day, String token, List<OrderFact> facts) {
        String dayId = DayRollup.idOf(merchantId, day);
        Document ours = new Document("_id", dayId).append(DayFences.FENCE + ".token", token);
        if (facts.isEmpty()) {
            if (mongo.getCollection(DAY_FACTS).deleteOne(ours).getDeletedCount() == 0) {
                return false;
            }
            mongo.getCollection(DayRollup.COLLECTION).deleteOne(new Document("_id", dayId));
            return true;
        }
        Document before = mongo.getCollection(DAY_FACTS).find(ours).first();
        if (before == null) {
            return false;
        }
        long rev = (before.get("rev") instanceof Number n ? n.longValue() : 0L) + 1;
        Document byOrder = new Document();
        for (OrderFact fact : facts) {
            Document stored = new Document();
            mongo.getConverter().write(fact, stored);
            stored.remove("_class");
            byOrder.append(fact.id(), stored);
        }
        Document written = new Document("_id", dayId).append("facts", byOrder).append("rev", rev);
        if (mongo.getCollection(DAY_FACTS).replaceOne(ours, written).getMatchedCount() == 0) {
            return false;
        }
        known.seen(merchantId);
        writeRollup(merchantId, day, written);
        return true;
    }

    /**
     * Recounts one fenced order day from the merchant's orders: a fence left by a rebuild that died,
     * taken over by the first event that met it after it ran out.
     */
    private void recountFenced(String merchantId, String day, String token) {
        Query mine = Query.query(Criteria.where("merchantId").is(merchantId)).cursorBatchSize(BATCH);
        mine.fields().exclude("outbox");
        ZoneId zone = zoneOf(merchantId);
        List<OrderFact> facts = new ArrayList<>();
        try (Stream<Document> orders = mongo.stream(mine, Document.class, ORDERS)) {
            for (Document order : (Iterable<Document>) orders::iterator) {
                OrderFact fact =
                        OrderFact.of(order, zone, false, autoRejectReason, properties.deliveryAllowance(), null);
                if (fact.day().equals(day)) {
                    fact = OrderFact.of(
                            order, zone, false, autoRejectReason, properties.deliveryAllowance(), driverOf(fact.id()));
                }
                facts.add(fact);
            }
        }
        Map<String, String> firsts = new LinkedHashMap<>();
        List<OrderFact> ofDay = daysOf(merchantId, facts, firsts, day).getOrDefault(day, List.of());
        writeFirsts(firsts);
        writeFenced(merchantId, day, token, ofDay);
    }

    /** Each customer's first order, never over an earlier one (an event may have written it meanwhile). */
    private void writeFirsts(Map<String, String> firsts) {
        List<com.mongodb.client.model.UpdateOneModel<Document>> writes = new ArrayList<>();
        firsts.forEach((id, first) -> writes.add(new com.mongodb.client.model.UpdateOneModel<>(
                new Document("_id", id),
                new Document("$min", new Document("first", first)),
                new com.mongodb.client.model.UpdateOptions().upsert(true))));
        for (int i = 0; i < writes.size(); i += BATCH) {
            mongo.getCollection(CUSTOMERS)
                    .bulkWrite(
                            writes.subList(i, Math.min(writes.size(), i + BATCH)),
                            new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    private static String dayOf(String dayId) {
        return dayId.substring(dayId.lastIndexOf('/') + 1);
    }

    /**
     * Replaces by id rather than inserting: a delivery's event handled while a rebuild runs may have
     * written the same driver first, and the rebuild's reading of it must not fail on that.
     */
    private void insert(String collection, List<Document> documents) {
        for (int i = 0; i < documents.size(); i += BATCH) {
            List<com.mongodb.client.model.ReplaceOneModel<Document>> writes =
                    documents.subList(i, Math.min(documents.size(), i + BATCH)).stream()
                            .map(d -> new com.mongodb.client.model.ReplaceOneModel<>(
                                    new Document("_id", d.get("_id")),
                                    d,
                                    new com.mongodb.client.model.ReplaceOptions().upsert(true)))
                            .toList();
            mongo.getCollection(collection)
                    .bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Every delivered delivery's driver, by order id, read once from the deliveries and kept beside the
     * orders. The copies are written over, never cleared first: a delivery's event handled while the
     * copies were gone would read no driver and write its order's fact without one, over the rebuild's.
     * A delivered delivery's driver does not change, so a copy the rebuild writes over is the same.
     */
    private Map<String, OrderFact.Driver> rebuildDrivers() {
        Query delivered = Query.query(Criteria.where("status").is("DELIVERED")).cursorBatchSize(BATCH);
        delivered.fields().include("orderId", "driverId", "driverName");
        Map<String, OrderFact.Driver> drivers = new HashMap<>();
        List<Document> copies = new ArrayList<>();
        try (Stream<Document> deliveries = mongo.stream(delivered, Document.class, DELIVERIES)) {
            for (Document delivery : (Iterable<Document>) deliveries::iterator) {
                String orderId = delivery.getString("orderId");
                if (orderId != null && delivery.getString("driverId") != null) {
                    drivers.put(
                            orderId,
                            new OrderFact.Driver(delivery.getString("driverId"), delivery.getString("driverName")));
                    copies.add(driverDocument(orderId, delivery));
                }
            }
        }
        insert(ORDER_DRIVERS, copies);
        return drivers;
    }

    /** Sorts as the orders do: by creation, then id; millis padded so the string order is the time order. */
    static String firstKey(Instant createdAt, String orderId) {
        return String.format("%015d|%s", createdAt.toEpochMilli(), orderId);
    }

    private ZoneId zoneOf(String merchantId) {
        return merchants.byId(merchantId).map(Merchant::zone).orElse(ZoneOffset.UTC);
    }

    private static Query byId(String orderId) {
        Object id = ObjectId.isValid(orderId) ? new ObjectId(orderId) : orderId;
        return Query.query(Criteria.where("_id").is(id));
    }
}
