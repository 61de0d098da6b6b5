package io.tiffin.channel.telegram;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.MediaRefusedException;
import io.tiffin.channel.MediaRefusedException.Reason;
import io.tiffin.channel.media.MediaSource;
import io.tiffin.channel.media.SafeDownloader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Telegram voice: {@code getFile} with the merchant's bot turns the file id into a path, which is then
 * downloaded from {@code /file/bot<token>/<path>} on the same Bot API host. Both URLs hold the token,
 * so a failure is reported without them.
 */
@Component
class TelegramMedia implements MediaSource {

    private final String apiUrl;
    private final TelegramBots bots;
    private final SafeDownloader downloads;
    private final ObjectMapper json;

    TelegramMedia(TelegramProperties properties, TelegramBots bots, SafeDownloader downloads, ObjectMapper json) {
        this.apiUrl = properties.apiUrl();
        this.bots = bots;
        this.downloads = downloads;
        this.json = json;
        downloads.allowHostOf(properties.apiUrl());
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public byte[] fetch(InboundMessage message) {
        String fileId = message.media().id();
        if (fileId == null || !fileId.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new MediaRefusedException(Reason.NOT_SUPPORTED, "no usable Telegram file id");
        }
        String token = bots.token(message.merchantId())
                .orElseThrow(() -> new MediaRefusedException(Reason.NOT_SUPPORTED, "merchant has no Telegram bot"));
        try {
            JsonNode answer = json.readTree(new String(
                    downloads.get(
                            apiUrl + "/bot" + token + "/getFile?file_id="
                                    + URLEncoder.encode(fileId, StandardCharsets.UTF_8),
                            Map.of()),
                    StandardCharsets.UTF_8));
            JsonNode file = answer.path("result");
            long size = file.path("file_size").asLong(0);
            if (size > downloads.maxBytes()) {
                throw new MediaRefusedException(Reason.TOO_LARGE, "media of " + size + " bytes");
            }
            String path = TelegramMapper.text(file.get("file_path"));
            // a path under the bot's file folder: nothing in it may lead to another host or folder
            if (!answer.path("ok").asBoolean(false)
                    || path == null
                    || !path.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")
                    || path.contains("..")) {
                throw new IllegalStateException("getFile answered no usable file path");
            }
            return downloads.get(apiUrl + "/file/bot" + token + "/" + path, Map.of());
        } catch (MediaRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            // passing (retried), and said without the token any URL or message of the client may carry
            throw new IllegalStateException("Telegram file download failed: "
                    + String.valueOf(e.getMessage()).replace(token, "<token>"));
        }
    }
}
