package io.tiffin.channel.whatsapp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WhatsApp Cloud API settings. Secrets have no default: without an app secret every webhook is
 * rejected, without an access token every send fails.
 *
 * @param appSecret the Meta app secret that signs webhooks ({@code X-Hub-Signature-256})
 * @param verifyToken the token Meta echoes in the GET handshake
 * @param accessToken the permanent (system user) token used to send
 * @param graphUrl the Graph API base including its version path
 * @param connectTimeout how long to wait for a connection to the Graph API
 * @param readTimeout how long to wait for its answer
 * @param retry how often and how patiently a failed send is retried
 */
@ConfigurationProperties("tiffin.whatsapp")
public record WhatsAppProperties(
        String appSecret,
        String verifyToken,
        String accessToken,
        String graphUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Retry retry) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com/v23.0";

    /**
     * @param maxAttempts attempts in all, the first one included
     * @param initialBackoff the wait before the first retry; doubles each time
     * @param maxBackoff the longest wait between two attempts
     * @param jitter a random amount added or taken off each wait, so retries from many senders spread out
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration jitter) {
        public static final Retry DEFAULT =
                new Retry(4, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(50));

        public Retry {
            maxAttempts = maxAttempts < 1 ? 4 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
            jitter = jitter == null ? Duration.ofMillis(50) : jitter;
        }
    }

    public WhatsAppProperties {
        graphUrl = graphUrl == null || graphUrl.isBlank() ? DEFAULT_GRAPH_URL : stripTrailingSlash(graphUrl);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        retry = retry == null ? Retry.DEFAULT : retry;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
