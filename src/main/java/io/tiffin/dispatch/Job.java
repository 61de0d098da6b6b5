package io.tiffin.dispatch;

import java.util.List;

/** Work to be assigned to one vehicle. */
public sealed interface Job permits Job.Shipment, Job.Single, Job.Onboard {

    String id();

    /** Capacity units the job takes (bags, kilograms): whatever the vehicles' capacity counts. */
    int size();

    List<Stop> stops();

    /** Picked up at one stop and dropped off at another by the same vehicle, pickup first. */
    record Shipment(String id, Stop pickup, Stop delivery, int size) implements Job {
        public Shipment {
            requireValid(id, size);
        }

        @Override
        public List<Stop> stops() {
            return List.of(pickup, delivery);
        }
    }

    /**
     * A single visit whose load stays on the vehicle from the visit to the end of the route (a
     * collection, or equivalently a delivery loaded at the depot when every job on the route is single).
     */
    record Single(String id, Stop stop, int size) implements Job {
        public Single {
            requireValid(id, size);
        }

        @Override
        public List<Stop> stops() {
            return List.of(stop);
        }
    }

    /** Already picked up by {@code vehicleId}: only the drop-off is left, and it stays on that vehicle. */
    record Onboard(String id, Stop delivery, int size, String vehicleId) implements Job {
        public Onboard {
            requireValid(id, size);
        }

        @Override
        public List<Stop> stops() {
            return List.of(delivery);
        }
    }

    private static void requireValid(String id, int size) {
        if (id == null || id.isBlank() || size < 0) {
            throw new IllegalArgumentException("job needs an id and a non-negative size: " + id);
        }
    }
}
