package io.tiffin.intake.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tiffin.channel.InboundMessage;
import io.tiffin.intake.InboundMessageHandler;
import io.tiffin.intake.InboundStatusHandler;
import io.tiffin.platform.cluster.ClusterLocks;
import io.tiffin.platform.store.MongoReachability;
import io.tiffin.platform.web.WebhookLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Handles one stored message: claims it, hands it to the conversation (a delivery status also to the
 * {@link InboundStatusHandler}s, e.g. to record a failure the provider reported late), and retries in place with
 * backoff so later messages of the same conversation keep waiting their turn. After the last attempt
 * the message becomes a dead letter, logged and counted, and the conversation moves on. A store that cannot be
 * reached is waited out instead, with the message kept in hand and no attempt counted: an outage is not the
 * message's fault, and dead-lettering it would leave the customer unanswered. While a burst of
 * webhooks is being acknowledged, handling waits a little: what is acknowledged is safe, while a slow
 * acknowledgement makes the provider retry and pile on more.
 *
 * <p>Within one process the partitioned channel keeps a conversation's messages in order. Across
 * instances, each message is handled under its conversation's {@link ClusterLocks lock}, and the lock
 * holder first handles every message of the conversation still waiting, oldest first, whichever
 * instance received it, up to one it cannot claim: so messages sent to different instances are still handled
 * one at a time, in order. Since a message is claimed only once the one before it is finished, and a claim in
 * hand is renewed however long its handling takes ({@link ClaimLeases}), the order holds even where two holders
 * overlap (a lock that expired under a slow holder, or Redis out of reach).
 * A process that journals its intake owns its store alone, so there the lock is off by default
 * ({@link IntakeProperties#conversationLockWith}).
 */
@Component
class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    /** Waiting messages handled per lock hold: a conversation's backlog rarely holds more. */
    private static final int WAITING_BATCH = 100;

    private final Inbox inbox;
    private final InboundMessageHandler handler;
    private final ObjectProvider<InboundStatusHandler> statusHandlers;
    private final IntakeProperties properties;
    private final Counter processed;
    private final Counter dead;
    private final Timer lag;
    private final Timer handling;
    private final WebhookLoad webhooks;
    private final ClusterLocks locks;
    private final boolean conversationLock;
    private final InboxFinisher finisher;
    private final ClaimLeases leases;
    private final Counter outageWaits;

    InboxWorker(
            Inbox inbox,
            InboundMessageHandler handler,
            ObjectProvider<InboundStatusHandler> statusHandlers,
            IntakeProperties properties,
            MeterRegistry meters,
            WebhookLoad webhooks,
            ClusterLocks locks,
            ObjectProvider<InboxJournal> journal,
            InboxFinisher finisher,
            ClaimLeases leases) {
        this.statusHandlers = statusHandlers;
        this.leases = leases;
        this.finisher = finisher;
        this.locks = locks;
        this.conversationLock = properties.conversationLockWith(journal.getIfAvailable() != null);
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.handler = handler;
        this.properties = properties;
        this.processed = meters.counter("tiffin.intake.processed");
        this.dead = meters.counter("tiffin.intake.dead");
        this.outageWaits = meters.counter("tiffin.intake.store.waits");
        this.lag = Timer.builder("tiffin.intake.lag")
                .description("from the webhook's acknowledgement to handling")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.handling = Timer.builder("tiffin.intake.handling")
                .description("handling one message, replies sent")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    void process(String entryId, String conversationKey) {
        yieldToWebhooks();
        if (!conversationLock || conversationKey == null) {
            processOne(entryId);
            return;
        }
        boolean handled;
        try {
            handled = locks.withLock(
                    "conversation:" + conversationKey,
                    properties.conversationWait(),
                    () -> processInOrder(entryId, conversationKey));
        } catch (ClusterLocks.Unavailable e) {
            // customers keep getting answers while Redis is out: the claims alone still keep each message to one
            // instance and the conversation's messages in order, only with more contention
            log.warn("Inbox message {} handled without its conversation lock: {}", entryId, e.getMessage());
            processInOrder(entryId, conversationKey);
            return;
        }
        if (!handled) {
            log.warn(
                    "Inbox message {}: its conversation stayed locked for {}; left to the sweep",
                    entryId,
                    properties.conversationWait());
        }
    }

    /**
     * Handles the conversation's unfinished messages oldest first, stopping at the first one that cannot be
     * claimed: someone else holds it (an instance that died or lost the lock while handling it), so the later
     * ones wait for its lease to run out and the sweep to take it first. The claim itself decides, not a look
     * at the lease beforehand: a lease that ran out on this clock can still be a live one to the store, which
     * compares whole milliseconds, and skipping such a message let a later one be answered first.
     */
    private void processInOrder(String entryId, String conversationKey) {
        for (InboxEntry waiting : inbox.unfinished(conversationKey, WAITING_BATCH)) {
            if (!processOne(waiting.id()) && !inbox.finished(waiting.id())) {
                log.info(
                        "Inbox message {} waits: an earlier message of its conversation ({}) is in hand elsewhere",
                        entryId,
                        waiting.id());
                return;
            }
        }
        processOne(entryId); // already done above, unless stored after the look
    }

    /**
     * Handles a message the journal's drain stored already claimed for this process (its first attempt):
     * no claim to write and nothing to read. Only where the conversation lock is off, so this process
     * alone owns the store and its partitions keep each conversation in order.
     */
    void processClaimed(InboxEntry claimed) {
        yieldToWebhooks();
        work(claimed);
    }

    /** @return false when the message could not be claimed: finished, or in someone else's hands */
    private boolean processOne(String entryId) {
        Optional<InboxEntry> claimed = inbox.claim(entryId, properties.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        work(claimed.get());
        return true;
    }

    private void work(InboxEntry entry) {
        String entryId = entry.id();
        if (entry.receivedAt() != null) {
            lag.record(Duration.between(entry.receivedAt(), Instant.now()));
        }
        ClaimLeases.Claim claim = leases.hold(entry);
        // every log line of this message's handling, replies included, carries the provider's message id
        try (var trace = MDC.putCloseable(
                "trace", entry.message().channel() + ":" + entry.message().providerMessageId())) {
            handle(entryId, entry, claim);
        } finally {
            leases.release(claim);
        }
    }

    /**
     * Handles the message, retrying a failed attempt after a backoff until the last one makes it a dead
     * letter. A store that cannot be reached is no failed attempt: the message stays in hand, its claim
     * kept, and is handled again once the store answers, however long it is away (a reply recorded as
     * sent before the outage is not sent again).
     */
    private void handle(String entryId, InboxEntry entry, ClaimLeases.Claim claim) {
        int attempt = entry.attempts();
        boolean handled = false;
        RuntimeException failure = null; // a failed attempt not yet recorded
        int storeWaits = 0; // backoffs spent waiting for the store, over all its outages
        while (true) {
            try {
                if (failure != null) {
                    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                    if (attempt >= properties.maxAttempts()) {
                        inbox.dead(entryId, error, attempt);
                        dead.increment();
                        log.error(
                                "Inbox message {} ({}) is a dead letter after {} attempts",
                                entryId,
                                entry.conversationKey(),
                                attempt,
                                failure);
                        return;
                    }
                    log.warn("Inbox message {} failed (attempt {}), retrying: {}", entryId, attempt, error);
                    sleep(backoff(attempt));
                    if (!leases.retrying(claim, error, attempt + 1)) {
                        log.warn("Inbox message {}: its claim was taken over; left to its new holder", entryId);
                        return;
                    }
                    attempt++;
                    failure = null;
                }
                if (!handled) {
                    try {
                        handling.record(() -> dispatch(entry.message()));
                        handled = true;
                    } catch (RuntimeException e) {
                        if (MongoReachability.unreachable(e)) {
                            throw e;
                        }
                        failure = e;
                        continue;
                    }
                }
                // durable before the next message: it records the last reply as sent
                if (conversationLock) {
                    finisher.doneNow(entryId);
                } else {
                    finisher.done(entryId);
                }
                processed.increment();
                return;
            } catch (RuntimeException e) {
                if (!MongoReachability.unreachable(e)) {
                    throw e;
                }
                storeWaits = awaitStore(entryId, claim, e, storeWaits);
                if (storeWaits < 0) {
                    return;
                }
            }
        }
    }

    /**
     * Waits, backing off, until the store answers again: its answer is the claim's renewal, so the message
     * is handled again only while it is still this worker's. The backoff goes on growing across the
     * message's outages ({@code waits} so far), so one that keeps meeting them is tried ever less often,
     * not every half second.
     *
     * @return the backoffs waited so far, or -1 when the message was taken over meanwhile (its lease ran
     *     out during the outage and another instance reached the store first)
     */
    private int awaitStore(String entryId, ClaimLeases.Claim claim, RuntimeException outage, int waits) {
        log.warn(
                "Inbox message {}: the store is unreachable ({}); waiting for it, not counting an attempt",
                entryId,
                outage.getClass().getSimpleName());
        outageWaits.increment();
        while (true) {
            long first = properties.firstBackoff().toMillis();
            sleep(Duration.ofMillis(Math.min(
                    first << Math.min(waits++, 16), properties.maxBackoff().toMillis())));
            try {
                if (leases.renew(claim)) {
                    log.info("Inbox message {}: the store answers again; handling it again", entryId);
                    return waits;
                }
                log.warn(
                        "Inbox message {}: taken over while the store was unreachable; left to its new holder",
                        entryId);
                return -1;
            } catch (RuntimeException stillAway) {
                if (!MongoReachability.unreachable(stillAway)) {
                    throw stillAway;
                }
            }
        }
    }

    private void dispatch(InboundMessage message) {
        if (message.kind() == InboundMessage.Kind.STATUS) {
            statusHandlers.orderedStream().forEach(h -> h.handle(message));
        }
        handler.handle(message);
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
