package io.tiffin.channel.sms;

import io.tiffin.channel.OutboundMessage;
import java.util.List;

/** Lets tests outside this package render as SMS does, and count segments as a phone does. */
public final class SmsRenderProbe {
    private SmsRenderProbe() {}

    public static List<String> render(OutboundMessage message) {
        return SmsRenderer.render(message);
    }

    public static int segments(String body) {
        return SmsSegments.count(body);
    }
}
