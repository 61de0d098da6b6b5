package io.tiffin.ordering.internal;

import io.tiffin.platform.events.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep of unaccepted orders runs on Spring's scheduler; orders keep their events in an outbox. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrderingConfiguration {

    @Bean
    OutboxCollection ordersOutbox() {
        return new OutboxCollection("orders");
    }
}
