package io.tiffin.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Driver pushes reach every instance through their own Redis channel. */
@Configuration(proxyBeanMethods = false)
class DriverPushConfiguration {

    static final ChannelTopic DRIVER_TOPIC = new ChannelTopic("tiffin:driver-events");

    @Bean
    RedisMessageListenerContainer driverPushListenerContainer(RedisConnectionFactory redis, DriverConnections drivers) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener((message, pattern) -> drivers.deliver(message.getBody()), DRIVER_TOPIC);
        return container;
    }
}
