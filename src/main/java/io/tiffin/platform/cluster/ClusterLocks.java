package io.tiffin.platform.cluster;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Named locks shared by every instance on the same Redis: a key set only if absent, holding a token
 * of its owner, with an expiry so that a lock held by an instance that died frees itself after
 * {@code tiffin.cluster.lock-expiry}; released only by the owner's token (a Lua compare-and-delete),
 * never by someone who took it over after an expiry. The same scheme as Spring Integration's Redis
 * lock registry in spin mode, without its per-thread lock objects, which the intake does not need.
 */
@Component
public class ClusterLocks {

    private static final String PREFIX = "tiffin:locks:";
    private static final Duration SPIN = Duration.ofMillis(20);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration expiry;

    public ClusterLocks(StringRedisTemplate redis, ClusterProperties properties) {
        this.redis = redis;
        this.expiry = properties.lockExpiry();
    }

    /**
     * Runs {@code work} holding the lock {@code name}, waiting up to {@code wait} for it.
     *
     * @return false, without running it, when the lock stayed taken for the whole wait
     * @throws Unavailable when Redis cannot be asked (the work is not run)
     */
    public boolean withLock(String name, Duration wait, Runnable work) {
        String key = PREFIX + name;
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        while (!take(key, token)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(SPIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        try {
            work.run();
            return true;
        } finally {
            try {
                redis.execute(RELEASE, List.of(key), token);
            } catch (RuntimeException e) {
                // it expires by itself
            }
        }
    }

    private boolean take(String key, String token) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, expiry));
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    /** Redis could not be asked for the lock; the work was not run. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("the lock store cannot be reached: " + cause.getMessage(), cause);
        }
    }
}
