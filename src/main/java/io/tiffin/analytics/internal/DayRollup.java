package io.tiffin.analytics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * One merchant's day (in its time zone): sums and counts only, so a summary adds days up instead of
 * reading orders. Always computed whole from the day's facts ({@link #of}), never patched, so the
 * live path and a rebuild cannot disagree. Averages are kept as sums with their counts.
 */
@org.springframework.data.mongodb.core.mapping.Document(DayRollup.COLLECTION)
@CompoundIndex(name = "day_merchant", def = "{'day': 1, 'merchantId': 1}")
@CompoundIndex(name = "merchant_day", def = "{'merchantId': 1, 'day': 1}")
record DayRollup(
        @Id String id,
        String merchantId,
        String day,
        String currency,
        long orders,
        long sold,
        long gmv,
        List<ChannelTotal> channels,
        List<StatusCount> statuses,
        List<ItemTotal> items,
        long newCustomers,
        long returningOrders,
        long accepted,
        long acceptSecondsSum,
        long readyMeasured,
        long readyLate,
        long promisedMinutesSum,
        long readyMinutesSum,
        long autoRejected,
        long completed,
        long deliveries,
        long onTime,
        long deliveryMeasured,
        long deliveryMinutesSum,
        List<DriverTotal> drivers) {

    static final String COLLECTION = "analytics_days";

    record ChannelTotal(String channel, long orders, long gmv) {}

    record StatusCount(String status, long count) {}

    record ItemTotal(String itemId, String name, long quantity, long amount) {}

    /**
     * One driver's deliveries of the day: {@code onTime} of the {@code judged} ones (see
     * {@link OrderFact#onTime}), and {@code minutesSum} over the {@code measured} ones with a pickup time.
     */
    record DriverTotal(
            String driverId, String name, long deliveries, long judged, long onTime, long measured, long minutesSum) {}

    /**
     * Reads a stored roll-up by hand: a summary reads thousands of them, and the generic mapping's
     * reflection cost more than the query on the embedded store.
     */
    static DayRollup from(org.bson.Document d) {
        List<ChannelTotal> channels = new ArrayList<>();
        for (org.bson.Document c : d.getList("channels", org.bson.Document.class, List.of())) {
            channels.add(new ChannelTotal(c.getString("channel"), n(c, "orders"), n(c, "gmv")));
        }
        List<StatusCount> statuses = new ArrayList<>();
        for (org.bson.Document c : d.getList("statuses", org.bson.Document.class, List.of())) {
            statuses.add(new StatusCount(c.getString("status"), n(c, "count")));
        }
        List<ItemTotal> items = new ArrayList<>();
        for (org.bson.Document c : d.getList("items", org.bson.Document.class, List.of())) {
            items.add(new ItemTotal(c.getString("itemId"), c.getString("name"), n(c, "quantity"), n(c, "amount")));
        }
        List<DriverTotal> drivers = new ArrayList<>();
        for (org.bson.Document c : d.getList("drivers", org.bson.Document.class, List.of())) {
            drivers.add(new DriverTotal(
                    c.getString("driverId"),
                    c.getString("name"),
                    n(c, "deliveries"),
                    n(c, "judged"),
                    n(c, "onTime"),
                    n(c, "measured"),
                    n(c, "minutesSum")));
        }
        return new DayRollup(
                String.valueOf(d.get("_id")),
                d.getString("merchantId"),
                d.getString("day"),
                d.getString("currency"),
                n(d, "orders"),
                n(d, "sold"),
                n(d, "gmv"),
                channels,
                statuses,
                items,
                n(d, "newCustomers"),
                n(d, "returningOrders"),
                n(d, "accepted"),
                n(d, "acceptSecondsSum"),
                n(d, "readyMeasured"),
                n(d, "readyLate"),
                n(d, "promisedMinutesSum"),
                n(d, "readyMinutesSum"),
                n(d, "autoRejected"),
                n(d, "completed"),
                n(d, "deliveries"),
                n(d, "onTime"),
                n(d, "deliveryMeasured"),
                n(d, "deliveryMinutesSum"),
                drivers);
    }

    private static long n(org.bson.Document d, String field) {
        return d.get(field) instanceof Number number ? number.longValue() : 0L;
    }

    static String idOf(String merchantId, String day) {
        return merchantId + "/" + day;
    }

    static DayRollup of(String merchantId, String day, List<OrderFact> facts) {
        String currency = null;
        long orders = 0, sold = 0, gmv = 0, newCustomers = 0, returning = 0, accepted = 0, acceptSeconds = 0;
        long readyMeasured = 0, readyLate = 0, promised = 0, readyMinutes = 0, autoRejected = 0, completed = 0;
        long deliveries = 0, onTime = 0, deliveryMeasured = 0, deliveryMinutes = 0;
        Map<String, long[]> channels = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, ItemTotal> items = new LinkedHashMap<>();
        Map<String, DriverTotal> drivers = new TreeMap<>();
        for (OrderFact f :
                facts.stream().sorted(Comparator.comparing(OrderFact::id)).toList()) {
            currency = currency == null ? f.currency() : currency;
            orders++;
            statuses.merge(f.status(), 1L, Long::sum);
            long[] channel = channels.computeIfAbsent(f.channel(), c -> new long[2]);
            channel[0]++;
            if (f.returning()) {
                returning++;
            } else if (f.customerKey() != null) {
                newCustomers++;
            }
            if (f.sold()) {
                sold++;
                gmv += f.total();
                channel[1] += f.total();
                for (OrderFact.Line line : f.items()) {
                    items.merge(
                            line.itemId(),
                            new ItemTotal(line.itemId(), line.name(), line.quantity(), line.amount()),
                            (a, b) -> new ItemTotal(
                                    a.itemId(), a.name(), a.quantity() + b.quantity(), a.amount() + b.amount()));
                }
            }
            if (f.acceptSeconds() != null) {
                accepted++;
                acceptSeconds += f.acceptSeconds();
            }
            if (f.readyMinutes() != null && f.promisedMinutes() != null) {
                readyMeasured++;
                promised += f.promisedMinutes();
                readyMinutes += f.readyMinutes();
                readyLate += f.readyMinutes() > f.promisedMinutes() ? 1 : 0;
            }
            autoRejected += f.autoRejected() ? 1 : 0;
            completed += f.completed() ? 1 : 0;
            if (f.onTime() != null) {
                deliveries++;
                onTime += f.onTime() ? 1 : 0;
            }
            if (f.deliveryMinutes() != null) {
                deliveryMeasured++;
                deliveryMinutes += f.deliveryMinutes();
            }
            if (f.driverId() != null && f.completed()) {
                DriverTotal one = new DriverTotal(
                        f.driverId(),
                        f.driverName(),
                        1,
                        f.onTime() == null ? 0 : 1,
                        Boolean.TRUE.equals(f.onTime()) ? 1 : 0,
                        f.deliveryMinutes() == null ? 0 : 1,
                        f.deliveryMinutes() == null ? 0 : f.deliveryMinutes());
                drivers.merge(
                        f.driverId(),
                        one,
                        (a, b) -> new DriverTotal(
                                a.driverId(),
                                a.name() != null ? a.name() : b.name(),
                                a.deliveries() + b.deliveries(),
                                a.judged() + b.judged(),
                                a.onTime() + b.onTime(),
                                a.measured() + b.measured(),
                                a.minutesSum() + b.minutesSum()));
            }
        }
        List<ChannelTotal> channelTotals = new ArrayList<>();
        channels.forEach((name, sums) -> channelTotals.add(new ChannelTotal(name, sums[0], sums[1])));
        List<StatusCount> statusCounts = new ArrayList<>();
        statuses.forEach((status, count) -> statusCounts.add(new StatusCount(status, count)));
        List<ItemTotal> itemTotals = items.values().stream()
                .sorted(Comparator.comparing(ItemTotal::itemId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new DayRollup(
                idOf(merchantId, day),
                merchantId,
                day,
                currency,
                orders,
                sold,
                gmv,
                channelTotals,
                statusCounts,
                itemTotals,
                newCustomers,
                returning,
                accepted,
                acceptSeconds,
                readyMeasured,
                readyLate,
                promised,
                readyMinutes,
                autoRejected,
                completed,
                deliveries,
                onTime,
                deliveryMeasured,
                deliveryMinutes,
                List.copyOf(drivers.values()));
    }
}
