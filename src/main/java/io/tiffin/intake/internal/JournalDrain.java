package io.tiffin.intake.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.tiffin.platform.store.StoreDurability;
import io.tiffin.platform.web.WebhookLoad;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Moves journaled messages into the inbox collection in batches, queues the new ones for processing,
 * commits them and lets the journal delete what is safely in the inbox. Duplicates (a provider's
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
    private final java.util.function.Consumer<List<Document>> inserter;
    private final JournalRejects rejects;
    private final InboxCodec codec;
    private final StoreDurability durability;
    private final InboxService dispatcher;
    private final IntakeProperties properties;
    private final WebhookLoad webhooks;
    private final IntakeBacklog backlog;
    private final Clock clock;
    /** Whether what is stored is claimed for this process at once (see {@link #claimsAtInsert}). */
    private final boolean claim;

    private volatile boolean stopping;
    private volatile Thread thread;

    JournalDrain(
            InboxJournal journal,
            InboxCodec codec,
            MongoTemplate mongo,
            StoreDurability durability,
            InboxService dispatcher,
            IntakeProperties properties,
            WebhookLoad webhooks,
            IntakeBacklog backlog,
            JournalRejects rejects,
            Clock clock) {
        this(journal, codec, inserter(mongo), durability, dispatcher, properties, webhooks, backlog, rejects, clock);
    }

    /** {@code inserter} writes a batch into the inbox, unordered, failing as {@code insertMany} does. */
    JournalDrain(
            InboxJournal journal,
            InboxCodec codec,
            java.util.function.Consumer<List<Document>> inserter,
            StoreDurability durability,
            InboxService dispatcher,
            IntakeProperties properties,
            WebhookLoad webhooks,
            IntakeBacklog backlog,
            JournalRejects rejects,
            Clock clock) {
        this.journal = journal;
        this.clock = clock;
        this.claim = claimsAtInsert(properties);
        this.webhooks = webhooks;
        this.backlog = backlog;
        this.inserter = inserter;
        this.rejects = rejects;
        this.codec = codec;
        this.durability = durability;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /**
     * Where this process handles what it stores and no conversation lock is asked for, a message is
     * stored already claimed for it, with its first lease, and queued with its content: its handling
     * then writes no claim and reads nothing back (one store command less per message). Under the lock
     * the lock holder claims a conversation's messages in order, whichever instance queued them, so
     * they are stored unclaimed. A crash before the handling leaves the claim behind, which the next
     * start hands back ({@link Inbox#releaseClaims}), as for a message in hand.
     */
    static boolean claimsAtInsert(IntakeProperties properties) {
        return properties.enabled() && !properties.conversationLockWith(true);
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
                log.warn(
                        "The inbox journal was not drained in {}; the rest is replayed on the next start",
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

    private static java.util.function.Consumer<List<Document>> inserter(MongoTemplate mongo) {
        MongoCollection<Document> inbox = mongo.getCollection(mongo.getCollectionName(InboxEntry.class));
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        return documents -> inbox.insertMany(documents, unordered);
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
        while (!stopping
                && webhooks.perSecond() > properties.burstRate()
                && backlog.inHand() > enough
                && journal.bytesAfter(cursor.at()) < budget) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Inserts the batch, queues what was new and commits. While the store cannot be reached it
     * retries for as long as that lasts (everything here was acknowledged); a batch the store answers
     * but refuses is retried a few times, then stored one record at a time so that only the records
     * it refuses are set aside.
     */
    private boolean store(List<byte[]> batch) {
        List<Decoded> decoded = decode(batch);
        if (decoded.isEmpty()) {
            return true;
        }
        List<Document> documents = decoded.stream().map(Decoded::document).toList();
        Retry retry = new Retry();
        while (true) {
            try {
                Set<Integer> duplicates = insert(documents);
                // queued before the commit, which the handling need not wait for: the journal holds these
                // durably until the commit below, and the store commits everything written so far at once, so
                // a commit that holds any of their handling (a session, a done mark) holds their insert too
                for (int i = 0; i < documents.size(); i++) {
                    if (!duplicates.contains(i)) {
                        queue(decoded.get(i));
                    }
                }
                durability.flush(); // before the journal may let go of them
                return true;
            } catch (RuntimeException e) {
                if (!retry.after(e, documents.size() + " journaled messages")) {
                    return retry.interrupted ? false : storeEach(decoded);
                }
            }
        }
    }

    private boolean storeEach(List<Decoded> decoded) {
        for (Decoded one : decoded) {
            Retry retry = new Retry();
            while (true) {
                try {
                    if (insert(List.of(one.document())).isEmpty()) {
                        durability.flush();
                        queue(one);
                    }
                    break;
                } catch (RuntimeException e) {
                    if (!retry.after(e, "journaled message " + one.messageId())) {
                        if (retry.interrupted) {
                            return false;
                        }
                        rejects.reject(
                                one.record(), one.messageId(), e.getClass().getSimpleName() + ": " + e.getMessage());
                        break;
                    }
                }
            }
        }
        return true;
    }

    private void queue(Decoded one) {
        if (one.claimed() != null) {
            dispatcher.dispatchClaimed(one.claimed().firstAttempt(InboxCodec.id(one.document())));
        } else if (properties.enabled()) {
            dispatcher.dispatch(InboxCodec.id(one.document()), InboxCodec.conversationKey(one.document()));
        }
    }

    /** Backoff between attempts; unbounded while the store is unreachable, a few tries when it refuses. */
    private static final class Retry {
        private static final int REFUSALS = 3;
        private long backoff = 100;
        private int refusals;
        private boolean interrupted;

        /** @return whether to try again */
        boolean after(RuntimeException e, String what) {
            boolean unreachable = unreachable(e);
            if (!unreachable && ++refusals >= REFUSALS) {
                return false;
            }
            log.error(
                    "Moving {} into the inbox failed ({}); retrying in {} ms",
                    what,
                    unreachable ? "store unreachable" : "refused",
                    backoff,
                    e);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException interrupt) {
                interrupted = true;
                return false;
            }
            backoff = Math.min(backoff * 2, 5000);
            return true;
        }

        private static boolean unreachable(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MongoSocketException
                        || t instanceof MongoTimeoutException
                        || t instanceof MongoNotPrimaryException
                        || t instanceof MongoNodeIsRecoveringException
                        || t instanceof java.io.IOException) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A journal record and its inbox document; {@code claimed}: the entry as stored claimed, or null. */
    private record Decoded(byte[] record, Document document, InboxEntry claimed) {
        String messageId() {
            return InboxCodec.id(document) + " / " + document.getString("providerMessageId");
        }
    }

    private List<Decoded> decode(List<byte[]> batch) {
        List<Decoded> documents = new java.util.ArrayList<>(batch.size());
        // whole milliseconds, as the store keeps it: the lease is presented as written when it is renewed
        Instant leaseUntil = claim ? clock.instant().plus(properties.lease()).truncatedTo(ChronoUnit.MILLIS) : null;
        for (byte[] record : batch) {
            try {
                InboxCodec.Journaled journaled = codec.read(record);
                InboxEntry entry = claim
                        ? InboxEntry.claimedAtInsert(journaled.message(), journaled.receivedAt(), leaseUntil)
                        : new InboxEntry(journaled.message(), journaled.receivedAt());
                documents.add(new Decoded(record, codec.document(entry), claim ? entry : null));
            } catch (RuntimeException e) {
                // intact on disk (its checksum held) but unreadable: set aside for an operator, content not logged
                rejects.reject(record, "unreadable", e.getClass().getSimpleName());
            }
        }
        return documents;
    }

    /** @return the positions in the batch that were already in the inbox */
    private Set<Integer> insert(List<Document> documents) {
        try {
            inserter.accept(documents);
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
