package io.tiffin.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * The conversations a merchant's customers started on one day (its time zone), as sums: the day's
 * conversation facts added up, like {@link DayRollup} from order facts, kept up to date by the
 * difference each report makes ({@link ConversationRollups}). {@code ordered} counts conversations
 * that placed an order, {@code cartsOrdered} those of them that showed a cart, {@code leftAt} the
 * conversations without an order by what the bot last asked (stored as {@code left.<question>}).
 * Days written by earlier versions hold {@code leftAt} as a list, or their sums in parts, one per
 * shared document of facts; {@link #from} adds up whatever a day holds.
 */
@org.springframework.data.mongodb.core.mapping.Document(ConversationDay.COLLECTION)
@CompoundIndex(name = "day_merchant", def = "{'day': 1, 'merchantId': 1}")
@CompoundIndex(name = "merchant_day", def = "{'merchantId': 1, 'day': 1}")
record ConversationDay(
        @Id String id,
        String merchantId,
        String day,
        long conversations,
        long carts,
        long ordered,
        long cartsOrdered,
        long messages,
        long notUnderstood,
        long clarifications,
        long ordersPlaced,
        long modelMessages,
        long modelCalls,
        long modelMillisSum,
        List<QuestionCount> leftAt) {

    static final String COLLECTION = "analytics_conversation_days";
    static final String NO_QUESTION = "none";
    static final String PARTS = "parts";
    /** The conversations without an order by question, {@code left.<question>}, so a report can {@code $inc} them. */
    static final String LEFT = "left";

    record QuestionCount(String question, long conversations) {}

    static ConversationDay of(String merchantId, String day, List<ConversationFact> facts) {
        String id = DayRollup.idOf(merchantId, day);
        return sum(
                id,
                merchantId,
                day,
                facts.stream().map(f -> one(id, merchantId, day, f)).toList());
    }

    /** One conversation's fact as the sums of a day that held only it. */
    private static ConversationDay one(String id, String merchantId, String day, ConversationFact f) {
        boolean ordered = !f.abandoned();
        List<QuestionCount> leftAt = ordered
                ? List.of()
                : List.of(new QuestionCount(f.lastQuestion() == null ? NO_QUESTION : f.lastQuestion(), 1));
        return new ConversationDay(
                id,
                merchantId,
                day,
                1,
                f.cartShown() ? 1 : 0,
                ordered ? 1 : 0,
                f.cartShown() && ordered ? 1 : 0,
                f.messages(),
                f.notUnderstood(),
                f.clarifications(),
                f.ordersPlaced(),
                f.modelMessages(),
                f.modelCalls(),
                f.modelMillis(),
                leftAt);
    }

    /** Read by hand, as {@link DayRollup#from}: a year of days is read per summary. */
    static ConversationDay from(org.bson.Document d) {
        String id = String.valueOf(d.get("_id"));
        List<ConversationDay> each = new ArrayList<>();
        each.add(sums(id, d, d));
        if (d.get(PARTS) instanceof org.bson.Document parts) {
            // a day kept in parts by an earlier version, perhaps moved since by reports of new conversations
            parts.values().forEach(p -> each.add(sums(id, d, (org.bson.Document) p)));
        }
        return sum(id, d.getString("merchantId"), d.getString("day"), each);
    }

    private static ConversationDay sums(String id, org.bson.Document day, org.bson.Document d) {
        List<QuestionCount> leftAt = new ArrayList<>();
        for (org.bson.Document q : d.getList("leftAt", org.bson.Document.class, List.of())) {
            leftAt.add(new QuestionCount(q.getString("question"), n(q, "conversations")));
        }
        if (d.get(LEFT) instanceof org.bson.Document left) {
            left.forEach((key, count) -> leftAt.add(new QuestionCount(question(key), n(left, key))));
        }
        return new ConversationDay(
                id,
                day.getString("merchantId"),
                day.getString("day"),
                n(d, "conversations"),
                n(d, "carts"),
                n(d, "ordered"),
                n(d, "cartsOrdered"),
                n(d, "messages"),
                n(d, "notUnderstood"),
                n(d, "clarifications"),
                n(d, "ordersPlaced"),
                n(d, "modelMessages"),
                n(d, "modelCalls"),
                n(d, "modelMillisSum"),
                leftAt);
    }

    private static ConversationDay sum(String id, String merchantId, String day, List<ConversationDay> parts) {
        long conversations = 0, carts = 0, ordered = 0, cartsOrdered = 0, messages = 0, notUnderstood = 0;
        long clarifications = 0, orders = 0, modelMessages = 0, modelCalls = 0, modelMillis = 0;
        Map<String, Long> left = new TreeMap<>();
        for (ConversationDay p : parts) {
            conversations += p.conversations;
            carts += p.carts;
            ordered += p.ordered;
            cartsOrdered += p.cartsOrdered;
            messages += p.messages;
            notUnderstood += p.notUnderstood;
            clarifications += p.clarifications;
            orders += p.ordersPlaced;
            modelMessages += p.modelMessages;
            modelCalls += p.modelCalls;
            modelMillis += p.modelMillisSum;
            p.leftAt.forEach(q -> left.merge(q.question(), q.conversations(), Long::sum));
        }
        List<QuestionCount> leftAt = new ArrayList<>();
        left.forEach((question, count) -> {
            if (count != 0) {
                leftAt.add(new QuestionCount(question, count));
            }
        });
        return new ConversationDay(
                id,
                merchantId,
                day,
                conversations,
                carts,
                ordered,
                cartsOrdered,
                messages,
                notUnderstood,
                clarifications,
                orders,
                modelMessages,
                modelCalls,
                modelMillis,
                leftAt);
    }

    /** These sums with another's added ({@code sign} 1) or taken away (-1); a question no conversation left at is dropped. */
    ConversationDay plus(ConversationDay other, int sign) {
        Map<String, Long> left = new TreeMap<>();
        leftAt.forEach(q -> left.merge(q.question(), q.conversations(), Long::sum));
        other.leftAt.forEach(q -> left.merge(q.question(), sign * q.conversations(), Long::sum));
        List<QuestionCount> merged = new ArrayList<>();
        left.forEach((question, count) -> {
            if (count != 0) {
                merged.add(new QuestionCount(question, count));
            }
        });
        return new ConversationDay(
                id,
                merchantId,
                day,
                conversations + sign * other.conversations,
                carts + sign * other.carts,
                ordered + sign * other.ordered,
                cartsOrdered + sign * other.cartsOrdered,
                messages + sign * other.messages,
                notUnderstood + sign * other.notUnderstood,
                clarifications + sign * other.clarifications,
                ordersPlaced + sign * other.ordersPlaced,
                modelMessages + sign * other.modelMessages,
                modelCalls + sign * other.modelCalls,
                modelMillisSum + sign * other.modelMillisSum,
                merged);
    }

    /** Nothing to add: every sum and question count zero. */
    boolean isZero() {
        return conversations == 0
                && carts == 0
                && ordered == 0
                && cartsOrdered == 0
                && messages == 0
                && notUnderstood == 0
                && clarifications == 0
                && ordersPlaced == 0
                && modelMessages == 0
                && modelCalls == 0
                && modelMillisSum == 0
                && leftAt.stream().allMatch(q -> q.conversations() == 0);
    }

    /** The sums as a day document holds them (without its id, merchant and day). */
    static org.bson.Document sumsOf(ConversationDay day) {
        org.bson.Document left = new org.bson.Document();
        day.leftAt.forEach(q -> left.append(key(q.question()), q.conversations()));
        return new org.bson.Document("conversations", day.conversations)
                .append("carts", day.carts)
                .append("ordered", day.ordered)
                .append("cartsOrdered", day.cartsOrdered)
                .append("messages", day.messages)
                .append("notUnderstood", day.notUnderstood)
                .append("clarifications", day.clarifications)
                .append("ordersPlaced", day.ordersPlaced)
                .append("modelMessages", day.modelMessages)
                .append("modelCalls", day.modelCalls)
                .append("modelMillisSum", day.modelMillisSum)
                .append(LEFT, left);
    }

    /** A question as a field name: no dot, no leading dollar (the bot's questions are plain words). */
    static String key(String question) {
        return question.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static String question(String key) {
        return key.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }

    private static long n(org.bson.Document d, String field) {
        return d.get(field) instanceof Number number ? number.longValue() : 0L;
    }
}
