package io.tiffin.platform;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A native Redis connection, and what is built on it, made when first used rather than when the
 * app starts: a Redis that is down or slow to answer at start must not stop the app from starting
 * (webhooks keep being taken durably without it), only fail the calls that need it until it is
 * back. A failed connect is tried again by the next call; once made, the client reconnects by
 * itself. Commands wait no longer than the connection factory's timeout (the native client's own
 * default is a minute).
 */
public final class RedisOnFirstUse<T> implements AutoCloseable {

    private record Made<T>(StatefulRedisConnection<String, byte[]> connection, T value) {}

    private final LettuceConnectionFactory factory;
    private final Function<StatefulRedisConnection<String, byte[]>, T> build;
    private volatile Made<T> made;

    public RedisOnFirstUse(
            LettuceConnectionFactory factory, Function<StatefulRedisConnection<String, byte[]>, T> build) {
        this.factory = factory;
        this.build = build;
    }

    /** What was built on the connection; throws the client's {@code RedisException} while Redis cannot be reached. */
    public T get() {
        return made().value();
    }

    public StatefulRedisConnection<String, byte[]> connection() {
        return made().connection();
    }

    private Made<T> made() {
        Made<T> now = made;
        if (now != null) {
            return now;
        }
        synchronized (this) {
            if (made == null) {
                RedisClient client = (RedisClient) factory.getRequiredNativeClient();
                StatefulRedisConnection<String, byte[]> connection =
                        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                connection.setTimeout(Duration.ofMillis(factory.getTimeout()));
                made = new Made<>(connection, build.apply(connection));
            }
            return made;
        }
    }

    @Override
    public synchronized void close() {
        if (made != null) {
            made.connection().close();
            made = null;
        }
    }
}
