package io.tiffin.platform.events.internal;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;

/**
 * One row of the delivery log ({@code event_deliveries}): what became of one outbox entry for one
 * handler. Its id, {@code entryId + "/" + handler}, is unique on every MongoDB, so two workers cannot
 * both start the same delivery, and a handler that already succeeded is skipped when the entry comes
 * round again because another handler of it failed. A dead delivery keeps the entry itself, so it can
 * be redriven after the entry has left its document.
 */
record Delivery(
        @Id String id,
        String entryId,
        String handler,
        String collection,
        Object documentId,
        String eventType,
        State state,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant createdAt,
        Instant updatedAt,
        Map<String, Object> entry) {

    static final String COLLECTION = "event_deliveries";

    enum State {
        /** A worker is running the handler now (until {@code leaseUntil}). */
        IN_FLIGHT,
        /** The handler failed; tried again from {@code nextAttemptAt}. */
        RETRYING,
        DONE,
        /** Failed every attempt; an operator redrives it. */
        DEAD
    }

    static String key(String entryId, String handler) {
        return entryId + "/" + handler;
    }
}
