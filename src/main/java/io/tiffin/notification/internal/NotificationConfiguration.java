package io.tiffin.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Customer updates and board pushes are durable event handlers, run by the event relay off the request
 * thread, so a slow provider never holds up a tablet's tap; board events arrive on every instance
 * through one Redis channel.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    static final ChannelTopic BOARD_TOPIC = new ChannelTopic("tiffin:board-events");

    @Bean
    RedisMessageListenerContainer boardEventListenerContainer(RedisConnectionFactory redis, BoardConnections connections) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener((message, pattern) -> connections.deliver(message.getBody()), BOARD_TOPIC);
        return container;
    }
}
