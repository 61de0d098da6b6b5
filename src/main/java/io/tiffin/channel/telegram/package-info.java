/**
 * Telegram bots, one per merchant: the webhook each bot is registered to (checked by its secret
 * token), mapping of updates to canonical messages, and the Bot API client that sends replies with
 * inline keyboards. Bot tokens are stored sealed and never leave this package in clear.
 */
package io.tiffin.channel.telegram;
