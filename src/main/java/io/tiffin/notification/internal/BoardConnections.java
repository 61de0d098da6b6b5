package io.tiffin.notification.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * The boards connected to this instance, by merchant. Events come in from Redis pub/sub (so every
 * instance hears every event) and go out to the local boards of that merchant only.
 */
@Component
class BoardConnections {

    private static final Logger log = LoggerFactory.getLogger(BoardConnections.class);

    private final Map<String, Set<Connection>> byMerchant = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    BoardConnections(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One open board. While it replays missed events, live ones wait in {@code pending}, so the board
     * sees every event once and in log order.
     */
    final class Connection {
        private final String merchantId;
        private final SseEmitter emitter;
        private String lastSent;
        private boolean replaying = true;
        private final List<BoardEvent> pending = new ArrayList<>();

        private Connection(String merchantId, SseEmitter emitter, String lastSent) {
            this.merchantId = merchantId;
            this.emitter = emitter;
            this.lastSent = BoardEvent.isValidId(lastSent) ? lastSent : null;
        }

        synchronized void replay(List<BoardEvent> missed) {
            missed.forEach(this::write);
            replaying = false;
            pending.forEach(this::write);
            pending.clear();
        }

        synchronized void send(BoardEvent event) {
            if (replaying) {
                pending.add(event);
            } else {
                write(event);
            }
        }

        synchronized void comment(String text) {
            try {
                emitter.send(SseEmitter.event().comment(text));
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        private void write(BoardEvent event) {
            if (lastSent != null && BoardEvent.compareIds(event.id(), lastSent) <= 0) {
                return;
            }
            try {
                emitter.send(
                        SseEmitter.event().id(event.id()).name(event.type()).data(json.writeValueAsString(event)));
                lastSent = event.id();
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        void close() {
            remove(this);
        }
    }

    Connection open(String merchantId, SseEmitter emitter, String lastEventId) {
        Connection connection = new Connection(merchantId, emitter, lastEventId);
        byMerchant
                .computeIfAbsent(merchantId, m -> ConcurrentHashMap.newKeySet())
                .add(connection);
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(e -> connection.close());
        return connection;
    }

    /** A message from Redis pub/sub: one board event as JSON. */
    void deliver(byte[] message) {
        BoardEvent event;
        try {
            event = json.readValue(message, BoardEvent.class);
        } catch (RuntimeException e) {
            log.warn("unreadable board event: {}", e.toString());
            return;
        }
        for (Connection connection : byMerchant.getOrDefault(event.merchantId(), Set.of())) {
            connection.send(event);
        }
    }

    /** Keeps idle connections open through proxies, and finds the dead ones. */
    @Scheduled(fixedDelayString = "${tiffin.board.heartbeat:20s}")
    void heartbeat() {
        byMerchant.values().forEach(set -> set.forEach(c -> c.comment("ping")));
    }

    /**
     * Ends every stream when the app shuts down: graceful shutdown would otherwise wait for these
     * never-ending requests; the boards reconnect (to another instance) and replay what they missed.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byMerchant.values().forEach(set -> set.forEach(c -> c.emitter.complete()));
        byMerchant.clear();
    }

    int count() {
        return byMerchant.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(Connection connection) {
        Set<Connection> set = byMerchant.get(connection.merchantId);
        if (set != null) {
            set.remove(connection);
        }
    }
}
