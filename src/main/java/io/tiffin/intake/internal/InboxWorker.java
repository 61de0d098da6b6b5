package io.tiffin.intake.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tiffin.intake.InboundMessageHandler;
import io.tiffin.platform.web.WebhookLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Handles one stored message: claims it, hands it to the conversation, and retries in place with
 * backoff so later messages of the same conversation keep waiting their turn. After the last attempt
 * the message becomes a dead letter, logged and counted, and the conversation moves on. While a burst of
 * webhooks is being acknowledged, handling waits a little: what is acknowledged is safe, while a slow
 * acknowledgement makes the provider retry and pile on more.
 */
@Component
class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final Inbox inbox;
    private final InboundMessageHandler handler;
    private final IntakeProperties properties;
    private final Counter processed;
    private final Counter dead;
    private final Timer lag;
    private final Timer handling;
    private final WebhookLoad webhooks;

    InboxWorker(Inbox inbox, InboundMessageHandler handler, IntakeProperties properties, MeterRegistry meters,
            WebhookLoad webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.handler = handler;
        this.properties = properties;
        this.processed = meters.counter("tiffin.intake.processed");
        this.dead = meters.counter("tiffin.intake.dead");
        this.lag = Timer.builder("tiffin.intake.lag").description("from the webhook's acknowledgement to handling")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.handling = Timer.builder("tiffin.intake.handling").description("handling one message, replies sent")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void process(String entryId) {
        yieldToWebhooks();
        Optional<InboxEntry> claimed = inbox.claim(entryId, properties.lease());
        if (claimed.isEmpty()) {
            return;
        }
        InboxEntry entry = claimed.get();
        if (entry.receivedAt() != null) {
            lag.record(Duration.between(entry.receivedAt(), Instant.now()));
        }
        // every log line of this message's handling, replies included, carries the provider's message id
        try (var trace = MDC.putCloseable("trace", entry.message().channel() + ":" + entry.message().providerMessageId())) {
            handle(entryId, entry);
        }
    }

    private void handle(String entryId, InboxEntry entry) {
        int attempt = entry.attempts();
        while (true) {
            try {
                handling.record(() -> handler.handle(entry.message()));
                inbox.done(entryId);
                processed.increment();
                return;
            } catch (RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (attempt >= properties.maxAttempts()) {
                    inbox.dead(entryId, error);
                    dead.increment();
                    log.error("Inbox message {} ({}) is a dead letter after {} attempts", entryId,
                            entry.conversationKey(), attempt, e);
                    return;
                }
                log.warn("Inbox message {} failed (attempt {}), retrying: {}", entryId, attempt, error);
                sleep(backoff(attempt));
                inbox.retrying(entryId, error, properties.lease());
                attempt++;
            }
        }
    }

    private void yieldToWebhooks() {
        long deadline = System.nanoTime() + properties.maxYield().toNanos();
        while (webhooks.perSecond() > properties.burstRate() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
    }

    private Duration backoff(int attempt) {
        long base = properties.firstBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
