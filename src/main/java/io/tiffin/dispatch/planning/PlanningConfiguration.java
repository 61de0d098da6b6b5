package io.tiffin.dispatch.planning;

import io.tiffin.dispatch.RoutePlanner;
import io.tiffin.dispatch.TravelTimes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanningConfiguration {

    @Bean
    DispatchPlanner dispatchPlanner(RoutePlanner routePlanner, TravelTimes travelTimes, PlanningProperties properties) {
        return new DispatchPlanner(routePlanner, travelTimes, properties.plannerSettings());
    }
}
