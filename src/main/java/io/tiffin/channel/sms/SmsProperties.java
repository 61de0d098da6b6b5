package io.tiffin.channel.sms;

import io.tiffin.channel.internal.ProviderHttp;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio account settings for SMS. Without an auth token every webhook is refused (nothing can be
 * verified) and every send fails.
 *
 * @param accountSid the account that sends ({@code AC...})
 * @param authToken signs webhooks and authenticates sends
 * @param apiUrl Twilio's REST API base, or a stand-in
 */
@ConfigurationProperties("tiffin.twilio")
public record SmsProperties(
        String accountSid,
        String authToken,
        String apiUrl,
        Duration connectTimeout,
        Duration readTimeout,
        ProviderHttp.Retry retry) {

    public static final String DEFAULT_API_URL = "https://api.twilio.com";

    public SmsProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank()
                ? DEFAULT_API_URL
                : apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        retry = retry == null ? ProviderHttp.Retry.DEFAULT : retry;
    }
}
