package io.tiffin.channel.telegram;

import io.tiffin.channel.internal.ProviderHttp;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Telegram settings; each merchant's bot token is stored with the merchant.
 *
 * @param secretToken the secret every update must carry; unset, one is derived per merchant
 * @param apiUrl the Bot API base, or a stand-in
 */
@ConfigurationProperties("tiffin.telegram")
public record TelegramProperties(
        String secretToken, String apiUrl, Duration connectTimeout, Duration readTimeout, ProviderHttp.Retry retry) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    public TelegramProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank()
                ? DEFAULT_API_URL
                : apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        retry = retry == null ? ProviderHttp.Retry.DEFAULT : retry;
    }
}
