package io.tiffin.channel.instagram;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.Markup;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes a canonical message into Send API bodies: plain text (Instagram shows no markup) of at
 * most 1,000 characters, split at line or word ends beyond that, and choices as quick replies (at
 * most 13, titles of at most 20 characters) on the last part, where the customer's eye is.
 */
final class InstagramRenderer {

    static final int TEXT = 1000;
    static final int QUICK_REPLIES = 13;
    static final int TITLE = 20;
    static final int PAYLOAD = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InstagramRenderer() {}

    static List<ObjectNode> render(OutboundMessage message) {
        return render(message, false);
    }

    /**
     * @param humanAgent the customer last wrote more than 24 hours ago (and less than 7 days): outside
     *     the standard window only a message tagged {@code HUMAN_AGENT} may go
     */
    static List<ObjectNode> render(OutboundMessage message, boolean humanAgent) {
        List<String> parts = split(Markup.plain(message.text()).strip(), TEXT);
        List<Choice> choices = ChoiceMemory.choicesOf(message);
        List<ObjectNode> bodies = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode body = NODES.objectNode();
            body.putObject("recipient").put("id", message.to());
            if (humanAgent) {
                body.put("messaging_type", "MESSAGE_TAG");
                body.put("tag", "HUMAN_AGENT");
            } else {
                body.put("messaging_type", "RESPONSE");
            }
            ObjectNode content = body.putObject("message").put("text", parts.get(i));
            if (i == parts.size() - 1 && !choices.isEmpty()) {
                ArrayNode quick = content.putArray("quick_replies");
                for (Choice choice : choices.subList(0, Math.min(QUICK_REPLIES, choices.size()))) {
                    quick.addObject()
                            .put("content_type", "text")
                            .put("title", cut(choice.title(), TITLE))
                            .put(
                                    "payload",
                                    choice.id()
                                            .substring(0, Math.min(choice.id().length(), PAYLOAD)));
                }
            }
            bodies.add(body);
        }
        return bodies;
    }

    /** Parts of at most {@code max} code points, broken at the last line end, else space, before the limit. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.codePointCount(0, rest.length()) > max) {
            int limit = rest.offsetByCodePoints(0, max);
            int cut = rest.lastIndexOf('\n', limit);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut <= 0) {
                cut = limit;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    static String cut(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
