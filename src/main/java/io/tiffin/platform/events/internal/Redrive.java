package io.tiffin.platform.events.internal;

import io.tiffin.platform.ConflictException;
import java.time.Clock;
import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Puts a dead delivery back in line: the delivery gets fresh attempts, and its entry goes back into its
 * document's outbox, marked for that one handler (the others already had it), unless the entry is
 * still there because another handler of it is not finished.
 */
@Component
class Redrive {

    private final DeliveryLog deliveries;
    private final Outboxes outboxes;
    private final OutboxRelay relay;
    private final Clock clock;

    Redrive(DeliveryLog deliveries, Outboxes outboxes, OutboxRelay relay, Clock clock) {
        this.deliveries = deliveries;
        this.outboxes = outboxes;
        this.relay = relay;
        this.clock = clock;
    }

    /** False when there is no dead delivery with this id. */
    boolean redrive(String id) {
        DeliveryLog.DeadLetter dead = deliveries.deadLetter(id);
        Instant now = clock.instant();
        if (dead == null || !deliveries.revive(id, now)) {
            return false;
        }
        String entryId = Outboxes.entryId(dead.entry());
        if (!outboxes.contains(dead.collection(), dead.documentId(), entryId)) {
            Document again = new Document(dead.entry());
            again.put(Outboxes.REDRIVE_FOR, dead.handler());
            if (!outboxes.append(dead.collection(), dead.documentId(), again)) {
                deliveries.bury(id, dead.entry(), now);
                throw new ConflictException("the document of " + id + " is gone");
            }
        }
        relay.wake(dead.collection(), dead.documentId());
        return true;
    }
}
