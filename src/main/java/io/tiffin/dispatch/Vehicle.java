package io.tiffin.dispatch;

import java.util.List;

/**
 * A driver and what they drive.
 *
 * @param end          location the route must return to, or {@code -1} when the route ends at its last stop
 * @param shift        when the vehicle may leave ({@code start}) and must be done ({@code end})
 * @param speedFactor  multiplies the matrix durations (1 = as the matrix says, 1.5 = half as fast)
 * @param maxDuration  longest route from departure to the end of the route
 * @param committed    stop ids the driver already accepted, in the order promised; re-planning keeps
 *                     them on this vehicle in this order and only inserts new work between and after
 *                     them (never before the first: the driver is on the way there or already there)
 */
public record Vehicle(
        String id,
        int start,
        int end,
        TimeWindow shift,
        int capacity,
        double speedFactor,
        double maxDuration,
        List<String> committed) {

    public Vehicle {
        if (id == null || id.isBlank() || start < 0 || capacity < 0 || !(speedFactor > 0) || !(maxDuration > 0)) {
            throw new IllegalArgumentException("invalid vehicle " + id);
        }
        shift = shift == null ? TimeWindow.ALWAYS : shift;
        committed = committed == null ? List.of() : List.copyOf(committed);
    }

    public static Vehicle of(String id, int depot, TimeWindow shift, int capacity) {
        return new Vehicle(id, depot, depot, shift, capacity, 1.0, Double.MAX_VALUE / 4, List.of());
    }

    public Vehicle withCommitted(List<String> stopIds) {
        return new Vehicle(id, start, end, shift, capacity, speedFactor, maxDuration, stopIds);
    }

    public boolean returnsToEnd() {
        return end >= 0;
    }
}
