package io.tiffin.channel;

import java.util.List;

/**
 * An approved message template to send instead when the provider no longer takes free-form text
 * from us (WhatsApp, 24 hours after the customer last wrote). The body parameters fill the
 * template's {@code {{1}}}, {@code {{2}}}, ... in order. {@code windowClosed}: we know the window
 * has closed, so the template goes at once.
 */
public record TemplateFallback(String name, String language, List<String> parameters, boolean windowClosed) {

    public TemplateFallback {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /**
     * The window has closed and there is no template: a channel that still has a way of its own sends
     * that (Instagram's {@code HUMAN_AGENT} tag, within 7 days); the others refuse the update.
     */
    public static TemplateFallback windowClosedNoTemplate() {
        return new TemplateFallback(null, null, List.of(), true);
    }

    public boolean hasTemplate() {
        return name != null && !name.isBlank();
    }
}
