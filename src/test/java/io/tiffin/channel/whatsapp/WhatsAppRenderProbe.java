package io.tiffin.channel.whatsapp;

import io.tiffin.channel.OutboundMessage;
import tools.jackson.databind.JsonNode;

/** Lets tests outside this package render as WhatsApp does. */
public final class WhatsAppRenderProbe {
    private WhatsAppRenderProbe() {}

    public static JsonNode render(OutboundMessage message) {
        return WhatsAppRenderer.render(message);
    }
}
