package io.tiffin.analytics.internal;

import io.tiffin.conversation.ConversationUpdated;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What one conversation contributes to the merchant's day it started on (in the merchant's time
 * zone): the conversation as last reported. Kept in a document of its own in {@code
 * analytics_conversation_facts} ({@link ConversationRollups#idOf}, fields {@link #write}); {@code
 * messages} orders the reports (more is later).
 */
record ConversationFact(
        String id,
        String merchantId,
        String day,
        String channel,
        Instant startedAt,
        Instant lastAt,
        int messages,
        int notUnderstood,
        int clarifications,
        int modelMessages,
        int modelCalls,
        long modelMillis,
        boolean cartShown,
        int ordersPlaced,
        String lastQuestion) {

    static ConversationFact of(ConversationUpdated c, ZoneId zone) {
        return new ConversationFact(
                c.conversationId(),
                c.merchantId(),
                c.startedAt().atZone(zone).toLocalDate().toString(),
                c.channel(),
                c.startedAt(),
                c.lastAt(),
                c.messages(),
                c.notUnderstood(),
                c.clarifications(),
                c.modelMessages(),
                c.modelCalls(),
                c.modelMillis(),
                c.cartShown(),
                c.ordersPlaced(),
                c.lastQuestion());
    }

    /** No order came of it (yet): it counts where it stands. */
    boolean abandoned() {
        return ordersPlaced == 0;
    }

    /** Mapped by hand (every report writes it, and reads its counted copy): the id, merchant and day are its document's. */
    static org.bson.Document write(ConversationFact f) {
        return new org.bson.Document("channel", f.channel)
                .append("startedAt", f.startedAt == null ? null : java.util.Date.from(f.startedAt))
                .append("lastAt", f.lastAt == null ? null : java.util.Date.from(f.lastAt))
                .append("messages", f.messages)
                .append("notUnderstood", f.notUnderstood)
                .append("clarifications", f.clarifications)
                .append("modelMessages", f.modelMessages)
                .append("modelCalls", f.modelCalls)
                .append("modelMillis", f.modelMillis)
                .append("cartShown", f.cartShown)
                .append("ordersPlaced", f.ordersPlaced)
                .append("lastQuestion", f.lastQuestion);
    }

    /** The fact {@link #write} stored in the document {@code documentId} (which ends with the conversation's id). */
    static ConversationFact read(String documentId, String merchantId, String day, org.bson.Document d) {
        String prefix = DayRollup.idOf(merchantId, day) + "/";
        return new ConversationFact(
                documentId.startsWith(prefix) ? documentId.substring(prefix.length()) : documentId,
                merchantId,
                day,
                d.getString("channel"),
                d.getDate("startedAt") == null ? null : d.getDate("startedAt").toInstant(),
                d.getDate("lastAt") == null ? null : d.getDate("lastAt").toInstant(),
                n(d, "messages"),
                n(d, "notUnderstood"),
                n(d, "clarifications"),
                n(d, "modelMessages"),
                n(d, "modelCalls"),
                d.get("modelMillis") instanceof Number millis ? millis.longValue() : 0L,
                Boolean.TRUE.equals(d.getBoolean("cartShown")),
                n(d, "ordersPlaced"),
                d.getString("lastQuestion"));
    }

    private static int n(org.bson.Document d, String field) {
        return d.get(field) instanceof Number number ? number.intValue() : 0;
    }
}
