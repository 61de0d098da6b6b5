package io.tiffin.channel.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.ClientHttpRequestFactory;

/** The HTTP plumbing every provider client shares: timeouts and retries with exponential backoff. */
public final class ProviderHttp {

    private ProviderHttp() {}

    /**
     * @param maxAttempts attempts in all, the first one included
     * @param initialBackoff the wait before the first retry; doubles each time
     * @param maxBackoff the longest wait between two attempts
     * @param jitter a random amount added or taken off each wait, so retries from many senders spread out
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration jitter) {
        public static final Retry DEFAULT = new Retry(4, null, null, null);

        public Retry {
            maxAttempts = maxAttempts < 1 ? 4 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
            jitter = jitter == null ? Duration.ofMillis(50) : jitter;
        }
    }

    /** Each body sent and each answer read in one piece (see {@link BufferedJdkRequests}). */
    public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        return new BufferedJdkRequests(client, readTimeout);
    }

    public static RetryTemplate retries(Retry retry, Predicate<Throwable> worthRetrying) {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.maxAttempts() - 1)
                .delay(retry.initialBackoff())
                .multiplier(2)
                .maxDelay(retry.maxBackoff())
                .jitter(retry.jitter())
                .predicate(worthRetrying::test)
                .build());
    }
}
