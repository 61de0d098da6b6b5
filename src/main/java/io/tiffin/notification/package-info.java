/**
 * Notification: tells customers about their order on the channel they ordered from (once per
 * transition, from the {@code flows/} templates) and pushes order events live to every merchant
 * board, fanned out through Redis pub/sub with a short per-merchant replay log.
 */
package io.tiffin.notification;
