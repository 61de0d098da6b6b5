package io.tiffin.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Customer updates and board pushes are durable event handlers, run by the event relay off the request
 * thread, so a slow provider never holds up a tablet's tap; board events and driver pushes arrive on
 * every instance through a Redis channel each, heard by one listener container.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    static final ChannelTopic BOARD_TOPIC = new ChannelTopic("tiffin:board-events");
    static final ChannelTopic DRIVER_TOPIC = new ChannelTopic("tiffin:driver-events");

    @Bean
    RedisMessageListenerContainer notificationListenerContainer(
            RedisConnectionFactory redis, BoardConnections boards, DriverConnections drivers) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener((message, pattern) -> boards.deliver(message.getBody()), BOARD_TOPIC);
        container.addMessageListener((message, pattern) -> drivers.deliver(message.getBody()), DRIVER_TOPIC);
        // started by ListenerStart, which keeps trying while Redis is down instead of failing the app's start
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    ListenerStart notificationListenerStart(RedisMessageListenerContainer notificationListenerContainer) {
        return new ListenerStart(notificationListenerContainer);
    }
}
