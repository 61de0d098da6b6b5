package io.tiffin.platform.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes durable in batches: every caller waits for a commit that started after it asked, and
 * one commit serves everyone who asked meanwhile. Many concurrent webhooks then cost one file write
 * per batch instead of one each, with the same guarantee. A failed commit breaks it for good: what
 * was written may be lost, so every waiter from then on gets the failure instead of a promise.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition asked = lock.newCondition();
    private final Condition committed = lock.newCondition();
    private final Thread committer;
    private long requested;
    private long done;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    public GroupCommit(String name, Runnable commit) {
        this.commit = commit;
        this.committer = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    /**
     * Returns once everything written before this call is committed.
     *
     * @throws IllegalStateException when a commit failed
     */
    public void await() {
        lock.lock();
        try {
            long ticket = ++requested;
            asked.signal();
            while (done < ticket && !closed && failure == null) {
                committed.awaitUninterruptibly();
            }
            if (failure != null) {
                throw new IllegalStateException(
                        committer.getName() + " failed; nothing written since is durable", failure);
            }
            if (done < ticket) {
                throw new IllegalStateException(committer.getName() + " is closed");
            }
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!closed) {
            long target;
            lock.lock();
            try {
                while (requested == done && !closed) {
                    asked.awaitUninterruptibly();
                }
                target = requested;
            } finally {
                lock.unlock();
            }
            if (closed) {
                return;
            }
            try {
                commit.run();
            } catch (RuntimeException e) {
                log.error("Group commit {} failed", committer.getName(), e);
                failure = e;
            }
            lock.lock();
            try {
                done = target;
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            asked.signalAll();
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
