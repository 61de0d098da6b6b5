package io.tiffin.channel.whatsapp;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.MediaRefusedException;
import io.tiffin.channel.media.MediaSource;
import io.tiffin.channel.media.SafeDownloader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * WhatsApp media: the media id resolves to a short-lived URL ({@code GET /{media-id}}), which is then
 * downloaded with the same access token. A URL already in the webhook is used as it is; either way
 * the download goes through the allow-list.
 */
@Component
class WhatsAppMedia implements MediaSource {

    private final WhatsAppProperties properties;
    private final SafeDownloader downloads;
    private final ObjectMapper json;

    WhatsAppMedia(WhatsAppProperties properties, SafeDownloader downloads, ObjectMapper json) {
        this.properties = properties;
        this.downloads = downloads;
        this.json = json;
        downloads.allowHostOf(properties.graphUrl());
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public byte[] fetch(InboundMessage message) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + properties.accessToken());
        String url = message.media().url();
        if (url == null || url.isBlank()) {
            String id = message.media().id();
            if (id == null || !id.matches("[A-Za-z0-9_.-]{1,128}")) {
                throw new MediaRefusedException(MediaRefusedException.Reason.NOT_SUPPORTED, "no usable media id");
            }
            JsonNode info = json.readTree(
                    new String(downloads.get(properties.graphUrl() + "/" + id, auth), StandardCharsets.UTF_8));
            long size = info.path("file_size").asLong(0);
            if (size > downloads.maxBytes()) {
                throw new MediaRefusedException(MediaRefusedException.Reason.TOO_LARGE, "media of " + size + " bytes");
            }
            url = info.path("url").asString(null);
            if (url == null) {
                throw new IllegalStateException("media " + id + " has no URL");
            }
        }
        return downloads.get(url, auth);
    }
}
