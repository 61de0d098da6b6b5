package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.planning.StopKind;

/** What a driver taps on a stop; each belongs to one kind of stop. */
public enum StopAction {
    ARRIVE_PICKUP(StopKind.PICKUP),
    PICK_UP(StopKind.PICKUP),
    ARRIVE_DROPOFF(StopKind.DROPOFF),
    DELIVER(StopKind.DROPOFF),
    FAIL(StopKind.DROPOFF);

    private final StopKind kind;

    StopAction(StopKind kind) {
        this.kind = kind;
    }

    public StopKind kind() {
        return kind;
    }

    /** "arrived" means the pickup or the drop-off depending on the stop it is tapped on. */
    public static StopAction arrivedAt(StopKind kind) {
        return kind == StopKind.PICKUP ? ARRIVE_PICKUP : ARRIVE_DROPOFF;
    }
}
