package io.tiffin.dispatch.fleet;

/** What the board shows of a driver: off shift, free for work, or carrying at least one order. */
public enum DriverStatus {
    OFFLINE,
    AVAILABLE,
    ON_DELIVERY
}
