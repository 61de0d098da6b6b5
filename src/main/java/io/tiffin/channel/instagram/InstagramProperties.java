package io.tiffin.channel.instagram;

import io.tiffin.channel.internal.ProviderHttp;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instagram Messaging settings. Without an app secret every webhook is refused; without an access
 * token every send fails.
 *
 * @param appSecret the Meta app secret that signs webhooks ({@code X-Hub-Signature-256})
 * @param verifyToken the token Meta echoes in the GET handshake
 * @param accessToken the token the Send API is called with
 * @param graphUrl the Graph API base including its version path
 */
@ConfigurationProperties("tiffin.instagram")
public record InstagramProperties(
        String appSecret,
        String verifyToken,
        String accessToken,
        String graphUrl,
        Duration connectTimeout,
        Duration readTimeout,
        ProviderHttp.Retry retry) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.instagram.com/v23.0";

    public InstagramProperties {
        graphUrl = graphUrl == null || graphUrl.isBlank()
                ? DEFAULT_GRAPH_URL
                : graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        retry = retry == null ? ProviderHttp.Retry.DEFAULT : retry;
    }
}
