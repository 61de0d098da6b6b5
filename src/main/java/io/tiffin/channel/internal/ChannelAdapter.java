package io.tiffin.channel.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;

/** One provider's outbound side: renders a canonical message into its format and sends it. */
public interface ChannelAdapter {

    Channel channel();

    void send(OutboundMessage message);

    /** An update outside a reply; providers with a service window override this (see {@link TemplateFallback}). */
    default void send(OutboundMessage message, io.tiffin.channel.TemplateFallback fallback) {
        send(message);
    }

    /** The update sent as above; answers the provider's message id, null when it gives none. */
    default String sendTracked(OutboundMessage message, io.tiffin.channel.TemplateFallback fallback) {
        send(message, fallback);
        return null;
    }
}
