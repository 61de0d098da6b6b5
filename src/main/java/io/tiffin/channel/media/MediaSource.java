package io.tiffin.channel.media;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;

/** One provider's way from a message's media reference to its bytes, through {@link SafeDownloader}. */
public interface MediaSource {

    Channel channel();

    byte[] fetch(InboundMessage message);
}
