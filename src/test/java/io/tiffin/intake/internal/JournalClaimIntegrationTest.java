package io.tiffin.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.intake.InboundMessageHandler;
import io.tiffin.intake.InboundStatusHandler;
import io.tiffin.platform.cluster.ClusterLocks;
import io.tiffin.platform.cluster.ClusterProperties;
import io.tiffin.platform.store.StoreDurability;
import io.tiffin.platform.web.WebhookLoad;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.util.unit.DataSize;

/**
 * Where the conversation lock is off, the journal's drain stores each batch already claimed for this
 * process and queues the messages with their content, so handling them writes no claim and reads
 * nothing. The drain here queues into a channel the test reads (or drops, as a process that died
 * would); the worker is built by hand, and the clock runs an hour ahead so the app's own sweep leaves
 * these messages alone.
 */
class JournalClaimIntegrationTest extends IntegrationTestSupport {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StoreDurability durability;

    @Autowired
    WebhookLoad webhooks;

    @Autowired
    IntakeBacklog backlog;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ObjectProvider<InboundStatusHandler> statusHandlers;

    @Autowired
    ObjectProvider<InboxJournal> journalProvider;

    @Autowired
    ObjectProvider<InboxCodec> codecProvider;

    private final MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofHours(1)));
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final String run = UUID.randomUUID().toString();
    private final String customer = InboxFixture.customer();

    @Test
    void aBatchStoredClaimedIsHandledWithoutAClaimAndTheSweepsCopyChangesNothing() throws Exception {
        Inbox inbox = new Inbox(mongo, clock);
        QueueChannel queue = new QueueChannel();
        List<String> ids = drain(inbox, queue, "first", "second", "third");

        for (String id : ids) {
            InboxEntry stored = inbox.find(id).orElseThrow();
            assertThat(stored.state()).isEqualTo(InboxEntry.State.PROCESSING);
            assertThat(stored.leaseUntil()).isEqualTo(clock.now.plus(LEASE));
            assertThat(stored.attempts())
                    .as("no attempt counted while it waits")
                    .isZero();
        }
        List<InboxEntry> queued = queued(queue);
        assertThat(queued).extracting(InboxEntry::id).containsExactlyElementsOf(ids);
        assertThat(queued).extracting(InboxEntry::attempts).containsOnly(1);

        InboxWorker worker = worker(inbox);
        queued.forEach(worker::processClaimed);
        assertThat(handled).containsExactly("first", "second", "third");
        for (String id : ids) {
            InboxEntry stored = inbox.find(id).orElseThrow();
            assertThat(stored.state()).isEqualTo(InboxEntry.State.DONE);
            assertThat(stored.attempts()).as("no claim written").isZero();
        }
        // the recovery sweep's copy of a message (its lease ran out while it waited) finds it finished
        worker.process(ids.getFirst(), queued.getFirst().conversationKey());
        assertThat(handled).containsExactly("first", "second", "third");
    }

    @Test
    void aCrashBetweenTheClaimAtInsertAndTheHandlingLosesNothing() throws Exception {
        Inbox inbox = new Inbox(mongo, clock);
        QueueChannel queue = new QueueChannel();
        List<String> ids = drain(inbox, queue, "first", "second");
        assertThat(queue.getQueueSize()).isEqualTo(2);
        queue.clear(); // the process dies with both queued and neither handled

        // the next start hands back every claim of the last run (Inbox.releaseClaims, here for these alone)
        mongo.updateMulti(
                Query.query(Criteria.where("_id")
                        .in(ids.stream().map(org.bson.types.ObjectId::new).toList())
                        .and("state")
                        .is(InboxEntry.State.PROCESSING)),
                new Update().set("state", InboxEntry.State.RECEIVED).unset("leaseUntil"),
                InboxEntry.class);
        // and its sweep finds them, oldest first
        List<String> found = inbox.unattended(clock.now.plusSeconds(1), 1000).stream()
                .map(InboxEntry::id)
                .filter(ids::contains)
                .toList();
        assertThat(found).containsExactlyElementsOf(ids);
        InboxWorker worker = worker(inbox);
        for (String id : found) {
            worker.process(id, inbox.find(id).orElseThrow().conversationKey());
        }

        assertThat(handled).containsExactly("first", "second");
        for (String id : ids) {
            InboxEntry stored = inbox.find(id).orElseThrow();
            assertThat(stored.state()).isEqualTo(InboxEntry.State.DONE);
            assertThat(stored.attempts())
                    .as("the wait before the crash cost no attempt")
                    .isEqualTo(1);
        }
    }

    @Test
    void aMessageWhosePartitionIsFullIsHandedBackForTheSweep() throws Exception {
        Inbox inbox = new Inbox(mongo, clock);
        MessageChannel full = (message, timeout) -> {
            throw new MessageDeliveryException(message, "queue full");
        };
        List<String> ids = drain(inbox, full, "first");

        InboxEntry stored = inbox.find(ids.getFirst()).orElseThrow();
        assertThat(stored.state()).isEqualTo(InboxEntry.State.RECEIVED);
        assertThat(stored.leaseUntil()).isNull();
        assertThat(inbox.unattended(clock.now.plusSeconds(1), 1000))
                .extracting(InboxEntry::id)
                .contains(ids.getFirst());
    }

    /** Journals the texts, drains them into the inbox and answers their ids in journal order. */
    private List<String> drain(Inbox inbox, MessageChannel channel, String... texts) throws Exception {
        IntakeProperties properties = properties();
        assertThat(JournalDrain.claimsAtInsert(properties)).isTrue();
        InboxCodec codec = new InboxCodec(mongo);
        InboxService dispatcher =
                new InboxService(inbox, durability, channel, properties, journalProvider, codecProvider, clock);
        try (InboxJournal journal = new InboxJournal(dir.resolve("journal"), 1 << 20)) {
            List<byte[]> records = new java.util.ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                records.add(codec.encode(text(i, texts[i]), clock.now.plusMillis(i)));
            }
            journal.append(records);
            JournalDrain drain = new JournalDrain(
                    journal,
                    codec,
                    mongo,
                    durability,
                    dispatcher,
                    properties,
                    webhooks,
                    backlog,
                    new JournalRejects(dir.resolve("rejected"), new SimpleMeterRegistry()),
                    clock);
            drain.start();
            try {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> mongo.count(byRun(), InboxEntry.class) == texts.length);
            } finally {
                drain.stop();
            }
        }
        return mongo
                .find(byRun().with(org.springframework.data.domain.Sort.by("receivedAt")), InboxEntry.class)
                .stream()
                .map(InboxEntry::id)
                .toList();
    }

    private Query byRun() {
        return Query.query(Criteria.where("providerMessageId").regex("^" + run));
    }

    private static List<InboxEntry> queued(QueueChannel queue) {
        return queue.clear().stream()
                .map(Message::getPayload)
                .map(InboxEntry.class::cast)
                .toList();
    }

    private InboxWorker worker(Inbox inbox) {
        InboundMessageHandler handler = message -> handled.add(message.text());
        return new InboxWorker(
                inbox,
                handler,
                statusHandlers,
                properties(),
                new SimpleMeterRegistry(),
                webhooks,
                new ClusterLocks(redis, new ClusterProperties("journal-claim-test", Duration.ofSeconds(10))),
                journalProvider,
                new InboxFinisher(inbox),
                new ClaimLeases(inbox, properties(), clock));
    }

    /** Handling on, the conversation lock off: a journaling process that owns its store. */
    private static IntakeProperties properties() {
        return new IntakeProperties(
                2,
                4,
                Duration.ofMillis(10),
                Duration.ofMillis(40),
                LEASE,
                Duration.ofSeconds(30),
                true,
                100,
                "on",
                DataSize.ofMegabytes(4),
                Duration.ofSeconds(10),
                200,
                Duration.ofSeconds(2),
                DataSize.ofMegabytes(64),
                "off",
                Duration.ofSeconds(2));
    }

    private InboundMessage text(int i, String text) {
        return InboundMessage.text(
                Channel.WHATSAPP, run + "-" + i, "merchant-claim-" + customer, customer, "Asha", clock.now, text);
    }
}
