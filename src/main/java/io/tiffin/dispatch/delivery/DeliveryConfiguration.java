package io.tiffin.dispatch.delivery;

import io.tiffin.platform.events.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deliveries keep their pending events in an {@code outbox} field, which the event relay watches. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    OutboxCollection deliveriesOutbox() {
        return new OutboxCollection("deliveries");
    }
}
