/**
 * Durable module events: an aggregate keeps the events of a change in its own document's
 * {@code outbox} field, written in the same single-document update as the change, and the relay
 * delivers them to every {@link io.tiffin.platform.events.DurableEventHandler} of their type, at
 * least once, in order per document, with retries, backoff and visible dead letters.
 */
package io.tiffin.platform.events;
