package io.tiffin.platform.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relay        {@code relay.enabled=false} stores events but delivers none (tests that need a
 *                     process to stop between a change and its reactions)
 * @param maxAttempts  tries of one delivery before it is dead-lettered
 * @param firstBackoff wait after the first failure, doubled after each further one (with jitter)
 * @param maxBackoff   the longest wait between two tries
 * @param sweepEvery   how often documents woken in this process whose delivery pass failed are tried again
 * @param fullSweepEvery how often (besides at start) every declared collection is searched for events a
 *                     wake-up missed: left by a crash, or by another process sharing the store that stopped
 * @param lease        how long a delivery in progress belongs to its worker; after a crash another
 *                     worker takes it over once this has passed
 * @param threads      documents delivered in parallel (one document's events always go through one)
 * @param keepDone     how long finished deliveries stay in the delivery log
 */
@ConfigurationProperties("tiffin.events")
record EventsProperties(
        @DefaultValue Relay relay,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration firstBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("10s") Duration sweepEvery,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("2") int threads,
        @DefaultValue("7d") Duration keepDone,
        @DefaultValue("1m") Duration fullSweepEvery) {

    record Relay(@DefaultValue("true") boolean enabled) {}

    EventsProperties {
        if (maxAttempts < 1 || threads < 1) {
            throw new IllegalArgumentException("tiffin.events.max-attempts and threads must be at least 1");
        }
    }
}
