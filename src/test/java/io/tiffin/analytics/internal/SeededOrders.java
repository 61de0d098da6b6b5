package io.tiffin.analytics.internal;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.PricedCart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Orders built with the real aggregate at chosen instants and stored as ordering stores them, minus
 * their outbox: the tests deliver the events themselves, in the order and as often as they choose.
 */
final class SeededOrders {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final MongoTemplate mongo;
    private final java.util.Map<String, Long> versions = new java.util.concurrent.ConcurrentHashMap<>();

    SeededOrders(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Line(String itemId, String name, int quantity, long unitPrice) {}

    static Line line(String itemId, String name, int quantity, long unitPrice) {
        return new Line(itemId, name, quantity, unitPrice);
    }

    static Order order(
            String merchantId, String channel, String customer, boolean delivery, Instant at, Line... lines) {
        List<PricedCart.PricedLine> priced = new ArrayList<>();
        long total = 0;
        for (Line l : lines) {
            priced.add(new PricedCart.PricedLine(
                    l.itemId(), l.name(), l.quantity(), List.of(), null, l.unitPrice(), l.unitPrice() * l.quantity()));
            total += l.unitPrice() * l.quantity();
        }
        return new Order(
                merchantId,
                "S" + NUMBERS.incrementAndGet(),
                channel,
                new Order.Customer(customer, "Seeded"),
                new PricedCart("INR", priced, total),
                delivery ? Order.FulfilmentType.DELIVERY : Order.FulfilmentType.PICKUP,
                delivery ? new Order.Address("1 Test Road", 12.97, 77.59) : null,
                null,
                "en",
                at);
    }

    /** Stores (inserts or replaces) the order as it is now, without its pending events. */
    void store(Order order) {
        Document document = new Document();
        // as an optimistic-locking save would: one version more per store
        long version = versions.merge(order.id(), 1L, Long::sum);
        mongo.getConverter().write(order, document);
        document.remove("outbox");
        document.remove("_class");
        document.put("version", version);
        mongo.getCollection(Rollups.ORDERS)
                .replaceOne(
                        new Document("_id", document.get("_id")),
                        document,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
}
