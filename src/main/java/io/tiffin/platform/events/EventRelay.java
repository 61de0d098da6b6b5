package io.tiffin.platform.events;

/**
 * Delivers outbox entries to their handlers. Saving an aggregate through Spring Data wakes it at
 * once; a periodic sweep (and one at start) finds anything a crash left behind.
 */
public interface EventRelay {

    /** Asks for the outbox of one document to be delivered soon (a hint; the sweep is the guarantee). */
    void wake(String collection, Object documentId);
}
