package io.tiffin.intake.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.tiffin.platform.store.StoreDurability;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Moves journaled messages into the inbox collection in batches, commits them, queues the new ones
 * for processing and lets the journal delete what is safely in the inbox. Duplicates (a provider's
 * redelivery, or a replay after a crash) meet the inbox's unique index and are dropped there.
 * Stops after the web server, once it has drained what was acknowledged; anything left is replayed
 * on the next start.
 */
final class JournalDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalDrain.class);
    private static final int BATCH = 500;
    private static final int DUPLICATE_KEY = 11000;
    private static final Duration IDLE_BEFORE_ROTATING = Duration.ofSeconds(2);

    private final InboxJournal journal;
    private final MongoCollection<RawBsonDocument> inbox;
    private final StoreDurability durability;
    private final InboxService dispatcher;
    private final IntakeProperties properties;
    private volatile boolean stopping;
    private volatile Thread thread;

    JournalDrain(InboxJournal journal, MongoTemplate mongo, StoreDurability durability, InboxService dispatcher,
            IntakeProperties properties) {
        this.journal = journal;
        this.inbox = mongo.getCollection(mongo.getCollectionName(InboxEntry.class)).withDocumentClass(RawBsonDocument.class);
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
            List<byte[]> batch = cursor.next(BATCH);
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

    /** Inserts and commits the batch, then queues what was new; retries until the store takes it. */
    private boolean store(List<byte[]> batch) {
        List<RawBsonDocument> documents = batch.stream().map(RawBsonDocument::new).toList();
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

    /** @return the positions in the batch that were already in the inbox */
    private Set<Integer> insert(List<RawBsonDocument> documents) {
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
