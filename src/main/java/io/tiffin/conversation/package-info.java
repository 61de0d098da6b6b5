/**
 * Conversation: one session per merchant, channel and customer, and the dialog that turns messages
 * into a cart, a delivery address and an order. Every reply comes from the templates in {@code flows/}.
 * It reads no language itself: the parser's intent, edit, question and language decide which part
 * of the dialog answers (editing the cart, asking about the menu, ordering, checking out).
 * After each message it reports the conversation so far ({@link io.tiffin.conversation.ConversationUpdated})
 * through the session's outbox, for analytics; the report reads the replies chosen, never steers them.
 */
package io.tiffin.conversation;
