package io.tiffin.channel.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.tiffin.platform.RedisOnFirstUse;
import io.tiffin.platform.TooManyRequestsException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * How much one browser, one client address and one merchant may send through the web chat, counted
 * in Redis so every instance sees the same numbers. A session id is free to make, so the limits that
 * matter are per address and per merchant, and on new sessions above all: a fresh id per message
 * runs out of new sessions long before it can flood a board.
 */
@Component
@EnableConfigurationProperties(WebChatLimits.Limits.class)
class WebChatLimits implements DisposableBean {

    /** Messages a minute and new sessions an hour; {@code tiffin.webchat.*}. */
    @ConfigurationProperties("tiffin.webchat")
    record Limits(
            int messagesPerSession,
            int messagesPerAddress,
            int messagesPerMerchant,
            int newSessionsPerAddress,
            int newSessionsPerMerchant) {

        Limits {
            messagesPerSession = messagesPerSession > 0 ? messagesPerSession : 20;
            messagesPerAddress = messagesPerAddress > 0 ? messagesPerAddress : 60;
            messagesPerMerchant = messagesPerMerchant > 0 ? messagesPerMerchant : 600;
            newSessionsPerAddress = newSessionsPerAddress > 0 ? newSessionsPerAddress : 10;
            newSessionsPerMerchant = newSessionsPerMerchant > 0 ? newSessionsPerMerchant : 300;
        }
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    // a session not heard from for this long counts as new again
    private static final Duration SESSION_MEMORY = Duration.ofHours(24);

    private final RedisOnFirstUse<ProxyManager<String>> redis;
    private final BucketConfiguration perSession;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perMerchant;
    private final BucketConfiguration newPerAddress;
    private final BucketConfiguration newPerMerchant;

    WebChatLimits(LettuceConnectionFactory factory, Limits limits) {
        this.redis = new RedisOnFirstUse<>(
                factory,
                connection -> Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(HOUR))
                        .build());
        this.perSession = config(limits.messagesPerSession(), MINUTE);
        this.perAddress = config(limits.messagesPerAddress(), MINUTE);
        this.perMerchant = config(limits.messagesPerMerchant(), MINUTE);
        this.newPerAddress = config(limits.newSessionsPerAddress(), HOUR);
        this.newPerMerchant = config(limits.newSessionsPerMerchant(), HOUR);
    }

    private static BucketConfiguration config(int capacity, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, window))
                .build();
    }

    /** Before anything else is looked up: an address sending too fast is refused at once. */
    void checkAddress(String address) {
        counted(() -> checkAddressCounted(address));
    }

    private void checkAddressCounted(String address) {
        if (!bucket("webchat:addr:" + address, perAddress).tryConsume(1)) {
            throw new TooManyRequestsException(
                    "Too many messages from your network. Please wait a minute and try again.", Duration.ofSeconds(30));
        }
    }

    /** One message of a session to a merchant; a session seen for the first time also spends a new-session allowance. */
    void checkMessage(String merchantId, String sessionId, String address) {
        counted(() -> checkMessageCounted(merchantId, sessionId, address));
    }

    private void checkMessageCounted(String merchantId, String sessionId, String address) {
        if (!bucket("webchat:session:" + sessionId, perSession).tryConsume(1)) {
            throw new TooManyRequestsException(
                    "You are sending messages too fast. Please slow down.", Duration.ofSeconds(10));
        }
        if (!bucket("webchat:merchant:" + merchantId, perMerchant).tryConsume(1)) {
            throw new TooManyRequestsException(
                    "This shop is very busy on the web chat. Please try again in a minute.", Duration.ofSeconds(30));
        }
        String seen = "webchat:seen:" + merchantId + ":" + sessionId;
        boolean fresh = "OK"
                .equals(redis.connection()
                        .sync()
                        .set(seen, new byte[] {1}, SetArgs.Builder.nx().ex(SESSION_MEMORY)));
        if (!fresh) {
            redis.connection().sync().expire(seen, SESSION_MEMORY);
            return;
        }
        if (!bucket("webchat:new:addr:" + address, newPerAddress).tryConsume(1)
                || !bucket("webchat:new:merchant:" + merchantId, newPerMerchant).tryConsume(1)) {
            // not counted as seen, so the same session may start once the allowance refills
            redis.connection().sync().del(seen);
            throw new TooManyRequestsException(
                    "Too many new chats from your network. Please try again later.", Duration.ofMinutes(5));
        }
    }

    /** Without Redis nothing can be counted: the chat fails closed at once, as sign-in does, rather than unlimited. */
    private static void counted(Runnable check) {
        try {
            check.run();
        } catch (RedisException | BucketExceptions.BucketExecutionException | CompletionException e) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The chat is unavailable for a moment. Please try again shortly.",
                    e);
        }
    }

    private Bucket bucket(String key, BucketConfiguration configuration) {
        return redis.get().builder().build(key, () -> configuration);
    }

    @Override
    public void destroy() {
        redis.close();
    }
}
