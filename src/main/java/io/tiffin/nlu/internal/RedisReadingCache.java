package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Model readings shared by every instance through Redis, kept a day. The key carries the menu
 * version, so an edited menu is never answered from an old reading; losing Redis only costs a model call.
 */
final class RedisReadingCache implements ReadingCache {

    private static final Logger log = LoggerFactory.getLogger(RedisReadingCache.class);
    private static final Duration TTL = Duration.ofDays(1);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    RedisReadingCache(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<ParseResult> get(String key) {
        try {
            String value = redis.opsForValue().get(redisKey(key));
            return value == null ? Optional.empty() : Optional.of(json.readValue(value, ParseResult.class));
        } catch (RuntimeException e) {
            log.debug("Reading cache unavailable", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, ParseResult reading) {
        try {
            redis.opsForValue().set(redisKey(key), json.writeValueAsString(reading), TTL);
        } catch (RuntimeException e) {
            log.debug("Reading cache unavailable", e);
        }
    }

    private static String redisKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "nlu:llm:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
