package io.tiffin.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.intake.InboundMessageHandler;
import io.tiffin.intake.InboundStatusHandler;
import io.tiffin.platform.cluster.ClusterLocks;
import io.tiffin.platform.cluster.ClusterProperties;
import io.tiffin.platform.web.WebhookLoad;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Claims of messages in hand: renewed while handling outlasts the lease, so a second instance never takes
 * a message over from a live holder; fenced, so a renewal never extends someone else's claim; and kept,
 * with no attempt counted, while the store cannot be reached. The workers are built by hand on the inbox
 * with a clock of their own an hour ahead (the app's sweep leaves their messages alone), and their
 * conversation lock lets everyone in, as one that expired under a slow holder would: only the claims keep
 * the messages to one worker and in order. The lease beats are called by the test, a quarter lease apart.
 */
class ClaimLeaseIntegrationTest extends IntegrationTestSupport {

    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final int MAX_ATTEMPTS = 4;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    WebhookLoad webhooks;

    @Autowired
    ObjectProvider<InboundStatusHandler> statusHandlers;

    @Autowired
    ObjectProvider<InboxJournal> journal;

    private final MovableClock clock = new MovableClock();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @Test
    void aMessageHandledLongerThanItsLeaseStaysWithItsWorkerAndTheNextOneFollowsIt() throws Exception {
        Inbox inbox = new Inbox(mongo, clock);
        ClaimLeases leases = new ClaimLeases(inbox, properties(), clock);
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        InboundMessageHandler slowFirst = message -> {
            handled.add(message.text());
            if (message.text().equals("first") && inHand.getCount() > 0) {
                inHand.countDown();
                await(finish); // e.g. a model call at its timeout
            }
        };
        InboxWorker one = worker(inbox, leases, slowFirst);
        InboxWorker other = worker(inbox, leases, slowFirst); // another instance on the same store
        String customer = customer();
        InboxEntry first = store(inbox, customer, "first");
        InboxEntry second = store(inbox, customer, "second");

        Thread handling = Thread.ofPlatform().start(() -> one.process(first.id(), first.conversationKey()));
        assertThat(inHand.await(20, TimeUnit.SECONDS)).isTrue();
        for (int beat = 0; beat < 12; beat++) { // three leases go by while the first is in hand
            clock.advance(LEASE.dividedBy(4));
            leases.renewDue();
        }
        other.process(second.id(), second.conversationKey());
        other.process(first.id(), first.conversationKey());
        assertThat(handled)
                .as("nothing taken over, nothing answered before the first")
                .containsExactly("first");
        assertThat(inbox.find(first.id()).orElseThrow().leaseUntil()).isAfter(clock.now);
        assertThat(inbox.find(second.id()).orElseThrow().state()).isEqualTo(InboxEntry.State.RECEIVED);

        finish.countDown();
        handling.join(20_000);
        assertThat(handling.isAlive()).isFalse();
        other.process(second.id(), second.conversationKey());
        assertThat(handled).containsExactly("first", "second");
        assertThat(inbox.find(first.id()).orElseThrow().state()).isEqualTo(InboxEntry.State.DONE);
        assertThat(inbox.find(first.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(inbox.find(second.id()).orElseThrow().state()).isEqualTo(InboxEntry.State.DONE);
    }

    @Test
    void aClaimTakenOverAfterItsLeaseRanOutIsNotRenewedByItsFormerHolder() {
        Inbox inbox = new Inbox(mongo, clock);
        ClaimLeases leases = new ClaimLeases(inbox, properties(), clock);
        InboxEntry message = store(inbox, customer(), "first");
        ClaimLeases.Claim held = leases.hold(inbox.claim(message.id(), LEASE).orElseThrow());
        // the holder could not renew (cut off from the store) and another instance took the message over
        clock.advance(LEASE.plusSeconds(1));
        InboxEntry takenOver = inbox.claim(message.id(), LEASE).orElseThrow();

        leases.renewDue();
        assertThat(held.lost()).isTrue();
        assertThat(leases.renew(held)).isFalse();
        InboxEntry stored = inbox.find(message.id()).orElseThrow();
        assertThat(stored.leaseUntil()).isEqualTo(takenOver.leaseUntil());
        assertThat(stored.attempts()).isEqualTo(2);
    }

    @Test
    void aStoreThatCannotBeReachedCountsNoAttemptAndMakesNoDeadLetter() {
        Inbox inbox = new Inbox(mongo, clock);
        AtomicInteger tries = new AtomicInteger();
        int outages = MAX_ATTEMPTS * 2; // more than the attempts a failing message gets
        InboxWorker worker = worker(inbox, new ClaimLeases(inbox, properties(), clock), message -> {
            if (tries.incrementAndGet() <= outages) {
                // as Spring Data translates the driver's server-selection timeout
                throw new DataAccessResourceFailureException(
                        "Timed out", new MongoTimeoutException("no server to select"));
            }
            handled.add(message.text());
        });
        InboxEntry message = store(inbox, customer(), "during the outage");

        worker.process(message.id(), message.conversationKey());

        assertThat(tries).hasValue(outages + 1);
        assertThat(handled).containsExactly("during the outage");
        InboxEntry stored = inbox.find(message.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(InboxEntry.State.DONE);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.lastError()).isNull();
    }

    @Test
    void aMessageTakenOverWhileItsWorkerWaitedForTheStoreIsLeftToItsNewHolder() {
        Inbox inbox = new Inbox(mongo, clock);
        AtomicInteger tries = new AtomicInteger();
        InboxEntry message = store(inbox, customer(), "taken over");
        List<InboxEntry> takeover = new CopyOnWriteArrayList<>();
        InboxWorker worker = worker(inbox, new ClaimLeases(inbox, properties(), clock), m -> {
            tries.incrementAndGet();
            // the store stays away longer than the lease, and another instance reaches it first
            clock.advance(LEASE.plusSeconds(1));
            takeover.add(inbox.claim(message.id(), LEASE).orElseThrow());
            throw new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("no server to select"));
        });

        worker.process(message.id(), message.conversationKey());

        assertThat(tries).hasValue(1);
        InboxEntry stored = inbox.find(message.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(InboxEntry.State.PROCESSING);
        assertThat(stored.leaseUntil()).isEqualTo(takeover.getFirst().leaseUntil());
        assertThat(stored.attempts()).isEqualTo(2);
    }

    @Test
    void aMessageThatFailsForItsOwnReasonsStillBecomesADeadLetter() {
        Inbox inbox = new Inbox(mongo, clock);
        AtomicInteger tries = new AtomicInteger();
        InboxWorker worker = worker(inbox, new ClaimLeases(inbox, properties(), clock), message -> {
            tries.incrementAndGet();
            throw new IllegalStateException("a bug");
        });
        InboxEntry message = store(inbox, customer(), "poison");

        worker.process(message.id(), message.conversationKey());

        assertThat(tries).hasValue(MAX_ATTEMPTS);
        InboxEntry stored = inbox.find(message.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(InboxEntry.State.DEAD);
        assertThat(stored.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(stored.lastError()).contains("a bug");
    }

    private static IntakeProperties properties() {
        return InboxFixture.properties(MAX_ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(40), LEASE);
    }

    private InboxWorker worker(Inbox inbox, ClaimLeases leases, InboundMessageHandler handler) {
        return new InboxWorker(
                inbox,
                handler,
                statusHandlers,
                properties(),
                new SimpleMeterRegistry(),
                webhooks,
                expiringLocks(),
                journal,
                new InboxFinisher(inbox),
                leases);
    }

    /**
     * The conversation locks on the test's Redis, expiring after 100 ms: a slow holder's lock runs out
     * while it still handles, as one held across a model call at its timeout would.
     */
    private ClusterLocks expiringLocks() {
        return new ClusterLocks(redis, new ClusterProperties("lease-test", Duration.ofMillis(100)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String customer() {
        return InboxFixture.customer();
    }

    private InboxEntry store(Inbox inbox, String customer, String text) {
        return InboxFixture.store(inbox, clock, customer, text);
    }
}
