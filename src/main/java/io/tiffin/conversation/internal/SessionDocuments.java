package io.tiffin.conversation.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.OutboundMessage.ChoiceList;
import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.platform.events.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The values a session keeps, to and from their stored documents, by hand: in the very shape the
 * reflective mapping wrote before (a session stored by either reads the same in the other, see
 * {@code SessionDocumentsIntegrationTest}), at a fraction of its cost on the path that answers every
 * message. Absent values are left out, as the mapping left them out.
 */
final class SessionDocuments {

    /** The stored type of the conversation event in an outbox entry, which the event relay reads back by it. */
    static final String CONVERSATION_UPDATED = ConversationUpdated.class.getName();

    private SessionDocuments() {}

    static void put(Document document, String key, Object value) {
        if (value != null) {
            document.put(key, value);
        }
    }

    static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    static Instant instant(Object stored) {
        return stored instanceof Date date ? date.toInstant() : null;
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, Object stored) {
        return stored instanceof String name ? Enum.valueOf(type, name) : null;
    }

    static int intOf(Object stored) {
        return stored instanceof Number number ? number.intValue() : 0;
    }

    static long longOf(Object stored) {
        return stored instanceof Number number ? number.longValue() : 0;
    }

    static boolean booleanOf(Object stored) {
        return Boolean.TRUE.equals(stored);
    }

    static <T> List<Document> documents(List<T> values, Function<T, Document> write) {
        List<Document> documents = new ArrayList<>(values.size());
        for (T value : values) {
            documents.add(write.apply(value));
        }
        return documents;
    }

    /** The stored list read with {@code read}; null when nothing is stored. */
    static <T> List<T> list(Object stored, Function<Document, T> read) {
        if (!(stored instanceof List<?> items)) {
            return null;
        }
        List<T> values = new ArrayList<>(items.size());
        for (Object item : items) {
            values.add(item instanceof Document document ? read.apply(document) : null);
        }
        return values;
    }

    static Document line(LineRequest line) {
        Document document = new Document();
        put(document, "itemId", line.itemId());
        document.put("quantity", line.quantity());
        document.put("options", documents(line.options(), SessionDocuments::option));
        put(document, "notes", line.notes());
        document.put("declined", documents(line.declined(), SessionDocuments::option));
        return document;
    }

    static LineRequest line(Document document) {
        return new LineRequest(
                document.getString("itemId"),
                intOf(document.get("quantity")),
                list(document.get("options"), SessionDocuments::option),
                document.getString("notes"),
                list(document.get("declined"), SessionDocuments::option));
    }

    private static Document option(LineRequest.OptionRequest option) {
        Document document = new Document();
        put(document, "groupId", option.groupId());
        put(document, "optionId", option.optionId());
        put(document, "qualifier", name(option.qualifier()));
        return document;
    }

    private static LineRequest.OptionRequest option(Document document) {
        return new LineRequest.OptionRequest(
                document.getString("groupId"),
                document.getString("optionId"),
                enumOf(LineRequest.Qualifier.class, document.get("qualifier")));
    }

    static Document address(Order.Address address) {
        if (address == null) {
            return null;
        }
        Document document = new Document();
        put(document, "text", address.text());
        put(document, "lat", address.lat());
        put(document, "lng", address.lng());
        return document;
    }

    static Order.Address address(Object stored) {
        if (!(stored instanceof Document document)) {
            return null;
        }
        return new Order.Address(
                document.getString("text"), doubleOf(document.get("lat")), doubleOf(document.get("lng")));
    }

    private static Double doubleOf(Object stored) {
        return stored instanceof Number number ? number.doubleValue() : null;
    }

