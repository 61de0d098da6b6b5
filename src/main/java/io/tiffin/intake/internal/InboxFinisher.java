package io.tiffin.intake.internal;

import io.tiffin.platform.store.StoreDurability;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks handled messages done, durably, before their worker moves on. The mark is also the record that
 * the message's last reply went out (the conversation records the replies before it in its session), so
 * it must survive a crash: a mark lost would send that reply again after a restart. Where the conversation
 * lock is off, the messages finished meanwhile on every partition share one store write and one commit
 * (each worker waits for its batch); under the lock each is marked at once, since the next message of the
 * conversation may be handled by another instance that must see the previous one finished.
 */
@Component
class InboxFinisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxFinisher.class);
    private static final int BATCH = 500;

    private final Inbox inbox;
    private final StoreDurability durability;
    private final LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean stopping;

    private record Finished(String entryId, CompletableFuture<Void> written) {}

    @Autowired
    InboxFinisher(Inbox inbox, StoreDurability durability) {
        this.inbox = inbox;
        this.durability = durability;
    }

    /** Without a commit to wait for (a store that is durable once it answers). */
    InboxFinisher(Inbox inbox) {
        this(inbox, StoreDurability.NONE);
    }

    /**
     * Marks the message done with the next batch and returns once that batch is written and committed
     * (each waiter asks for the commit, which the store shares among everyone waiting).
     * A batch that failed (the store unreachable, say) leaves each of its messages to be marked alone, so
     * the caller meets the failure itself and waits out an outage as for any other write.
     */
    void done(String entryId) {
        if (thread == null) {
            doneNow(entryId); // not running (starting or stopped)
            return;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        finished.add(new Finished(entryId, written));
        while (true) {
            try {
                written.get(1, TimeUnit.SECONDS);
                // committed with whatever else was written meanwhile; the finisher writes the next batch meanwhile
                durability.flush();
                return;
            } catch (TimeoutException e) {
                Thread running = thread;
                if (running == null || !running.isAlive()) {
                    break; // stopped after this was queued
                }
            } catch (ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        doneNow(entryId);
    }

    /** Marks the message done on its own, committed before returning. */
    void doneNow(String entryId) {
        inbox.done(entryId);
        durability.flush();
    }

    private void run() {
        List<Finished> batch = new ArrayList<>(BATCH);
        while (!stopping || !finished.isEmpty()) {
            try {
                Finished first = finished.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            finished.drainTo(batch, BATCH - 1);
            write(batch);
            batch.clear();
        }
        finished.drainTo(batch);
        // stopping: whoever still waits marks their message alone
        batch.forEach(f -> f.written().completeExceptionally(new IllegalStateException("finisher stopped")));
    }

    private void write(List<Finished> batch) {
        try {
            inbox.doneAll(batch.stream().map(Finished::entryId).toList());
            batch.forEach(f -> f.written().complete(null));
        } catch (RuntimeException e) {
            log.debug("Marking {} handled messages done failed; each is marked alone", batch.size(), e);
            batch.forEach(f -> f.written().completeExceptionally(e));
        }
    }

    @Override
    public void start() {
        stopping = false;
        thread = Thread.ofPlatform().name("inbox-finisher").daemon().start(this::run);
    }

    /** After the handling threads (a higher phase stops first), so their last marks are written. */
    @Override
    public void stop() {
        Thread running = thread;
        stopping = true;
        if (running != null) {
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }
}
