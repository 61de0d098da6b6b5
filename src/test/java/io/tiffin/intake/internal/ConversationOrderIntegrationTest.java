package io.tiffin.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.intake.InboundStatusHandler;
import io.tiffin.platform.cluster.ClusterLocks;
import io.tiffin.platform.web.WebhookLoad;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The multi-instance path (conversation lock on, no journal): a conversation's messages are handled oldest
 * first, and an earlier message that another instance claimed holds the later ones back until it can be
 * claimed here. The inbox runs on its own clock an hour ahead, so the app's own sweep leaves these messages
 * alone.
 */
class ConversationOrderIntegrationTest extends IntegrationTestSupport {

    private static final Duration LEASE = Duration.ofSeconds(15);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ClusterLocks locks;

    @Autowired
    WebhookLoad webhooks;

    @Autowired
    ObjectProvider<InboundStatusHandler> statusHandlers;

    @Autowired
    ObjectProvider<InboxJournal> journal;

    /** An hour ahead of the app's clock. */
    private final MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofHours(1)));

    private final List<String> handled = new CopyOnWriteArrayList<>();

    @Test
    void aMessageWhoseLeaseEndsWithinThisMillisecondHoldsTheLaterOnesBack() {
        Inbox inbox = new Inbox(mongo, clock);
        InboxWorker worker = worker(inbox);
        String customer = customer();
        InboxEntry first = store(inbox, customer, "first");
        InboxEntry second = store(inbox, customer, "second");
        // an instance claimed the first and died: its lease ends at a whole millisecond...
        Instant leaseEnd = clock.now.plus(LEASE);
        assertThat(inbox.claim(first.id(), LEASE)).isPresent();
        // ...and the next holder looks half a millisecond later, when the store, comparing whole
        // milliseconds, still counts the lease as running
        clock.now = leaseEnd.plus(500, ChronoUnit.MICROS);

        worker.process(second.id(), second.conversationKey());
        assertThat(handled).as("nothing is answered before the first message").isEmpty();

        clock.now = leaseEnd.plusMillis(1);
        worker.process(second.id(), second.conversationKey());
        assertThat(handled).containsExactly("first", "second");
    }

    @Test
    void laterMessagesWaitForAnEarlierOneInHandElsewhereAndFollowItOnceItsLeaseRunsOut() {
        Inbox inbox = new Inbox(mongo, clock);
        InboxWorker worker = worker(inbox);
        String customer = customer();
        InboxEntry done = store(inbox, customer, "done");
        inbox.done(done.id());
        InboxEntry first = store(inbox, customer, "first");
        InboxEntry second = store(inbox, customer, "second");
        InboxEntry third = store(inbox, customer, "third");
        assertThat(inbox.claim(first.id(), LEASE)).isPresent();

        clock.advance(Duration.ofSeconds(5));
        worker.process(third.id(), third.conversationKey());
        worker.process(second.id(), second.conversationKey());
        assertThat(handled).isEmpty();
        assertThat(inbox.find(second.id()).orElseThrow().state()).isEqualTo(InboxEntry.State.RECEIVED);

        clock.advance(LEASE);
        worker.process(third.id(), third.conversationKey());
        assertThat(handled).containsExactly("first", "second", "third");
    }

    private InboxWorker worker(Inbox inbox) {
        IntakeProperties properties = InboxFixture.properties(4, Duration.ofMillis(20), Duration.ofMillis(50), LEASE);
        return new InboxWorker(
                inbox,
                message -> handled.add(message.text()),
                statusHandlers,
                properties,
                new SimpleMeterRegistry(),
                webhooks,
                locks,
                journal,
                new InboxFinisher(inbox),
                new ClaimLeases(inbox, properties, clock));
    }

    private static String customer() {
        return InboxFixture.customer();
    }

    private InboxEntry store(Inbox inbox, String customer, String text) {
        return InboxFixture.store(inbox, clock, customer, text);
    }
}
