package io.tiffin.channel.web;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.internal.ChannelAdapter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The built-in web chat's outbound side: replies are stored for the page to fetch. */
@Component
class WebChatAdapter implements ChannelAdapter {

    private final MongoTemplate mongo;
    private final Clock clock;

    WebChatAdapter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEB;
    }

    @Override
    public void send(OutboundMessage message) {
        List<OutboundMessage.Choice> choices = new ArrayList<>(message.buttons());
        if (message.list() != null) {
            message.list().sections().forEach(s -> choices.addAll(s.rows()));
        }
        mongo.insert(
                new WebChatMessage(null, message.merchantId(), message.to(), message.text(), choices, clock.instant()));
    }
}
