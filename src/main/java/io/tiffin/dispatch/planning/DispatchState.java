package io.tiffin.dispatch.planning;

import java.util.List;
import java.util.Set;

/** What the planner reads and writes: the fleet and the deliveries of one merchant. */
public interface DispatchState {

    /** Drivers on shift whose last location is fresh (two minutes), with that location. */
    List<DriverSnapshot> availableDrivers(String merchantId);

    /** Deliveries not yet delivered, failed or cancelled. */
    List<DeliverySnapshot> openDeliveries(String merchantId);

    /**
     * Stores assignments and ETAs. A delivery that moved on since the snapshot (picked up, cancelled,
     * pinned by hand) keeps what it has; the next plan sees the change.
     */
    void apply(DispatchPlan plan);

    /**
     * Merchants with a delivery no driver has. The periodic safety re-plan looks at these besides the
     * merchants planned since start, so an order left waiting before a restart is planned as soon as a
     * driver is online. The default knows none.
     */
    default Set<String> merchantsWithWaitingDeliveries() {
        return Set.of();
    }
}
