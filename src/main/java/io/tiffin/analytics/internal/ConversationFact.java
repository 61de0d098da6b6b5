package io.tiffin.analytics.internal;

import io.tiffin.conversation.ConversationUpdated;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What one conversation contributes to the merchant's day it started on (in the merchant's time
 * zone): the conversation as last reported. Kept under the conversation's id in one of its day's
 * {@code analytics_conversation_facts} documents (its bucket, {@link ConversationRollups#bucketOf});
 * {@code messages} orders the reports (more is later).
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
}
