package io.tiffin.channel;

import java.util.List;

/**
 * What the bot says, before a provider's limits shape it: text, optionally with reply choices
 * (rendered as buttons where the provider has them) or a list of choices.
 */
public record OutboundMessage(
        Channel channel, String merchantId, String to, String text, List<Choice> buttons, ChoiceList list) {

    public record Choice(String id, String title, String description) {
        public Choice(String id, String title) {
            this(id, title, null);
        }
    }

    public record ChoiceList(String buttonLabel, List<Section> sections) {
        public record Section(String title, List<Choice> rows) {}
    }

    public OutboundMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an outbound message needs text");
        }
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static OutboundMessage text(Channel channel, String merchantId, String to, String text) {
        return new OutboundMessage(channel, merchantId, to, text, List.of(), null);
    }
}
