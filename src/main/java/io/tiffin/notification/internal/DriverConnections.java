package io.tiffin.notification.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * The driver phones connected to this instance, by driver. A push is announced on Redis pub/sub so
 * the instance holding the driver's stream delivers it. No replay log: a phone that reconnects
 * reloads its route, which is the whole truth.
 */
@Component
class DriverConnections {

    private static final Logger log = LoggerFactory.getLogger(DriverConnections.class);

    private final Map<String, Set<SseEmitter>> byDriver = new ConcurrentHashMap<>();
    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    DriverConnections(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    void open(String driverId, SseEmitter emitter) {
        byDriver.computeIfAbsent(driverId, d -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable close = () -> remove(driverId, emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
    }

    /** Announces the push to every instance. */
    void publish(DriverPush push) {
        try {
            redis.convertAndSend(NotificationConfiguration.DRIVER_TOPIC.getTopic(), json.writeValueAsString(push));
        } catch (RuntimeException e) {
            log.warn("could not push to driver {}: {}", push.driverId(), e.toString());
        }
    }

    /** A message from Redis pub/sub. */
    void deliver(byte[] message) {
        DriverPush push;
        try {
            push = json.readValue(message, DriverPush.class);
        } catch (RuntimeException e) {
            log.warn("unreadable driver push: {}", e.toString());
            return;
        }
        for (SseEmitter emitter : byDriver.getOrDefault(push.driverId(), Set.of())) {
            send(push.driverId(), emitter, SseEmitter.event().name(push.type()).data(json.writeValueAsString(push)));
        }
    }

    @Scheduled(fixedDelayString = "${tiffin.board.heartbeat:20s}")
    void heartbeat() {
        byDriver.forEach((driverId, set) ->
                set.forEach(e -> send(driverId, e, SseEmitter.event().comment("ping"))));
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byDriver.values().forEach(set -> set.forEach(SseEmitter::complete));
        byDriver.clear();
    }

    private void send(String driverId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException gone) {
            remove(driverId, emitter);
        }
    }

    private void remove(String driverId, SseEmitter emitter) {
        Set<SseEmitter> set = byDriver.get(driverId);
        if (set != null) {
            set.remove(emitter);
        }
    }
}
