package io.tiffin.channel.telegram;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lets tests outside this package render as Telegram does. */
public final class TelegramRenderProbe {
    private TelegramRenderProbe() {}

    public static List<JsonNode> render(OutboundMessage message) {
        return List.copyOf(TelegramRenderer.render(message));
    }
}
