package io.tiffin.merchant.internal;

import io.tiffin.merchant.Merchant;
import java.time.Instant;

/**
 * A merchant as the admin app shows it: its status in one word, and the channel bindings with the
 * Telegram bot token (a secret) reduced to whether it is set. Secrets are written, never read back.
 */
record AdminMerchantView(
        String id,
        String name,
        String currency,
        String timezone,
        String address,
        String status,
        boolean suspended,
        Instant suspendedAt,
        boolean paused,
        String pauseReason,
        boolean webChat,
        Channels channels,
        Instant createdAt) {

    record Channels(
            String whatsappPhoneNumberId, String instagramAccountId, String smsNumber, boolean telegramBotTokenSet) {}

    static AdminMerchantView of(Merchant m) {
        Merchant.ChannelBindings c = m.channels();
        String status = m.suspended() ? "SUSPENDED" : m.paused() ? "PAUSED" : "ACTIVE";
        return new AdminMerchantView(
                m.id(),
                m.name(),
                m.currency(),
                m.timezone(),
                m.address(),
                status,
                m.suspended(),
                m.suspendedAt(),
                m.paused() && !m.suspended(),
                m.pauseReason(),
                m.webChat().enabled(),
                new Channels(
                        c.whatsappPhoneNumberId(),
                        c.instagramAccountId(),
                        c.smsNumber(),
                        c.telegramBotToken() != null && !c.telegramBotToken().isBlank()),
                m.createdAt());
    }
}
