package io.tiffin.dispatch.planning;

public enum StopKind {
    PICKUP,
    DROPOFF
}
