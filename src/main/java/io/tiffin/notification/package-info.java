/**
 * Notification: tells customers about their order on the channel they ordered from (once per
 * transition, from the {@code flows/} templates) and pushes order events live to every merchant
 * board, fanned out through Redis pub/sub with a short per-merchant replay log. Both react to
 * ordering's events as durable event handlers, delivered from the order's outbox by the event relay.
 */
package io.tiffin.notification;
