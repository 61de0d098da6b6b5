package io.tiffin.conversation.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.LineRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reply ids that carry a whole cart line, so a tapped choice needs no server-side memory:
 * {@code item:<itemId>:<qty>[:<group>=<option>[~<Q>]]...[:!<group>=<option>~<Q>]...[|<note>]}, where
 * {@code ~E}, {@code ~L}, {@code ~N} qualify an option (extra, light, no) and {@code !} marks one the
 * customer refused ("no extra cheese"). Menu ids are {@code [a-z0-9_-]+}, so ':', '=', '~' and '!'
 * never occur inside them; the note is percent-encoded, so it holds no '|', and is left out when it
 * would make the id longer than a WhatsApp list row allows.
 */
final class ChoiceIds {

    record Selection(ParseResult.Line line) {}

    private ChoiceIds() {}

    static String of(LineRequest line, String extraGroup, String extraOption) {
        StringBuilder id = new StringBuilder(Replies.ITEM_PREFIX)
                .append(line.itemId())
                .append(':')
                .append(line.quantity());
        for (LineRequest.OptionRequest o : line.options()) {
            id.append(':').append(o.groupId()).append('=').append(o.optionId());
            if (o.qualifier() != null) {
                id.append('~').append(o.qualifier().name().charAt(0));
            }
        }
        for (LineRequest.OptionRequest o : line.declined()) {
            id.append(":!")
                    .append(o.groupId())
                    .append('=')
                    .append(o.optionId())
                    .append('~')
                    .append(o.qualifier().name().charAt(0));
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
        List<ParseResult.ChosenOption> declined = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            var m = OPTION.matcher(parts[i]);
            if (!m.matches() || m.group(1) != null && m.group(4) == null) {
                return null;
            }
            var option = new ParseResult.ChosenOption(
                    m.group(2), m.group(3), m.group(4) == null ? null : qualifier(m.group(4)));
            (m.group(1) != null ? declined : options).add(option);
        }
        return new Selection(new ParseResult.Line(parts[0], Integer.parseInt(parts[1]), options, note, declined));
    }

    private static final java.util.regex.Pattern OPTION =
            java.util.regex.Pattern.compile("(!)?([a-z0-9_-]+)=([a-z0-9_-]+)(?:~([ELN]))?");

    private static ParseResult.Qualifier qualifier(String letter) {
        return switch (letter) {
            case "E" -> ParseResult.Qualifier.EXTRA;
            case "L" -> ParseResult.Qualifier.LIGHT;
            default -> ParseResult.Qualifier.NO;
        };
    }
}
