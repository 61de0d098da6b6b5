package io.tiffin.dispatch.planning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tiffin.dispatch} (environment: {@code TIFFIN_DISPATCH_*}).
 *
 * @param pickupService  time at the kitchen to take an order
 * @param dropoffService time at the door to hand it over
 * @param timeLimit      how long one plan's route search may take
 * @param timeout        a plan (reading the deliveries, travel times, search) not done by then is
 *                       abandoned and counted as a failure; the deliveries stay as they are
 * @param quietPeriod    a re-plan waits until requests for the merchant stop for this long...
 * @param maxWait        ...but no longer than this after the first of them
 * @param safetyEvery    how often merchants with waiting deliveries, or drivers far behind their
 *                       plan, are re-planned without being asked
 * @param behindBy       a stop whose ETA passed this long ago without the stop being done makes the
 *                       safety check re-plan
 * @param workers        merchants planned at the same time
 */
@ConfigurationProperties("tiffin.dispatch")
public record PlanningProperties(
        @DefaultValue("3m") Duration pickupService,
        @DefaultValue("2m") Duration dropoffService,
        @DefaultValue("700ms") Duration timeLimit,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("300ms") Duration quietPeriod,
        @DefaultValue("2s") Duration maxWait,
        @DefaultValue("30s") Duration safetyEvery,
        @DefaultValue("10m") Duration behindBy,
        @DefaultValue("2") int workers) {

    DispatchPlanner.Settings plannerSettings() {
        return new DispatchPlanner.Settings(pickupService, dropoffService, timeLimit);
    }
}
