package io.tiffin.nlu;

import java.time.Duration;

/**
 * How much the local model was asked during the parses of one piece of work on one thread (a
 * conversation turn): the caller brackets its work with {@link #begin()} and {@link #end()}, and the
 * parser reports each call it makes. Parses outside a bracket (the evaluation tool) count nothing.
 */
public final class ModelUse {

    /** Calls made (a cached reading is not a call) and the time they took together. */
    public record Tally(int calls, long millis) {
        public static final Tally NONE = new Tally(0, 0);
    }

    private static final ThreadLocal<long[]> COUNTING = new ThreadLocal<>();

    private ModelUse() {}

    public static void begin() {
        COUNTING.set(new long[2]);
    }

    public static Tally end() {
        long[] counted = COUNTING.get();
        COUNTING.remove();
        return counted == null ? Tally.NONE : new Tally((int) counted[0], counted[1]);
    }

    /** Reported by the parser for each call to the model, answered or not. */
    public static void called(Duration took) {
        long[] counted = COUNTING.get();
        if (counted != null) {
            counted[0]++;
            counted[1] += took.toMillis();
        }
    }
}
