package io.tiffin.channel.telegram;

import io.tiffin.channel.OutboundDeliveryException;
import io.tiffin.merchant.ChannelsChanged;
import io.tiffin.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a merchant saves a bot token, points that bot at the merchant's webhook. It runs inside the
 * save, so a token Telegram refuses is told to the merchant at once rather than found out later.
 */
@Component
class TelegramWebhookRegistration {

    private final TelegramClient client;
    private final TelegramBots bots;
    private final String publicUrl;

    TelegramWebhookRegistration(
            TelegramClient client,
            TelegramBots bots,
            @Value("${tiffin.public-url:http://localhost:8080}") String publicUrl) {
        this.client = client;
        this.bots = bots;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @EventListener
    void on(ChannelsChanged event) {
        bots.forget(event.merchantId());
        if (!event.telegramBotTokenChanged()) {
            return;
        }
        try {
            client.setWebhook(event.merchantId(), publicUrl + "/webhooks/telegram/" + event.merchantId());
        } catch (OutboundDeliveryException e) {
            // the save is rolled back: the refused token must not stay cached
            bots.forget(event.merchantId());
            if (e.getCause() instanceof TelegramApiException t && t.badToken()) {
                throw new InvalidInputException("channels.telegramBotToken", "Telegram does not know this bot token");
            }
            throw e;
        }
    }
}
