package io.tiffin.conversation.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.LineRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reply ids that carry a whole cart line, so a tapped choice needs no server-side memory:
 * {@code item:<itemId>:<qty>[:<group>=<option>]...[|<note>]}. Menu ids are {@code [a-z0-9_-]+}, so
 * ':' and '=' never occur inside them; the note is percent-encoded, so it holds no '|', and is left
 * out when it would make the id longer than a WhatsApp list row allows.
 */
final class ChoiceIds {

    record Selection(ParseResult.Line line) {
    }

    private ChoiceIds() {
    }

    static String of(LineRequest line, String extraGroup, String extraOption) {
        StringBuilder id = new StringBuilder(Replies.ITEM_PREFIX).append(line.itemId()).append(':').append(line.quantity());
        for (LineRequest.OptionRequest o : line.options()) {
            if (o.qualifier() == null) {
                id.append(':').append(o.groupId()).append('=').append(o.optionId());
            }
        }
        if (extraGroup != null) {
            id.append(':').append(extraGroup).append('=').append(extraOption);
        }
        if (line.notes() != null) {
            String note = java.net.URLEncoder.encode(line.notes(), java.nio.charset.StandardCharsets.UTF_8);
            if (id.length() + 1 + note.length() <= MAX_ID) {
                id.append('|').append(note);
            }
        }
        return id.toString();
    }

    /** WhatsApp's limit for a list row id, the smaller of its reply id limits. */
    private static final int MAX_ID = 200;

    static Selection parse(String id) {
        String note = null;
        int bar = id.indexOf('|');
        if (bar >= 0) {
            try {
                note = java.net.URLDecoder.decode(id.substring(bar + 1), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            id = id.substring(0, bar);
        }
        String[] parts = id.substring(Replies.ITEM_PREFIX.length()).split(":");
        if (parts.length < 2 || !parts[0].matches("[a-z0-9_-]+") || !parts[1].matches("[1-9][0-9]?")) {
            return null;
        }
        List<ParseResult.ChosenOption> options = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            String[] kv = parts[i].split("=");
            if (kv.length != 2) {
                return null;
            }
            options.add(new ParseResult.ChosenOption(kv[0], kv[1], null));
        }
        return new Selection(new ParseResult.Line(parts[0], Integer.parseInt(parts[1]), options, note));
    }
}
