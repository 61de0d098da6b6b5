package io.tiffin.dispatch.bench;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.planning.DeliverySnapshot;
import io.tiffin.dispatch.planning.DeliverySnapshot.Progress;
import io.tiffin.dispatch.planning.DriverSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A busy moment at the demo kitchen: drivers spread over the area, some carrying orders, some at the
 * kitchen, the rest of the open orders assigned or waiting, ready over the next half hour.
 */
record ReplanLatency(List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries) {

    static ReplanLatency moment(long seed, int orderCount, int driverCount, int capacity, Instant now) {
        Random random = new Random(seed);
        List<DriverSnapshot> drivers = new ArrayList<>();
        for (int i = 0; i < driverCount; i++) {
            drivers.add(new DriverSnapshot("driver-" + i, "bench", "Driver " + i, around(random, 4), now, capacity));
        }
        int[] load = new int[driverCount];
        List<DeliverySnapshot> deliveries = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            long ready = random.nextInt(30 * 60) - 5 * 60;
            Instant readyAt = now.plusSeconds(ready);
            Instant dueBy = readyAt.plusSeconds(1800);
            GeoPoint dropoff = around(random, 5);
            int driver = random.nextInt(driverCount);
            double kind = random.nextDouble();
            Progress progress;
            String driverId = null;
            if (kind < 0.3 && ready < 0 && load[driver] < capacity) {
                progress = Progress.PICKED_UP;
                load[driver]++;
                driverId = "driver-" + driver;
            } else if (kind < 0.6) {
                progress = Progress.ASSIGNED;
                driverId = "driver-" + driver;
            } else {
                progress = Progress.WAITING;
            }
            deliveries.add(new DeliverySnapshot(
                    "d" + i, "o" + i, "bench", Evening.KITCHEN, dropoff, readyAt, dueBy, driverId, false, progress));
        }
        return new ReplanLatency(drivers, deliveries);
    }

    private static GeoPoint around(Random random, double radiusKm) {
        double r = radiusKm * Math.sqrt(random.nextDouble());
        double angle = random.nextDouble() * 2 * Math.PI;
        return new GeoPoint(
                Evening.KITCHEN.lat() + r * Math.cos(angle) / 111.2,
                Evening.KITCHEN.lng()
                        + r * Math.sin(angle) / (111.2 * Math.cos(Math.toRadians(Evening.KITCHEN.lat()))));
    }
}
