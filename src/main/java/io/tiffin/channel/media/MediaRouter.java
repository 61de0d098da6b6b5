package io.tiffin.channel.media;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.MediaFetcher;
import io.tiffin.channel.MediaRefusedException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Hands a message to the media source of its channel; a channel without one cannot download. */
@Component
class MediaRouter implements MediaFetcher {

    private final Map<Channel, MediaSource> sources = new EnumMap<>(Channel.class);

    MediaRouter(List<MediaSource> sources) {
        sources.forEach(s -> this.sources.put(s.channel(), s));
    }

    @Override
    public byte[] fetch(InboundMessage message) {
        MediaSource source = sources.get(message.channel());
        if (source == null || message.media() == null) {
            throw new MediaRefusedException(
                    MediaRefusedException.Reason.NOT_SUPPORTED, "no media download on " + message.channel());
        }
        return source.fetch(message);
    }
}
