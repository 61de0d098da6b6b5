/**
 * Conversation: one session per merchant, channel and customer, and the dialog that turns messages
 * into a cart, a delivery address and an order. Every reply comes from the templates in {@code flows/}.
 * It reads no language itself: the parser's intent, edit, question and language decide which part
 * of the dialog answers (editing the cart, asking about the menu, ordering, checking out).
 */
package io.tiffin.conversation;
