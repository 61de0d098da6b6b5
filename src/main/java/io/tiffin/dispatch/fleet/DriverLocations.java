package io.tiffin.dispatch.fleet;

import io.tiffin.dispatch.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Live driver positions in Redis, never in MongoDB on the way of a ping. One script call per ping
 * does all of it in one round trip: the once-a-second throttle (SET NX PX), the merchant's GEO set,
 * and the driver's own key with a time to live. A position older than {@link #FRESH} does not count
 * for new work.
 */
@Component
public class DriverLocations {

    public static final Duration FRESH = Duration.ofMinutes(2);
    static final Duration KEEP = Duration.ofMinutes(30);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    // KEYS: throttle, merchant geo set, driver position; ARGV: throttle ms, lng, lat, value, keep ms, member
    private static final DefaultRedisScript<Long> PING = new DefaultRedisScript<>("""
            if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
            redis.call('GEOADD', KEYS[2], ARGV[2], ARGV[3], ARGV[6])
            redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5])
            return 1
            """, Long.class);

    public record Position(GeoPoint point, Double accuracy, Instant at) {}

    private final StringRedisTemplate redis;

    public DriverLocations(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Stores the position unless the driver sent one less than a second ago; true when stored. */
    public boolean record(String merchantId, String driverId, Position position) {
        String value = position.point().lat() + "," + position.point().lng() + ","
                + (position.accuracy() == null ? "" : position.accuracy()) + ","
                + position.at().toEpochMilli();
        Long stored = redis.execute(
                PING,
                List.of(throttleKey(driverId), geoKey(merchantId), positionKey(driverId)),
                Long.toString(MIN_INTERVAL.toMillis()),
                Double.toString(position.point().lng()),
                Double.toString(position.point().lat()),
                value,
                Long.toString(KEEP.toMillis()),
                driverId);
        return stored != null && stored == 1L;
    }

    /** The last positions of these drivers that Redis still holds. */
    public Map<String, Position> of(List<String> driverIds) {
        if (driverIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys = new ArrayList<>(driverIds.size());
        driverIds.forEach(id -> keys.add(positionKey(id)));
        List<String> values = redis.opsForValue().multiGet(keys);
        Map<String, Position> positions = new HashMap<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            Position position = parse(values.get(i));
            if (position != null) {
                positions.put(driverIds.get(i), position);
            }
        }
        return positions;
    }

    /** Off shift: the driver leaves the merchant's GEO set (their last position stays with the profile). */
    public void forget(String merchantId, String driverId) {
        redis.opsForZSet().remove(geoKey(merchantId), driverId);
        redis.delete(positionKey(driverId));
    }

    static Position parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", -1);
        try {
            Double accuracy = parts[2].isEmpty() ? null : Double.valueOf(parts[2]);
            return new Position(
                    new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])),
                    accuracy,
                    Instant.ofEpochMilli(Long.parseLong(parts[3])));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String geoKey(String merchantId) {
        return "tiffin:drivers:geo:" + merchantId;
    }

    private static String positionKey(String driverId) {
        return "tiffin:driver:pos:" + driverId;
    }

    private static String throttleKey(String driverId) {
        return "tiffin:driver:ping:" + driverId;
    }
}
