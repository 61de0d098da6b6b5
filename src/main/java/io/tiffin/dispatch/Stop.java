package io.tiffin.dispatch;

/**
 * A place a driver must visit. {@code location} indexes the problem's {@link TravelMatrix}.
 */
public record Stop(String id, int location, double serviceTime, TimeWindow window) {

    public Stop {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("stop id is required");
        }
        if (location < 0 || serviceTime < 0) {
            throw new IllegalArgumentException("stop " + id + ": negative location or service time");
        }
        window = window == null ? TimeWindow.ALWAYS : window;
    }
}
