package io.tiffin.merchant;

/**
 * A merchant's channel bindings were saved. {@code telegramBotTokenChanged} tells the Telegram
 * channel to register its webhook with the new bot.
 */
public record ChannelsChanged(String merchantId, boolean telegramBotTokenChanged) {}
