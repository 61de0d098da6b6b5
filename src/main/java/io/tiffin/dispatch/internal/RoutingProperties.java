package io.tiffin.dispatch.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tiffin.routing}.
 *
 * @param osrmUrl     OSRM server for road travel times ({@code OSRM_URL}); blank means straight-line estimates
 * @param osrmTimeout how long to wait for OSRM before falling back
 * @param cacheSize   travel matrices kept in memory
 * @param roadFactor  how much longer streets are than the straight line
 * @param speedKmh    assumed average speed for straight-line estimates
 * @param threads     parallel searches per plan (0 = one per core)
 */
@ConfigurationProperties("tiffin.routing")
public record RoutingProperties(
        String osrmUrl,
        @DefaultValue("2s") Duration osrmTimeout,
        @DefaultValue("256") int cacheSize,
        @DefaultValue("1.3") double roadFactor,
        @DefaultValue("25") double speedKmh,
        @DefaultValue("0") int threads) {}
