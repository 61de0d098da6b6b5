package io.tiffin.channel.telegram;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.Markup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes a canonical message into {@code sendMessage} bodies: HTML text (the templates' bold kept)
 * of at most 4,096 characters, split beyond, and choices as an inline keyboard, one button per row
 * so long titles stay readable, on the last part. Callback data holds 64 bytes: a longer choice id
 * is sent as {@code #<n>}, its place among the choices remembered.
 */
final class TelegramRenderer {

    static final int TEXT = 4096;
    static final int CALLBACK_DATA_BYTES = 64;
    static final int BUTTON_TEXT = 64;
    static final int MAX_BUTTONS = 100;
    static final String SHORT_PREFIX = "#";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TelegramRenderer() {}

    static List<ObjectNode> render(OutboundMessage message) {
        // split before escaping, so an entity is never cut in two; 4096 leaves room for the tags
        List<String> parts = split(message.text().strip(), TEXT - 200);
        List<Choice> choices = ChoiceMemory.choicesOf(message);
        List<ObjectNode> bodies = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode body = NODES.objectNode()
                    .put("chat_id", message.to())
                    .put("text", Markup.telegramHtml(parts.get(i)))
                    .put("parse_mode", "HTML");
            if (i == parts.size() - 1 && !choices.isEmpty()) {
                ArrayNode rows = body.putObject("reply_markup").putArray("inline_keyboard");
                List<Choice> shown = choices.subList(0, Math.min(MAX_BUTTONS, choices.size()));
                for (int n = 0; n < shown.size(); n++) {
                    rows.addArray()
                            .addObject()
                            .put("text", cut(shown.get(n).title(), BUTTON_TEXT))
                            .put("callback_data", callbackData(shown.get(n).id(), n + 1));
                }
            }
            bodies.add(body);
        }
        return bodies;
    }

    static boolean needsMemory(List<Choice> choices) {
        return choices.stream().anyMatch(c -> !fits(c.id()));
    }

    static String callbackData(String id, int position) {
        return fits(id) ? id : SHORT_PREFIX + position;
    }

    private static boolean fits(String id) {
        return !id.startsWith(SHORT_PREFIX) && id.getBytes(StandardCharsets.UTF_8).length <= CALLBACK_DATA_BYTES;
    }

    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0 || Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }

    private static String cut(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
