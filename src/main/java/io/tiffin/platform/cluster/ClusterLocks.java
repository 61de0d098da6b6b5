package io.tiffin.platform.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Named locks shared by every instance on the same Redis: a key set only if absent, holding a token
 * of its owner, with an expiry so that a lock held by an instance that died frees itself after
 * {@code tiffin.cluster.lock-expiry}; released only by the owner's token (a Lua compare-and-delete),
 * never by someone who took it over after an expiry.
 *
 * <p>A lock in hand is renewed by a heartbeat, every third of the expiry, only while the key still
 * holds its owner's token (a Lua compare-and-expire), the way {@code ClaimLeases} renews inbox claims:
 * work that outlasts the expiry (a conversation's message waiting on a model at its timeout, a store
 * outage waited out) keeps its lock, while the lock of an instance that died runs out one expiry after
 * its last beat. A lock found taken over is dropped from the heartbeat and logged.
 *
 * <p>Why not Spring Integration's {@code RedisLockRegistry} with its renewal scheduler (read in 7.0.5):
 * its local locks are striped by hash, so two different conversations can wait on each other inside one
 * process; a release whose delete fails (a Redis timeout) leaves the renewal task running, which then
 * keeps a released lock alive or cancels the renewal of a later holder of the same key; and every release
 * hops to another thread. This class keeps its one key, token and script per lock, and its keys are the
 * same ({@code tiffin:locks:<name>}), so versions before the heartbeat still exclude each other with it.
 */
@Component
public class ClusterLocks extends Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);
    private static final String PREFIX = "tiffin:locks:";
    private static final Duration SPIN = Duration.ofMillis(20);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);
    private static final RedisScript<Long> RENEW = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration expiry;
    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    public ClusterLocks(StringRedisTemplate redis, ClusterProperties properties) {
        super("cluster-locks", properties.lockExpiry().dividedBy(3));
        this.redis = redis;
        this.expiry = properties.lockExpiry();
    }

    /**
     * Runs {@code work} holding the lock {@code name}, waiting up to {@code wait} for it; the lock is
     * renewed while the work runs (once {@link #start started}).
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
        Held lock = new Held(key, token);
        held.add(lock);
        try {
            work.run();
            return true;
        } finally {
            held.remove(lock);
            try {
                redis.execute(RELEASE, List.of(key), token);
            } catch (RuntimeException e) {
                // it expires by itself: no beat renews it any more
            }
        }
    }

    /** One heartbeat: extends every lock in hand whose key still holds its token. */
    void renewHeld() {
        String millis = Long.toString(expiry.toMillis());
        for (Held lock : held) {
            try {
                Long renewed = redis.execute(RENEW, List.of(lock.key), lock.token, millis);
                if ((renewed == null || renewed == 0) && held.remove(lock)) {
                    log.warn("Lock {} ran out and was taken over while its work ran here", lock.key);
                }
            } catch (RuntimeException e) {
                // Redis away: the next beat tries again, and the lock runs out one expiry after the last beat
                log.debug("Renewing lock {} failed: {}", lock.key, e.toString());
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

    @Override
    protected void beat() {
        renewHeld();
    }

    /** A lock in hand: its key and its owner's token. */
    private record Held(String key, String token) {}

    /** Redis could not be asked for the lock; the work was not run. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("the lock store cannot be reached: " + cause.getMessage(), cause);
        }
    }
}
