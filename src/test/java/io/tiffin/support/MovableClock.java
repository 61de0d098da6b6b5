package io.tiffin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock a test moves by hand, on whole milliseconds as the store keeps them. */
public final class MovableClock extends Clock {

    public Instant now;

    public MovableClock(Instant start) {
        now = start.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Starts now. */
    public MovableClock() {
        this(Instant.now());
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
