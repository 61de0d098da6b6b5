package io.tiffin.payment.internal;

import io.tiffin.platform.events.OutboxCollection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Payments keep their pending events in their own documents; the relay watches the collection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RazorpayProperties.class)
@EnableScheduling
class PaymentConfiguration {

    @Bean
    OutboxCollection paymentOutbox() {
        return new OutboxCollection(Payment.COLLECTION);
    }
}
