/**
 * Analytics: read models for the dashboards. One fact per order (what it sold, on which channel, how
 * the kitchen, the delivery and its driver did) and one per conversation (messages, what was not
 * understood, clarifications, the local model's use, whether a cart was shown and an order placed,
 * what the bot last asked), each rolled up per merchant per day in the merchant's time zone. Kept up
 * to date by durable events (orders, completed deliveries, {@link io.tiffin.conversation.ConversationUpdated}
 * from the sessions' outbox) and rebuildable ({@code analytics-rebuild}): order days from the orders
 * and deliveries, conversation days from their facts plus each session's current conversation.
 * Summaries read roll-ups only, by id, so a year answers as fast as a few thousand days can be read.
 */
package io.tiffin.analytics;
