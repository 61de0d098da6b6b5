package io.tiffin.intake.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks handled messages done in batches, one store write for every message finished meanwhile
 * instead of one each. Nothing waits for it: a message is finished once its replies are recorded
 * as sent, and a done mark lost to a crash only has the message looked at again after the restart,
 * where the session knows it and sends nothing twice. Until its mark is written the message stays
 * claimed under its lease, so the sweep leaves it alone. Used where the conversation lock is off:
 * under the lock, the next message of a conversation must see the previous one finished at once.
 */
@Component
class InboxFinisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxFinisher.class);
    private static final int BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Inbox inbox;
    private final LinkedBlockingQueue<String> finished = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean stopping;

    InboxFinisher(Inbox inbox) {
        this.inbox = inbox;
    }

    /** The message was handled: it is marked done with the next batch. */
    void done(String entryId) {
        if (thread == null) {
            inbox.done(entryId); // not running (starting or stopped): at once
            return;
        }
        finished.add(entryId);
    }

    private void run() {
        List<String> batch = new ArrayList<>(BATCH);
        while (!stopping || !finished.isEmpty()) {
            try {
                String first = finished.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            finished.drainTo(batch, BATCH - 1);
            if (!write(batch)) {
                break;
            }
            batch.clear();
        }
        batch.addAll(finished);
        if (!batch.isEmpty()) {
            write(batch); // stopping: one last try; anything left is handled again, and dropped, after the restart
        }
    }

    private boolean write(List<String> batch) {
        while (true) {
            try {
                inbox.doneAll(batch);
                return true;
            } catch (RuntimeException e) {
                log.warn("Marking {} handled messages done failed; retrying in {}", batch.size(), RETRY, e);
                if (stopping) {
                    return false;
                }
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return false;
                }
            }
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
