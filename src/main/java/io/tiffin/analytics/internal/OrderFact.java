package io.tiffin.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * What one order contributes to its merchant's day, derived from the stored order alone (plus whether
 * the customer had ordered there before), so handling an event twice or rebuilding gives the same fact.
 * Money in minor units; times in whole seconds or minutes. Kept in its day's {@code analytics_day_facts}
 * document under the order's id, with the version of the order it was computed from.
 */
record OrderFact(
        String id,
        String merchantId,
        String day,
        Instant createdAt,
        String channel,
        String status,
        long total,
        String currency,
        String customerKey,
        boolean returning,
        String fulfilment,
        List<Line> items,
        Long acceptSeconds,
        Integer promisedMinutes,
        Long readyMinutes,
        boolean autoRejected,
        boolean accepted,
        boolean completed,
        Boolean onTime,
        Long deliveryMinutes,
        long orderVersion,
        String driverId,
        String driverName) {

    record Line(String itemId, String name, int quantity, long amount) {}

    /** Who carried a delivery order to the door, as the delivery records it. */
    record Driver(String id, String name) {}

    OrderFact returningCustomer() {
        return new OrderFact(
                id,
                merchantId,
                day,
                createdAt,
                channel,
                status,
                total,
                currency,
                customerKey,
                true,
                fulfilment,
                items,
                acceptSeconds,
                promisedMinutes,
                readyMinutes,
                autoRejected,
                accepted,
                completed,
                onTime,
                deliveryMinutes,
                orderVersion,
                driverId,
                driverName);
    }

    /** Rejected and cancelled orders were never sold: they count as orders, not as sales. */
    boolean sold() {
        return !"REJECTED".equals(status) && !"CANCELLED".equals(status);
    }

    /**
     * The fact of a stored order (the {@code orders} document). {@code allowance} is how long after the
     * promised ready time a delivery may arrive and still be on time; {@code driver} is the delivery's
     * driver, or null.
     */
    static OrderFact of(
            Document order,
            ZoneId zone,
            boolean returning,
            String autoRejectReason,
            Duration allowance,
            Driver driver) {
        Instant created = order.getDate("createdAt").toInstant();
        Document customer = order.get("customer", Document.class);
        String channel = order.getString("channel");
        Instant accepted = null, ready = null, pickedUp = null, delivered = null;
        for (Document entry : order.getList("timeline", Document.class, List.of())) {
            Instant at = entry.getDate("at").toInstant();
            switch (String.valueOf(entry.getString("status"))) {
                case "ACCEPTED" -> accepted = accepted == null ? at : accepted;
                case "READY" -> ready = ready == null ? at : ready;
                case "PICKED_UP" -> pickedUp = pickedUp == null ? at : pickedUp;
                case "DELIVERED" -> delivered = delivered == null ? at : delivered;
                default -> {}
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Document line : order.getList("items", Document.class, List.of())) {
            lines.add(new Line(
                    line.getString("itemId"),
                    line.getString("name"),
                    number(line, "quantity").intValue(),
                    number(line, "lineTotal").longValue()));
        }
        String status = order.getString("status");
        String fulfilment = order.getString("fulfilment");
        Integer prep = order.get("prepMinutes") == null
                ? null
                : number(order, "prepMinutes").intValue();
        boolean delivery = "DELIVERY".equals(fulfilment);
        // a delivery is done at the door, a pickup when it is handed over at the counter
        boolean completed = "DELIVERED".equals(status) || (!delivery && "PICKED_UP".equals(status));
        Boolean onTime = null;
        if (delivery && delivered != null && accepted != null && prep != null) {
            onTime = !delivered.isAfter(accepted.plus(Duration.ofMinutes(prep)).plus(allowance));
        }
        boolean autoRejected = "REJECTED".equals(status)
                && accepted == null
                && autoRejectReason != null
                && autoRejectReason.equals(order.getString("reason"));
        return new OrderFact(
                idOf(order),
                order.getString("merchantId"),
                created.atZone(zone).toLocalDate().toString(),
                created,
                channel == null ? "unknown" : channel,
                status,
                number(order, "total").longValue(),
                order.getString("currency"),
                customerKey(channel, customer),
                returning,
                fulfilment,
                List.copyOf(lines),
                accepted == null ? null : Duration.between(created, accepted).toSeconds(),
                accepted == null ? null : prep,
                accepted == null || ready == null
                        ? null
                        : Duration.between(accepted, ready).toMinutes(),
                autoRejected,
                accepted != null,
                completed,
                onTime,
                pickedUp == null || delivered == null
                        ? null
                        : Duration.between(pickedUp, delivered).toMinutes(),
                order.get("version") instanceof Number v ? v.longValue() : 0L,
                delivery && driver != null ? driver.id() : null,
                delivery && driver != null ? driver.name() : null);
    }

    static String idOf(Document order) {
        return String.valueOf(
                order.get("_id") instanceof org.bson.types.ObjectId oid ? oid.toHexString() : order.get("_id"));
    }

    /** One customer across their orders at a merchant: the channel's id for them on that channel. */
    static String customerKey(String channel, Document customer) {
        // the mapping stores a nested record's "id" as "_id"
        Object id = customer == null ? null : customer.get("_id") != null ? customer.get("_id") : customer.get("id");
        return id == null ? null : channel + ":" + id;
    }

    static Instant createdAt(Document order) {
        Date date = order.getDate("createdAt");
        return date == null ? null : date.toInstant();
    }

    private static Number number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n : 0;
    }
}
