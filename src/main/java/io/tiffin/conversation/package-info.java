/**
 * Conversation: one session per merchant, channel and customer, and the dialog that turns messages
 * into a cart, a delivery address and an order. Every reply comes from the templates in {@code flows/}.
 */
package io.tiffin.conversation;
