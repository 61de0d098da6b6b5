package io.tiffin.platform.events;

/**
 * Declares, as a bean, a MongoDB collection whose documents keep pending events in a field named
 * {@code outbox} (a list of {@link OutboxEntry}); the relay watches every declared collection.
 */
public record OutboxCollection(String name) {}
