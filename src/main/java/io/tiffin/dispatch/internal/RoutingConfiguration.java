package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.TravelTimes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The planner and the travel-time port as beans. Both are plain objects: nothing is loaded or
 * computed at start-up.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    TravelTimes travelTimes(RoutingProperties properties) {
        HaversineTravelTimes straightLine = new HaversineTravelTimes(properties.roadFactor(), properties.speedKmh());
        if (properties.osrmUrl() == null || properties.osrmUrl().isBlank()) {
            return straightLine;
        }
        return new OsrmTravelTimes(
                properties.osrmUrl(), properties.osrmTimeout(), properties.cacheSize(), straightLine);
    }

    @Bean
    RoutePlanner routePlanner(RoutingProperties properties) {
        return properties.threads() > 0 ? new JspritPlanner(properties.threads()) : new JspritPlanner();
    }
}
