package io.tiffin.channel.sms;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * Shapes a canonical message into SMS bodies: choices become numbered lines, and the text is kept to
 * one concatenated SMS of at most {@link SmsSegments#MAX_SEGMENTS} segments. What cannot fit (a long
 * cart, a Hindi text in UCS-2) is split at line ends into several such SMS, the choices last and
 * whole, rather than cut: a cart must never lose a line.
 */
final class SmsRenderer {

    static final String PICK_HINT = "Reply with a number.";

    private SmsRenderer() {}

    static List<String> render(OutboundMessage message) {
        List<Choice> choices = ChoiceMemory.choicesOf(message);
        String text = SmsSegments.plain(Markup.plain(message.text()).strip());
        String block = choices.isEmpty() ? null : SmsSegments.plain(numbered(choices));
        String whole = block == null ? text : text + "\n\n" + block;
        if (SmsSegments.count(whole) <= SmsSegments.MAX_SEGMENTS) {
            return List.of(whole);
        }
        List<String> parts = new ArrayList<>(split(text));
        if (block == null) {
            return parts;
        }
        // the choices travel whole, with the last part of the text when they fit beside it
        String last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (last != null && SmsSegments.count(last + "\n\n" + block) <= SmsSegments.MAX_SEGMENTS) {
            parts.set(parts.size() - 1, last + "\n\n" + block);
        } else {
            parts.addAll(split(block));
        }
        return parts;
    }

    static String numbered(List<Choice> choices) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            lines.append(i + 1).append(' ').append(choices.get(i).title()).append('\n');
        }
        return lines.append(PICK_HINT).toString();
    }

    /** Whole lines per SMS while they fit; a single line too long for one is cut into pieces that do. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String candidate = current.isEmpty() ? line : current + "\n" + line;
            if (SmsSegments.count(candidate) <= SmsSegments.MAX_SEGMENTS) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            flush(current, out);
            current.append(line);
            while (SmsSegments.count(current.toString()) > SmsSegments.MAX_SEGMENTS) {
                int fit = longestFittingPrefix(current.toString());
                out.add(current.substring(0, fit));
                current.delete(0, fit);
            }
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String body = current.toString().strip();
        if (!body.isEmpty()) {
            out.add(body);
        }
        current.setLength(0);
    }

    private static int longestFittingPrefix(String s) {
        int low = 1;
        int high = s.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (SmsSegments.count(s.substring(0, mid)) <= SmsSegments.MAX_SEGMENTS) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low < s.length() && Character.isHighSurrogate(s.charAt(low - 1))) {
            low--;
        }
        return low;
    }
}