    static Document reply(OutboundMessage reply) {
        Document document = new Document();
        put(document, "channel", name(reply.channel()));
        put(document, "merchantId", reply.merchantId());
        put(document, "to", reply.to());
        put(document, "text", reply.text());
        document.put("buttons", documents(reply.buttons(), SessionDocuments::choice));
        if (reply.list() != null) {
            ChoiceList list = reply.list();
            Document stored = new Document();
            put(stored, "buttonLabel", list.buttonLabel());
            if (list.sections() != null) {
                stored.put("sections", documents(list.sections(), section -> {
                    Document s = new Document();
                    put(s, "title", section.title());
                    if (section.rows() != null) {
                        s.put("rows", documents(section.rows(), SessionDocuments::choice));
                    }
                    return s;
                }));
            }
            document.put("list", stored);
        }
        return document;
    }

    static OutboundMessage reply(Document document) {
        ChoiceList list = null;
        if (document.get("list") instanceof Document stored) {
            list = new ChoiceList(
                    stored.getString("buttonLabel"),
                    list(
                            stored.get("sections"),
                            s -> new ChoiceList.Section(
                                    s.getString("title"), list(s.get("rows"), SessionDocuments::choice))));
        }
        return new OutboundMessage(
                enumOf(Channel.class, document.get("channel")),
                document.getString("merchantId"),
                document.getString("to"),
                document.getString("text"),
                list(document.get("buttons"), SessionDocuments::choice),
                list);
    }

    /**
     * A record component named {@code id} is stored as {@code _id}, as the mapping stores it: as an
     * ObjectId when the text is one.
     */
    static Object storedId(String id) {
        return id != null && ObjectId.isValid(id) ? new ObjectId(id) : id;
    }

    private static Document choice(Choice choice) {
        Document document = new Document();
        put(document, "_id", storedId(choice.id()));
        put(document, "title", choice.title());
        put(document, "description", choice.description());
        return document;
    }

    private static Choice choice(Document document) {
        Object id = document.containsKey("_id") ? document.get("_id") : document.get("id");
        return new Choice(
                id == null ? null : id.toString(), document.getString("title"), document.getString("description"));
    }

    static Document conversation(ConversationUpdated c) {
        if (c == null) {
            return null;
        }
        Document document = new Document();
        put(document, "conversationId", c.conversationId());
        put(document, "merchantId", c.merchantId());
        put(document, "channel", c.channel());
        put(document, "customerId", c.customerId());
        put(document, "startedAt", date(c.startedAt()));
        put(document, "lastAt", date(c.lastAt()));
        document.put("messages", c.messages());
        document.put("notUnderstood", c.notUnderstood());
        document.put("clarifications", c.clarifications());
        document.put("modelMessages", c.modelMessages());
        document.put("modelCalls", c.modelCalls());
        document.put("modelMillis", c.modelMillis());
        document.put("cartShown", c.cartShown());
        document.put("ordersPlaced", c.ordersPlaced());
        put(document, "lastQuestion", c.lastQuestion());
        return document;
    }

    static ConversationUpdated conversation(Object stored) {
        if (!(stored instanceof Document d)) {
            return null;
        }
        return new ConversationUpdated(
                d.getString("conversationId"),
                d.getString("merchantId"),
                d.getString("channel"),
                d.getString("customerId"),
                instant(d.get("startedAt")),
                instant(d.get("lastAt")),
                intOf(d.get("messages")),
                intOf(d.get("notUnderstood")),
                intOf(d.get("clarifications")),
                intOf(d.get("modelMessages")),
                intOf(d.get("modelCalls")),
                longOf(d.get("modelMillis")),
                booleanOf(d.get("cartShown")),
                intOf(d.get("ordersPlaced")),
                d.getString("lastQuestion"));
    }

    /** An outbox entry of the conversation's event, typed for the relay as the mapping typed it. */
    static Document outboxEntry(OutboxEntry entry) {
        if (!(entry.event() instanceof ConversationUpdated event)) {
            throw new IllegalArgumentException("a session's outbox holds conversation events, not "
                    + entry.event().getClass());
        }
        Document document = new Document();
        put(document, "_id", storedId(entry.id()));
        put(document, "at", date(entry.at()));
        Document stored = conversation(event);
        stored.put("_class", CONVERSATION_UPDATED);
        document.put("event", stored);
        return document;
    }
}
