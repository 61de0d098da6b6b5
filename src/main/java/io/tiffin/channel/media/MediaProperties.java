package io.tiffin.channel.media;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param hosts hosts media may be downloaded from besides the providers' own and those of the
 *     configured provider URLs ({@code TIFFIN_MEDIA_HOSTS}, comma-separated; ".example.com" allows
 *     its subdomains)
 * @param maxBytes larger media is refused (WhatsApp's own cap for audio is 16 MB)
 * @param timeout how long one download may take in all
 */
@ConfigurationProperties("tiffin.media")
public record MediaProperties(List<String> hosts, Long maxBytes, Duration timeout) {

    /** Where WhatsApp, Instagram and Telegram serve media from. */
    public static final List<String> PROVIDER_HOSTS =
            List.of("lookaside.fbsbx.com", "graph.facebook.com", "api.telegram.org", ".fbcdn.net", ".cdninstagram.com");

    public MediaProperties {
        hosts = hosts == null
                ? List.of()
                : hosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        maxBytes = maxBytes == null ? 16L * 1024 * 1024 : maxBytes;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
}
