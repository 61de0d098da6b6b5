package io.tiffin.channel.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.platform.security.SecretBox;
import java.time.Duration;
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
    // every update needs the bot: a store read and a decryption each time would cap the webhook's rate
    private final Cache<String, Optional<String>> tokens = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();
    private final Cache<String, String> derivedSecrets =
            Caffeine.newBuilder().maximumSize(10_000).build();

    TelegramBots(MerchantDirectory merchants, SecretBox secrets, TelegramProperties properties) {
        this.merchants = merchants;
        this.secrets = secrets;
        this.configuredSecret = properties.secretToken();
    }

    /** Letters, digits, '_' and '-' only, at most 256: what Telegram accepts as {@code secret_token}. */
    String webhookSecret(String merchantId) {
        return configuredSecret != null && !configuredSecret.isBlank()
                ? configuredSecret
                : derivedSecrets.get(merchantId, id -> secrets.derive("telegram-webhook", id));
    }

    boolean secretMatches(String merchantId, String header) {
        return header != null && HmacSignatures.constantTimeEquals(webhookSecret(merchantId), header);
    }

    /** The merchant's bot token in clear, only for building a Bot API URL. */
    Optional<String> token(String merchantId) {
        return tokens.get(
                merchantId,
                id -> merchants.byId(id).flatMap(TelegramBots::sealedToken).map(secrets::open));
    }

    /** A new token was saved: the next call uses it, not the cached one. */
    void forget(String merchantId) {
        tokens.invalidate(merchantId);
    }

    private static Optional<String> sealedToken(Merchant merchant) {
        String token = merchant.channels().telegramBotToken();
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
    }
}
