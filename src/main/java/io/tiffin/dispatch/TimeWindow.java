package io.tiffin.dispatch;

/**
 * When service may start at a stop, in seconds on the plan's clock (0 = the moment the plan is made).
 * Arriving early means waiting until {@code start}; starting after {@code end} is lateness.
 */
public record TimeWindow(double start, double end) {

    public static final TimeWindow ALWAYS = new TimeWindow(0, Double.MAX_VALUE / 4);

    public TimeWindow {
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("time window must satisfy 0 <= start <= end: " + start + ".." + end);
        }
    }

    public static TimeWindow until(double end) {
        return new TimeWindow(0, end);
    }
}
