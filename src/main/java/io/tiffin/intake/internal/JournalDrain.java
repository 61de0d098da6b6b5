package io.tiffin.intake.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.tiffin.platform.store.StoreDurability;
import io.tiffin.platform.web.WebhookLoad;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Moves journaled messages into the inbox collection in batches, commits them, queues the new ones
 * for processing and lets the journal delete what is safely in the inbox. Duplicates (a provider's
 * redelivery, or a replay after a crash) meet the inbox's unique index and are dropped there.
 * Stops after the web server, once it has drained what was acknowledged; anything left is replayed
 * on the next start. Like handling, it steps aside while a burst of webhooks is being acknowledged.
 */
final class JournalDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalDrain.class);
    private static final int BATCH = 500;
    private static final int DUPLICATE_KEY = 11000;
    private static final Duration IDLE_BEFORE_ROTATING = Duration.ofSeconds(2);

    private final InboxJournal journal;
    private final MongoCollection<Document> inbox;
    private final InboxCodec codec;
    private final StoreDurability durability;
    private final InboxService dispatcher;
    private final IntakeProperties properties;
    private final WebhookLoad webhooks;
    private final IntakeBacklog backlog;
    private volatile boolean stopping;
    private volatile Thread thread;

    JournalDrain(InboxJournal journal, InboxCodec codec, MongoTemplate mongo, StoreDurability durability,
            InboxService dispatcher, IntakeProperties properties, WebhookLoad webhooks, IntakeBacklog backlog) {
        this.journal = journal;
        this.webhooks = webhooks;
        this.backlog = backlog;
        this.inbox = mongo.getCollection(mongo.getCollectionName(InboxEntry.class));
        this.codec = codec;
        this.durability = durability;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void start() {
        stopping = false;
        InboxJournal.Cursor cursor = journal.cursor();
        thread = Thread.ofPlatform().name("inbox-journal-drain").start(() -> run(cursor));
    }

    @Override
    public void stop() {
        Thread running = thread;
        stopping = true;
        if (running == null) {
            return;
        }
        try {
            running.join(properties.drainOnStop().toMillis());
            if (running.isAlive()) {
                log.warn("The inbox journal was not drained in {}; the rest is replayed on the next start",
                        properties.drainOnStop());
                running.interrupt();
                running.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Lower than the web server's phase, so this stops only after webhooks have stopped arriving. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void run(InboxJournal.Cursor cursor) {
        long idleSince = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            if (!yieldToWebhooks(cursor)) {
                return;
            }
            List<byte[]> batch;
            try {
                batch = cursor.next(BATCH);
            } catch (RuntimeException e) {
                // the journal cannot be read (a disk error): keep trying, loudly, rather than stop for good
                log.error("Reading the inbox journal failed; retrying in 1 s", e);
                if (!pause(Duration.ofSeconds(1))) {
                    return;
                }
                continue;
            }
            if (batch.isEmpty()) {
                journal.release(cursor.at().segment());
                if (stopping) {
                    return;
                }
                if (System.nanoTime() - idleSince > IDLE_BEFORE_ROTATING.toNanos()) {
                    journal.rotateIfDrained(cursor.at());
                    idleSince = System.nanoTime();
                }
                try {
                    journal.awaitBeyond(cursor.at(), Duration.ofMillis(250));
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            if (!store(batch)) {
                return;
            }
            journal.release(cursor.at().segment());
            idleSince = System.nanoTime();
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Waits while a burst of webhooks is being acknowledged and the bot already has enough in hand:
     * moving more into the inbox now would only take CPU from the acknowledgements, since the bot
     * cannot handle it sooner. The journal holds the burst, up to {@code journalBurst} bytes.
     */
    private boolean yieldToWebhooks(InboxJournal.Cursor cursor) {
        long budget = properties.journalBurst().toBytes();
        int enough = properties.partitions() * 2;
        while (!stopping && webhooks.perSecond() > properties.burstRate() && backlog.inHand() > enough
                && journal.bytesAfter(cursor.at()) < budget) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /** Inserts and commits the batch, then queues what was new; retries until the store takes it. */
    private boolean store(List<byte[]> batch) {
        List<Document> documents = decode(batch);
        if (documents.isEmpty()) {
            return true;
        }
        long backoff = 100;
        while (true) {
            try {
                Set<Integer> duplicates = insert(documents);
                durability.flush();
                if (properties.enabled()) {
                    for (int i = 0; i < documents.size(); i++) {
                        if (!duplicates.contains(i)) {
                            dispatcher.dispatch(InboxCodec.id(documents.get(i)), InboxCodec.conversationKey(documents.get(i)));
                        }
                    }
                }
                return true;
            } catch (RuntimeException e) {
                log.error("Moving {} journaled messages into the inbox failed; retrying in {} ms", documents.size(),
                        backoff, e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return false;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private List<Document> decode(List<byte[]> batch) {
        List<Document> documents = new java.util.ArrayList<>(batch.size());
        for (byte[] record : batch) {
            try {
                documents.add(codec.document(record));
            } catch (RuntimeException e) {
                // intact on disk (its checksum held) but unreadable: keep it in the log for an operator
                log.error("Skipping a journaled message that cannot be read: {}",
                        new String(record, java.nio.charset.StandardCharsets.UTF_8), e);
            }
        }
        return documents;
    }

    /** @return the positions in the batch that were already in the inbox */
    private Set<Integer> insert(List<Document> documents) {
        try {
            inbox.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteConcernError() == null
                    && e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            return e.getWriteErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
        }
    }
}
