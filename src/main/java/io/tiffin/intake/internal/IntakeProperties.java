package io.tiffin.intake.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param partitions   conversations handled in parallel (each conversation always lands in the same one)
 * @param maxAttempts  tries before a message becomes a dead letter
 * @param lease        how long a claim outlives its holder: renewed while the message is in hand
 *                     ({@link ClaimLeases}), so it bounds how long an instance that died keeps its messages, not
 *                     how long handling may take
 * @param sweepEvery   how often stored messages nobody is working on are picked up again
 * @param queuePerPartition messages waiting in memory per partition; beyond that they wait in the
 *                     inbox for the next sweep, so a flood slows replies but never blocks acknowledgements
 * @param journal      {@code auto}: acknowledge through the inbox journal on local disk when the store is
 *                     the embedded one; {@code on} / {@code off} to choose
 * @param journalSegment size after which the journal starts a new file
 * @param drainOnStop  how long stopping waits for the journal to reach the inbox
 * @param burstRate    webhooks per second above which handling waits: a burst is being acknowledged
 * @param maxYield     the longest a message waits for a burst to pass before it is handled anyway
 * @param journalBurst how much of a burst the journal holds before moving it into the inbox no longer waits
 * @param conversationLock handle each conversation under a lock in Redis, so that several instances on the
 *                     same stores take its messages one at a time, oldest first: {@code auto} (on unless the
 *                     journal is, since a journaling process owns its store alone and its partitions already
 *                     keep each conversation in order), {@code on} or {@code off}
 * @param conversationWait how long a message waits for its conversation's lock (held by another instance)
 *                     before it is left to the sweep
 */
@ConfigurationProperties("tiffin.intake")
record IntakeProperties(
        @DefaultValue("16") int partitions,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("500ms") Duration firstBackoff,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30s") Duration sweepEvery,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") int queuePerPartition,
        @DefaultValue("auto") String journal,
        @DefaultValue("4MB") DataSize journalSegment,
        @DefaultValue("10s") Duration drainOnStop,
        @DefaultValue("200") int burstRate,
        @DefaultValue("2s") Duration maxYield,
        @DefaultValue("64MB") DataSize journalBurst,
        @DefaultValue("auto") String conversationLock,
        @DefaultValue("10s") Duration conversationWait) {

    @ConstructorBinding
    IntakeProperties {}

    /** Settings without the cross-instance ones: the conversation lock as {@code auto}, waiting 10 s. */
    IntakeProperties(
            int partitions,
            int maxAttempts,
            Duration firstBackoff,
            Duration maxBackoff,
            Duration lease,
            Duration sweepEvery,
            boolean enabled,
            int queuePerPartition,
            String journal,
            DataSize journalSegment,
            Duration drainOnStop,
            int burstRate,
            Duration maxYield,
            DataSize journalBurst) {
        this(
                partitions,
                maxAttempts,
                firstBackoff,
                maxBackoff,
                lease,
                sweepEvery,
                enabled,
                queuePerPartition,
                journal,
                journalSegment,
                drainOnStop,
                burstRate,
                maxYield,
                journalBurst,
                "auto",
                Duration.ofSeconds(10));
    }

    /**
     * Whether messages are handled under their conversation's cluster lock. Its cost is more than a
     * Redis round trip: the holder looks for the conversation's other waiting messages, a query the
     * embedded store answers by scanning the inbox.
     */
    boolean conversationLockWith(boolean journalOn) {
        return switch (conversationLock.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> !journalOn;
        };
    }
}
