package io.tiffin.channel.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundSender;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class OutboundRouter implements OutboundSender {

    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

    OutboundRouter(List<ChannelAdapter> adapters) {
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
    }

    @Override
    public void send(OutboundMessage message) {
        adapter(message).send(message);
    }

    @Override
    public void send(OutboundMessage message, io.tiffin.channel.TemplateFallback fallback) {
        adapter(message).send(message, fallback);
    }

    @Override
    public String sendTracked(OutboundMessage message, io.tiffin.channel.TemplateFallback fallback) {
        return adapter(message).sendTracked(message, fallback);
    }

    private ChannelAdapter adapter(OutboundMessage message) {
        ChannelAdapter adapter = adapters.get(message.channel());
        if (adapter == null) {
            throw new IllegalStateException("no adapter sends on " + message.channel());
        }
        return adapter;
    }
}
