package io.tiffin.notification.internal;

import java.time.Instant;

/**
 * What a driver's phone hears: {@code assignment} (a new delivery is theirs), {@code route} (their
 * stops changed: taken away, re-timed, cancelled). The phone then reloads its route.
 */
record DriverPush(String driverId, String type, String deliveryId, String orderNumber, String change, Instant at) {

    static final String ASSIGNED = "assignment";
    static final String ROUTE = "route";
}
