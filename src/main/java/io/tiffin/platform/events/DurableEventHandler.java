package io.tiffin.platform.events;

/**
 * A module's reaction to another module's event, delivered at least once from an aggregate's outbox,
 * in the order the aggregate recorded its events. {@link #name()} identifies the reaction in the
 * delivery log, so it must stay stable across releases. Throwing means "not done": the relay retries
 * with backoff and dead-letters the delivery after its last attempt. Handlers must tolerate a
 * repeat of an event they already handled (a crash between the handling and its record).
 */
public interface DurableEventHandler<E> {

    String name();

    Class<E> eventType();

    void handle(E event) throws Exception;
}
