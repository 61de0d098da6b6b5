package io.tiffin.analytics.internal;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Adds the roll-ups of a range up; reads no orders. The caller has checked who may see what. */
@Service
class SummaryService {

    static final int TOP_ITEMS = 10;
    /**
     * Up to this many days are asked for by id (one merchant, up to a year): the embedded store looks
     * each up in its id index but then checks every document found against the whole list, so a long
     * list (all merchants) costs more than reading every day stored.
     */
    static final int MAX_IDS = 400;
    // the conversation days are read beside the order days, not after them
    private static final java.util.concurrent.ExecutorService READS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final MongoTemplate mongo;
    private final MerchantDirectory merchants;
    private final AnalyticsMerchants known;

    SummaryService(MongoTemplate mongo, MerchantDirectory merchants, AnalyticsMerchants known) {
        this.mongo = mongo;
        this.merchants = merchants;
        this.known = known;
    }

    /** {@code merchantId} null: every merchant. */
    Summary summary(LocalDate from, LocalDate to, String merchantId) {
        org.bson.conversions.Bson range = daysOf(from, to, merchantId == null ? known.all() : List.of(merchantId));
        if (range == null) {
            Criteria byDay = Criteria.where("day").gte(from.toString()).lte(to.toString());
            range = Query.query(
                            merchantId == null
                                    ? byDay
                                    : Criteria.where("merchantId")
                                            .is(merchantId)
                                            .and("day")
                                            .gte(from.toString())
                                            .lte(to.toString()))
                    .getQueryObject();
        }
        org.bson.conversions.Bson filter = range;
        java.util.concurrent.Future<List<ConversationDay>> conversations = READS.submit(() -> {
            List<ConversationDay> read = new ArrayList<>();
            for (org.bson.Document day :
                    mongo.getCollection(ConversationDay.COLLECTION).find(filter).batchSize(1000)) {
                read.add(ConversationDay.from(day));
            }
            return read;
        });
        List<DayRollup> days = new ArrayList<>();
        for (org.bson.Document day :
                mongo.getCollection(DayRollup.COLLECTION).find(range).batchSize(1000)) {
            days.add(DayRollup.from(day));
        }
        try {
            return add(from, to, merchantId, days, conversations.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading conversation days", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The days by id when there are not too many of them (the ids are the only index of the embedded
     * store, and a real MongoDB serves an {@code $in} on ids as well); null: filter by day instead.
     */
    static org.bson.conversions.Bson daysOf(LocalDate from, LocalDate to, List<String> merchantIds) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (merchantIds.size() * days > MAX_IDS) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (String merchantId : merchantIds) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                ids.add(DayRollup.idOf(merchantId, day.toString()));
            }
        }
        return com.mongodb.client.model.Filters.in("_id", ids);
    }

    Summary add(
            LocalDate from,
            LocalDate to,
            String merchantId,
            List<DayRollup> days,
            List<ConversationDay> conversations) {
        long orders = 0, sold = 0, gmv = 0, newCustomers = 0, returning = 0, accepted = 0, acceptSeconds = 0;
        long readyMeasured = 0, readyLate = 0, promised = 0, readyMinutes = 0, autoRejected = 0, completed = 0;
        long deliveries = 0, onTime = 0, deliveryMeasured = 0, deliveryMinutes = 0;
        Map<String, Long> byCurrency = new TreeMap<>();
        Map<String, long[]> channels = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, long[]> byDay = new TreeMap<>();
        Map<String, long[]> byWeek = new TreeMap<>();
        Map<String, long[]> byMerchant = new LinkedHashMap<>();
        Map<String, Summary.TopItem> items = new HashMap<>();
        Map<String, DayRollup.DriverTotal> drivers = new HashMap<>();
        for (DayRollup d : days) {
            for (DayRollup.DriverTotal t : d.drivers()) {
                drivers.merge(
                        t.driverId(),
                        t,
                        (a, b) -> new DayRollup.DriverTotal(
                                a.driverId(),
                                b.name() != null ? b.name() : a.name(),
                                a.deliveries() + b.deliveries(),
                                a.judged() + b.judged(),
                                a.onTime() + b.onTime(),
                                a.measured() + b.measured(),
                                a.minutesSum() + b.minutesSum()));
            }
            orders += d.orders();
            sold += d.sold();
            gmv += d.gmv();
            if (d.currency() != null) {
                byCurrency.merge(d.currency(), d.gmv(), Long::sum);
            }
            d.channels().forEach(c -> add(channels, c.channel(), c.orders(), c.gmv()));
            d.statuses().forEach(s -> statuses.merge(s.status(), s.count(), Long::sum));
            add(byDay, d.day(), d.orders(), d.gmv());
            LocalDate day = LocalDate.parse(d.day());
            add(
                    byWeek,
                    String.format(
                            "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    d.orders(),
                    d.gmv());
            add(byMerchant, d.merchantId(), d.orders(), d.gmv());
            for (DayRollup.ItemTotal item : d.items()) {
                items.merge(
                        d.merchantId() + "/" + item.itemId(),
                        new Summary.TopItem(d.merchantId(), item.itemId(), item.name(), item.quantity(), item.amount()),
                        (a, b) -> new Summary.TopItem(
                                a.merchantId(), a.itemId(), a.name(), a.quantity() + b.quantity(), a.gmv() + b.gmv()));
            }
            newCustomers += d.newCustomers();
            returning += d.returningOrders();
            accepted += d.accepted();
            acceptSeconds += d.acceptSecondsSum();
            readyMeasured += d.readyMeasured();
            readyLate += d.readyLate();
            promised += d.promisedMinutesSum();
            readyMinutes += d.readyMinutesSum();
            autoRejected += d.autoRejected();
            completed += d.completed();
            deliveries += d.deliveries();
            onTime += d.onTime();
            deliveryMeasured += d.deliveryMeasured();
            deliveryMinutes += d.deliveryMinutesSum();
        }
        Map<String, Summary.ChannelFigures> byChannel = new LinkedHashMap<>();
        channels.forEach((c, v) -> byChannel.put(c, new Summary.ChannelFigures(v[0], v[1])));
        List<Summary.MerchantFigures> merchantFigures = new ArrayList<>();
        byMerchant.forEach((id, v) -> {
            Merchant m = merchants.byId(id).orElse(null);
            merchantFigures.add(new Summary.MerchantFigures(
                    id, m == null ? null : m.name(), m == null ? null : m.currency(), v[0], v[1]));
        });
        merchantFigures.sort(Comparator.comparingLong(Summary.MerchantFigures::gmv)
                .reversed()
                .thenComparing(Summary.MerchantFigures::merchantId));
        List<Summary.TopItem> top = items.values().stream()
                .sorted(Comparator.comparingLong(Summary.TopItem::quantity)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong(Summary.TopItem::gmv).reversed())
                        .thenComparing(Summary.TopItem::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(TOP_ITEMS)
                .toList();
        Double onTimeRate = rate(onTime, deliveries);
        long started = 0, carts = 0, cartsOrdered = 0, messages = 0, notUnderstood = 0, clarifications = 0, placed = 0;
        long modelMessages = 0, modelCalls = 0, modelMillis = 0;
        Map<String, Long> left = new HashMap<>();
        for (ConversationDay c : conversations) {
            started += c.conversations();
            carts += c.carts();
            cartsOrdered += c.cartsOrdered();
            messages += c.messages();
            notUnderstood += c.notUnderstood();
            clarifications += c.clarifications();
            placed += c.ordersPlaced();
            modelMessages += c.modelMessages();
            modelCalls += c.modelCalls();
            modelMillis += c.modelMillisSum();
            c.leftAt().forEach(q -> left.merge(q.question(), q.conversations(), Long::sum));
        }
        List<Summary.LeftAt> leftAt = left.entrySet().stream()
                .map(e -> new Summary.LeftAt(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Summary.LeftAt::conversations)
                        .reversed()
                        .thenComparing(Summary.LeftAt::question))
                .toList();
        List<Summary.DriverFigures> perDriver = drivers.values().stream()
                .map(t -> new Summary.DriverFigures(
                        t.driverId(),
                        t.name(),
                        t.deliveries(),
                        rate(t.onTime(), t.judged()),
                        average(t.minutesSum(), t.measured())))
                .sorted(Comparator.comparingLong(Summary.DriverFigures::deliveries)
                        .reversed()
                        .thenComparing(Summary.DriverFigures::driverId))
                .toList();
        List<Summary.DropOut> dropOuts = List.of(
                new Summary.DropOut("conversations", "carts", started - carts),
                new Summary.DropOut("carts", "confirmed", carts - cartsOrdered),
                new Summary.DropOut("confirmed", "paid", orders - accepted),
                new Summary.DropOut("paid", "delivered", accepted - completed));
        return new Summary(
                from,
                to,
                merchantId,
                orders,
                gmv,
                byCurrency.size() == 1 ? byCurrency.keySet().iterator().next() : null,
                byCurrency,
                sold == 0 ? null : divideRounded(gmv, sold),
                byChannel,
                statuses,
                periods(byDay),
                periods(byWeek),
                merchantFigures,
                top,
                new Summary.Funnel(started, carts, orders, accepted, completed, dropOuts, leftAt),
                onTimeRate,
                new Summary.Kitchen(
                        accepted,
                        average(acceptSeconds, accepted),
                        average(promised, readyMeasured),
                        average(readyMinutes, readyMeasured),
                        rate(readyLate, readyMeasured),
                        autoRejected),
                new Summary.Delivery(deliveries, onTimeRate, average(deliveryMinutes, deliveryMeasured), perDriver),
                new Summary.Customers(newCustomers, returning, rate(returning, newCustomers + returning)),
                new Summary.Understanding(
                        messages > 0,
                        rate(notUnderstood, messages),
                        average(clarifications, placed, 2),
                        rate(modelMessages, messages),
                        average(modelMillis, modelCalls),
                        messages));
    }

    private static void add(Map<String, long[]> into, String key, long orders, long gmv) {
        long[] sums = into.computeIfAbsent(key, k -> new long[2]);
        sums[0] += orders;
        sums[1] += gmv;
    }

    private static List<Summary.Period> periods(Map<String, long[]> sums) {
        List<Summary.Period> periods = new ArrayList<>();
        sums.forEach((period, v) -> periods.add(new Summary.Period(period, v[0], v[1])));
        return periods;
    }

    /** Minor units stay whole: half a paisa rounds up. */
    static long divideRounded(long amount, long count) {
        return BigDecimal.valueOf(amount)
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static Double rate(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    static Double average(long sum, long count) {
        return average(sum, count, 1);
    }

    static Double average(long sum, long count, int decimals) {
        return count == 0
                ? null
                : BigDecimal.valueOf(sum)
                        .divide(BigDecimal.valueOf(count), decimals, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
