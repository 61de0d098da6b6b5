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
}
