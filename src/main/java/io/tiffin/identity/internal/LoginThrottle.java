package io.tiffin.identity.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.tiffin.platform.RedisOnFirstUse;
import io.tiffin.platform.TooManyRequestsException;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in Redis token buckets, per account and per client address, so guessing is
 * slowed on every instance alike. A bucket holds the failures allowed per window and refills over it.
 */
@Component
class LoginThrottle implements DisposableBean {

    private final RedisOnFirstUse<ProxyManager<String>> redis;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perClient;
    private final Duration window;

    LoginThrottle(LettuceConnectionFactory factory, AuthProperties properties) {
        this.window = properties.failureWindow();
        this.redis = new RedisOnFirstUse<>(
                factory,
                connection -> Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                        .build());
        this.perAccount = config(properties.maxFailuresPerAccount());
        this.perClient = config(properties.maxFailuresPerClient());
    }

    private BucketConfiguration config(int failures) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
                .build();
    }

    /**
     * Refuses with 429 while either bucket is empty. Without Redis no failure can be counted, so
     * sign-in fails closed: 503 at once, rather than unthrottled guessing.
     */
    void check(String account, String client) {
        boolean empty = counted(() ->
                account(account).getAvailableTokens() < 1 || client(client).getAvailableTokens() < 1);
        if (empty) {
            throw new TooManyRequestsException("too many failed logins; try again later", window.dividedBy(5));
        }
    }

    void failed(String account, String client) {
        counted(() -> account(account).tryConsume(1) & client(client).tryConsume(1));
    }

    void succeeded(String account) {
        counted(() -> {
            account(account).reset();
            return true;
        });
    }

    private static boolean counted(java.util.function.BooleanSupplier call) {
        try {
            return call.getAsBoolean();
        } catch (io.lettuce.core.RedisException
                | io.github.bucket4j.BucketExceptions.BucketExecutionException
                | java.util.concurrent.CompletionException e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "sign-in is unavailable for a moment; try again shortly",
                    e);
        }
    }

    private Bucket account(String account) {
        return redis.get().builder().build("login:account:" + account, () -> perAccount);
    }

    private Bucket client(String client) {
        return redis.get().builder().build("login:client:" + client, () -> perClient);
    }

    @Override
    public void destroy() {
        redis.close();
    }
}
