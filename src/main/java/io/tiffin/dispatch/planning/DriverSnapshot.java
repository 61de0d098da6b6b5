package io.tiffin.dispatch.planning;

import io.tiffin.dispatch.GeoPoint;
import java.time.Instant;

/** A driver who can take work now: on shift, with a location newer than two minutes. */
public record DriverSnapshot(
        String driverId, String merchantId, String firstName, GeoPoint position, Instant positionAt, int capacity) {}
