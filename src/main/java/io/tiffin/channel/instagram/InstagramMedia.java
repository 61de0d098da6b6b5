package io.tiffin.channel.instagram;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.MediaRefusedException;
import io.tiffin.channel.media.MediaSource;
import io.tiffin.channel.media.SafeDownloader;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Instagram audio: the webhook carries a signed CDN URL ({@code lookaside.fbsbx.com}, {@code *.fbcdn.net},
 * {@code *.cdninstagram.com}), fetched as it is through the allow-list. The URL needs no token, so none is
 * sent: a CDN host never sees the access token.
 */
@Component
class InstagramMedia implements MediaSource {

    private final SafeDownloader downloads;

    InstagramMedia(InstagramProperties properties, SafeDownloader downloads) {
        this.downloads = downloads;
        downloads.allowHostOf(properties.graphUrl());
    }

    @Override
    public Channel channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    public byte[] fetch(InboundMessage message) {
        String url = message.media().url();
        if (url == null || url.isBlank()) {
            throw new MediaRefusedException(MediaRefusedException.Reason.NOT_SUPPORTED, "an attachment without a URL");
        }
        try {
            java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MediaRefusedException(MediaRefusedException.Reason.HOST_NOT_ALLOWED, "not a URL");
        }
        return downloads.get(url, Map.of());
    }
}
