package io.tiffin.dispatch.planning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The planner's answer for one merchant: each driver's remaining stops in order with their ETAs, and
 * the deliveries nobody could take (they stay waiting and visible on the board).
 */
public record DispatchPlan(
        String merchantId, Instant plannedAt, Map<String, List<PlannedStop>> routes, List<String> unassigned) {

    public record PlannedStop(String deliveryId, StopKind kind, Instant eta) {}
}
