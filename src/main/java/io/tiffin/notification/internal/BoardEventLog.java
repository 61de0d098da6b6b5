package io.tiffin.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A short log of each merchant's board events in a capped Redis stream (the last {@value #KEEP},
 * kept a day after the last event), and the pub/sub announcement that reaches every instance. A
 * tablet that lost its connection for a while replays from here; one gone longer reloads the board.
 */
@Component
class BoardEventLog {

    static final int KEEP = 500;
    private static final Duration KEEP_FOR = Duration.ofDays(1);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    BoardEventLog(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** Appends the event to the merchant's log and announces it to every instance; answers it with its id. */
    BoardEvent publish(BoardEvent event) {
        String key = key(event.merchantId());
        MapRecord<String, String, String> record =
                StreamRecords.newRecord().in(key).ofMap(Map.of("e", json.writeValueAsString(event)));
        RecordId id = redis.opsForStream().add(record, XAddOptions.maxlen(KEEP).approximateTrimming(true));
        redis.expire(key, KEEP_FOR);
        BoardEvent stored = event.withId(id.getValue());
        redis.convertAndSend(NotificationConfiguration.BOARD_TOPIC.getTopic(), json.writeValueAsString(stored));
        return stored;
    }

    /** The merchant's events after {@code lastId}, oldest first. */
    List<BoardEvent> after(String merchantId, String lastId) {
        if (!BoardEvent.isValidId(lastId)) {
            return List.of();
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .range(
                        key(merchantId),
                        Range.rightUnbounded(Range.Bound.exclusive(lastId)),
                        Limit.limit().count(KEEP));
        if (records == null) {
            return List.of();
        }
        return records.stream()
                .map(r -> json.readValue(String.valueOf(r.getValue().get("e")), BoardEvent.class)
                        .withId(r.getId().getValue()))
                .toList();
    }

    private static String key(String merchantId) {
        return "tiffin:board:" + merchantId;
    }
}
