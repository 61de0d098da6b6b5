package io.tiffin.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in an aggregate's {@code outbox} field. It is written in the same single-document
 * update as the state change that caused it, so the two are stored together or not at all; the
 * {@link EventRelay} later hands it to every {@link DurableEventHandler} of its type and removes it.
 */
public record OutboxEntry(String id, Instant at, Object event) {

    public static OutboxEntry of(Object event, Instant at) {
        return new OutboxEntry(UUID.randomUUID().toString(), at, event);
    }
}
