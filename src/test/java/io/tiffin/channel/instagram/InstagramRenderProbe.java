package io.tiffin.channel.instagram;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lets tests outside this package render as Instagram does. */
public final class InstagramRenderProbe {
    private InstagramRenderProbe() {}

    public static List<JsonNode> render(OutboundMessage message) {
        return List.copyOf(InstagramRenderer.render(message));
    }
}
