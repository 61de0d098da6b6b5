package io.tiffin.conversation.internal;

import io.tiffin.platform.events.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sessions keep the conversation's events in an {@code outbox} field, which the event relay watches. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    OutboxCollection sessionsOutbox() {
        return new OutboxCollection("sessions");
    }
}
