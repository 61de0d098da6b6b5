package io.tiffin.ordering.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep of unaccepted orders runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrderingConfiguration {
}
