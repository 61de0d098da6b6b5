package io.tiffin.channel.telegram;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.platform.security.SecretBox;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The secrets of each merchant's bot: its token, opened from the sealed form it is stored in, and
 * the webhook secret Telegram sends back with every update. That secret is derived from the
 * merchant id under the platform key (or is {@code TELEGRAM_SECRET_TOKEN}), so nothing more is stored.
 */
@Component
class TelegramBots {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final MerchantDirectory merchants;
    private final SecretBox secrets;
    private final String configuredSecret;

    TelegramBots(MerchantDirectory merchants, SecretBox secrets, TelegramProperties properties) {
        this.merchants = merchants;
        this.secrets = secrets;
        this.configuredSecret = properties.secretToken();
    }

    /** Letters, digits, '_' and '-' only, at most 256: what Telegram accepts as {@code secret_token}. */
    String webhookSecret(String merchantId) {
        return configuredSecret != null && !configuredSecret.isBlank() ? configuredSecret
                : secrets.derive("telegram-webhook", merchantId);
    }

    boolean secretMatches(String merchantId, String header) {
        return header != null && HmacSignatures.constantTimeEquals(webhookSecret(merchantId), header);
    }

    /** The merchant's bot token in clear, only for building a Bot API URL. */
    Optional<String> token(String merchantId) {
        return merchants.byId(merchantId).flatMap(TelegramBots::sealedToken).map(secrets::open);
    }

    private static Optional<String> sealedToken(Merchant merchant) {
        String token = merchant.channels().telegramBotToken();
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
    }
}
