package io.tiffin.intake.internal;

import io.tiffin.platform.cluster.Heartbeat;
import io.tiffin.platform.store.MongoReachability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the claims of messages in hand alive: every quarter of the lease, each claim with less than half
 * its lease left is extended, so a message whose handling outlasts the lease (a model call at its
 * timeout, a voice note, a store that is briefly away) is never claimed by a second worker or instance
 * meanwhile, while a claim whose holder died still runs out one lease after its last renewal.
 *
 * <p>Why a heartbeat rather than a lease sized to the longest handling: handling has no single bound. It
 * sums the model's and the speech engine's timeouts, sends with their own retries, the store's
 * server-selection waits, and, since a store outage is waited out in hand, the outage itself; a lease
 * sized to all of that would have to be very long, and every message of an instance that died would wait
 * that long before another instance took it over. Renewing keeps the lease short and still covers any
 * handling, at the cost of one small write per message that is still in hand after half a lease.
 *
 * <p>A renewal only extends a claim that is still the holder's (see {@link Inbox#renew}): after a
 * takeover the new holder's lease is left alone, and the claim is marked lost.
 */
@Component
class ClaimLeases extends Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(ClaimLeases.class);

    private final Inbox inbox;
    private final Duration lease;
    private final Clock clock;
    private final Set<Claim> held = ConcurrentHashMap.newKeySet();

    ClaimLeases(Inbox inbox, IntakeProperties properties, Clock clock) {
        super("inbox-leases", properties.lease().dividedBy(4));
        this.inbox = inbox;
        this.lease = properties.lease();
        this.clock = clock;
    }

    /** A message just claimed: its lease is renewed until {@link #release}. */
    Claim hold(InboxEntry claimed) {
        Claim claim = new Claim(claimed.id(), claimed.leaseUntil());
        held.add(claim);
        return claim;
    }

    void release(Claim claim) {
        held.remove(claim);
    }

    /**
     * Extends the claim now.
     *
     * @return false when it is no longer the holder's (taken over after its lease ran out)
     * @throws RuntimeException what the store threw, e.g. while it is unreachable
     */
    boolean renew(Claim claim) {
        return claim.extend(next(), (held, until) -> inbox.renew(claim.id, held, until));
    }

    /** Records a failed attempt of a claim still held. @return false when it is no longer the holder's */
    boolean retrying(Claim claim, String error, int attempt) {
        return claim.extend(next(), (held, until) -> inbox.retrying(claim.id, held, error, attempt, until));
    }

    /** A lease from now, in the store's whole milliseconds, so the holder can present it exactly. */
    private Instant next() {
        return clock.instant().plus(lease).truncatedTo(ChronoUnit.MILLIS);
    }

    /** One beat: extends every claim in hand with less than half its lease left. */
    void renewDue() {
        Instant due = clock.instant().plus(lease.dividedBy(2));
        for (Claim claim : held) {
            if (claim.lost() || !claim.until().isBefore(due)) {
                continue;
            }
            try {
                // a message finished at this very moment is no takeover
                if (!renew(claim) && held.contains(claim) && !inbox.finished(claim.id)) {
                    log.warn("Inbox message {}: its claim ran out and was taken over while in hand here", claim.id);
                }
            } catch (RuntimeException e) {
                // an unreachable store is waited out by the worker, whose own renewal tells when it is back
                if (MongoReachability.unreachable(e)) {
                    log.debug("Renewing the claim of inbox message {} failed: store unreachable", claim.id);
                } else {
                    log.warn("Renewing the claim of inbox message {} failed", claim.id, e);
                }
            }
        }
    }

    @Override
    protected void beat() {
        renewDue();
    }

    /** A claim in hand. Its renewals take turns, since each must present the lease the one before wrote. */
    static final class Claim {

        /** Unanswered writes remembered: the store is being retried after an outage, one write per beat. */
        private static final int UNSURE = 8;

        private final String id;
        private Instant until;
        /** Leases whose write had no answer: one of them may be the stored one. */
        private final Deque<Instant> unsure = new ArrayDeque<>();

        private boolean lost;

        private Claim(String id, Instant until) {
            this.id = id;
            this.until = until;
        }

        synchronized Instant until() {
            return until;
        }

        synchronized boolean lost() {
            return lost;
        }

        private synchronized boolean extend(Instant next, BiPredicate<List<Instant>, Instant> write) {
            if (lost) {
                return false;
            }
            List<Instant> held = new ArrayList<>(unsure);
            held.add(until);
            boolean extended;
            try {
                extended = write.test(held, next);
            } catch (RuntimeException e) {
                // the write may have been applied without its answer arriving: next time that lease is ours too
                if (unsure.size() == UNSURE) {
                    unsure.removeFirst();
                }
                unsure.addLast(next);
                throw e;
            }
            unsure.clear();
            if (!extended) {
                lost = true;
                return false;
            }
            until = next;
            return true;
        }
    }
}
