package io.tiffin.channel.whatsapp;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.OutboundMessage.ChoiceList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes a canonical message into a Cloud API send body within Meta's limits. Meta rejects an
 * over-long title with an error instead of cutting it, so everything is cut here.
 */
final class WhatsAppRenderer {

    static final int TEXT_BODY = 4096;
    static final int INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int BUTTON_TITLE = 20;
    static final int BUTTON_ID = 256;
    static final int LIST_ROWS = 10;
    static final int LIST_SECTIONS = 10;
    static final int SECTION_TITLE = 24;
    static final int ROW_ID = 200;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int LIST_BUTTON = 20;
    static final String DEFAULT_LIST_BUTTON = "Choose";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WhatsAppRenderer() {}

    static ObjectNode render(OutboundMessage message) {
        ObjectNode body = NODES.objectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.to());
        if (message.list() != null && hasRows(message.list())) {
            return list(body, message.text(), message.list());
        }
        List<Choice> buttons = message.buttons();
        if (buttons.size() > MAX_BUTTONS) {
            return list(
                    body,
                    message.text(),
                    new ChoiceList(DEFAULT_LIST_BUTTON, List.of(new ChoiceList.Section(null, buttons))));
        }
        if (!buttons.isEmpty()) {
            return buttons(body, message.text(), buttons);
        }
        body.put("type", "text");
        body.putObject("text")
                .put(
                        "preview_url",
                        message.text().contains("https://") || message.text().contains("http://"))
                .put("body", cut(message.text(), TEXT_BODY));
        return body;
    }

    /** A template send: the approved template by name and language, its body parameters in order. */
    static ObjectNode template(String to, io.tiffin.channel.TemplateFallback fallback) {
        ObjectNode body = NODES.objectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to)
                .put("type", "template");
        ObjectNode template = body.putObject("template").put("name", fallback.name());
        template.putObject("language").put("code", fallback.language());
        if (!fallback.parameters().isEmpty()) {
            ArrayNode parameters = template.putArray("components")
                    .addObject()
                    .put("type", "body")
                    .putArray("parameters");
            fallback.parameters()
                    .forEach(p -> parameters.addObject().put("type", "text").put("text", p));
        }
        return body;
    }

    private static ObjectNode buttons(ObjectNode body, String text, List<Choice> choices) {
        ObjectNode interactive = interactive(body, "button", text);
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        for (Choice choice : choices) {
            ObjectNode button = buttons.addObject().put("type", "reply");
            button.putObject("reply")
                    .put("id", clip(choice.id(), BUTTON_ID))
                    .put("title", cut(choice.title(), BUTTON_TITLE));
        }
        return body;
    }

    private static ObjectNode list(ObjectNode body, String text, ChoiceList list) {
        ObjectNode interactive = interactive(body, "list", text);
        ObjectNode action = interactive.putObject("action");
        String label =
                list.buttonLabel() == null || list.buttonLabel().isBlank() ? DEFAULT_LIST_BUTTON : list.buttonLabel();
        action.put("button", cut(label, LIST_BUTTON));
        ArrayNode sections = action.putArray("sections");
        int rowsLeft = LIST_ROWS;
        for (ChoiceList.Section source : list.sections()) {
            if (rowsLeft == 0 || sections.size() == LIST_SECTIONS) {
                break;
            }
            List<Choice> rows = source.rows() == null ? List.of() : source.rows();
            if (rows.isEmpty()) {
                continue;
            }
            ObjectNode section = sections.addObject();
            if (source.title() != null && !source.title().isBlank()) {
                section.put("title", cut(source.title(), SECTION_TITLE));
            }
            ArrayNode rowNodes = section.putArray("rows");
            for (Choice choice : rows.subList(0, Math.min(rows.size(), rowsLeft))) {
                ObjectNode row = rowNodes.addObject()
                        .put("id", clip(choice.id(), ROW_ID))
                        .put("title", cut(choice.title(), ROW_TITLE));
                if (choice.description() != null && !choice.description().isBlank()) {
                    row.put("description", cut(choice.description(), ROW_DESCRIPTION));
                }
            }
            rowsLeft -= rowNodes.size();
        }
        return body;
    }

    private static ObjectNode interactive(ObjectNode body, String type, String text) {
        body.put("type", "interactive");
        ObjectNode interactive = body.putObject("interactive").put("type", type);
        interactive.putObject("body").put("text", cut(text, INTERACTIVE_BODY));
        return interactive;
    }

    private static boolean hasRows(ChoiceList list) {
        return list.sections() != null
                && list.sections().stream()
                        .anyMatch(s -> s.rows() != null && !s.rows().isEmpty());
    }

    /**
     * At most {@code max} characters as WhatsApp counts them (code points, so an emoji is never split),
     * ending in an ellipsis when something was cut.
     */
    static String cut(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Ids come back verbatim in the reply, so they are cut without an ellipsis. */
    static String clip(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
