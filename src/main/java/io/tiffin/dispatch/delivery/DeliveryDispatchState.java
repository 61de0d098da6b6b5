package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.fleet.FleetService;
import io.tiffin.dispatch.planning.DeliverySnapshot;
import io.tiffin.dispatch.planning.DispatchPlan;
import io.tiffin.dispatch.planning.DispatchState;
import io.tiffin.dispatch.planning.DriverSnapshot;
import io.tiffin.dispatch.planning.StopKind;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The fleet and the deliveries as the planner reads them, and the plan written back: each delivery is
 * changed on a fresh copy, so a driver's tap or a manual assignment made while the planner thought
 * wins, and the next plan sees it.
 */
@Component
class DeliveryDispatchState implements DispatchState {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatchState.class);

    private final DeliveryService deliveries;
    private final Deliveries repository;
    private final FleetService fleet;
    private final Clock clock;

    DeliveryDispatchState(DeliveryService deliveries, Deliveries repository, FleetService fleet, Clock clock) {
        this.deliveries = deliveries;
        this.repository = repository;
        this.fleet = fleet;
        this.clock = clock;
    }

    @Override
    public List<DriverSnapshot> availableDrivers(String merchantId) {
        return fleet.available(merchantId);
    }

    @Override
    public List<DeliverySnapshot> openDeliveries(String merchantId) {
        return deliveries.open(merchantId).stream()
                .filter(d ->
                        !d.needsLocation() && d.pickup() != null && d.pickup().location() != null)
                .map(DeliveryDispatchState::snapshot)
                .toList();
    }

    @Override
    public java.util.Set<String> merchantsWithWaitingDeliveries() {
        java.util.Set<String> merchants = new java.util.HashSet<>();
        repository.findByStatusIn(List.of(DeliveryStatus.WAITING)).forEach(d -> merchants.add(d.merchantId()));
        return merchants;
    }

    static DeliverySnapshot snapshot(Delivery d) {
        return new DeliverySnapshot(
                d.id(),
                d.orderId(),
                d.merchantId(),
                d.pickup().location(),
                d.dropoff().location(),
                d.readyAt(),
                d.dueBy(),
                d.driverId(),
                d.pinned(),
                DeliverySnapshot.Progress.valueOf(d.status().name()));
    }

    private record Assignment(
            String driverId, Instant pickupEta, Integer pickupSequence, Instant dropoffEta, Integer dropoffSequence) {}

    @Override
    public void apply(DispatchPlan plan) {
        Map<String, String> names = new HashMap<>();
        fleet.fleetOf(plan.merchantId()).forEach(d -> names.put(d.id(), d.firstName()));
        Map<String, Assignment> assignments = new HashMap<>();
        plan.routes().forEach((driverId, stops) -> {
            for (int i = 0; i < stops.size(); i++) {
                DispatchPlan.PlannedStop stop = stops.get(i);
                Assignment a =
                        assignments.getOrDefault(stop.deliveryId(), new Assignment(driverId, null, null, null, null));
                a = stop.kind() == StopKind.PICKUP
                        ? new Assignment(driverId, stop.eta(), i, a.dropoffEta(), a.dropoffSequence())
                        : new Assignment(driverId, a.pickupEta(), a.pickupSequence(), stop.eta(), i);
                assignments.put(stop.deliveryId(), a);
            }
        });
        Instant now = clock.instant();
        // a hand assignment holds while its driver is there to take it
        java.util.Set<String> available = new java.util.HashSet<>();
        fleet.available(plan.merchantId()).forEach(d -> available.add(d.driverId()));
        assignments.forEach((deliveryId, a) -> apply(deliveryId, plan.merchantId(), d -> {
            boolean released = !available.contains(d.driverId()) && d.releasePin();
            return d.plan(
                            a.driverId(),
                            names.getOrDefault(a.driverId(), "Your driver"),
                            a.pickupEta(),
                            a.pickupSequence(),
                            a.dropoffEta(),
                            a.dropoffSequence(),
                            now)
                    || released;
        }));
        for (String deliveryId : plan.unassigned()) {
            if (!assignments.containsKey(deliveryId)) {
                apply(deliveryId, plan.merchantId(), d -> {
                    boolean released = !available.contains(d.driverId()) && d.releasePin();
                    return d.unassign(now) || released;
                });
            }
        }
    }

    private void apply(String deliveryId, String merchantId, java.util.function.Function<Delivery, Boolean> change) {
        try {
            deliveries.change(deliveryId, d -> d.merchantId().equals(merchantId) && change.apply(d));
        } catch (OptimisticLockingFailureException
                | io.tiffin.platform.NotFoundException
                | io.tiffin.platform.ConflictException e) {
            log.debug("plan for delivery {} not applied: {}", deliveryId, e.toString());
        }
    }
}
