package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An order typed as a list, read as the same order said in a line: the numbers of a numbered list
 * ("1) a large latte 2) a small americano", "1. dark roast\n2. caramel latte") are no counts, and
 * a count typed after what it counts behind a dash or a colon ("lattes - 2, americano - 1",
 * "americanos: 2") is the count sign {@code times.txt} reads. Only the marks of the list are
 * rewritten, on the text as typed, before any word is read: digits and punctuation, no language.
 * A list typed one entry a line, numbered or bulleted, is read entry by entry: each entry is an
 * order of its own, so a pick said last in one ("dark roast coffee, large") never waits for the
 * dish of the next ("caramel latte, small").
 */
final class ListedOrders {

    /** "1)", "2." standing alone: at the start or after a space, and followed by a space or the end. */
    private static final Pattern NUMBERED = Pattern.compile("(?<![\\p{L}\\p{N}.,])(\\d{1,2})[.)](?=\\s|$)");

    /**
     * A count behind a dash or colon right after a word, closing its part of the message: "fries -
     * 2", "americanos: 2\n", "bbq chicken pizza - 2, pepsi - 1".
     */
    private static final Pattern DASHED_COUNT = Pattern.compile(
            "(?<=[\\p{L})])[ \\t]*(?:-|\u2013|\u2014|:)[ \\t]*(\\d{1,2})(?=[ \\t]*(?:$|[,;\\n+&)]|and\\b|[^\\p{L}\\p{N}\\s]))",
            Pattern.MULTILINE);

    /** A line opening with a bullet ("- ", "* ", "• ") or a list number ("1) ", "2. "). */
    private static final Pattern ENTRY = Pattern.compile("^\\s*(?:[-*\u2022\u00b7\u2013]+|\\d{1,2}[.)])\\s+(\\S.*)$");

    private ListedOrders() {}

    /**
     * The order of a list typed one entry a line: each entry read by {@code reading}, the lines of
     * all put together. Anything else, or an entry that orders nothing, is read whole.
     */
    static ParseResult read(String said, String utterance, Function<String, ParseResult> reading) {
        List<String> entries = entries(said);
        if (entries.size() < 2) {
            return reading.apply(utterance);
        }
        List<ParseResult.Line> lines = new ArrayList<>();
        List<ParseResult.Unresolved> unresolved = new ArrayList<>();
        double confidence = 1.0;
        for (String entry : entries) {
            ParseResult one = reading.apply(plain(entry));
            if (one.intent() != Intent.ORDER) {
                return reading.apply(utterance);
            }
            lines.addAll(one.lines());
            unresolved.addAll(one.unresolved());
            confidence = Math.min(confidence, one.confidence());
        }
        return new ParseResult(Intent.ORDER, lines, unresolved, confidence);
    }

    /** The entries of a list typed one a line, each without its mark; empty for any other message. */
    static List<String> entries(String said) {
        if (said == null || said.indexOf('\n') < 0) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        int number = 0;
        for (String line : said.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                return List.of();
            }
            String mark = line.strip();
            if (Character.isDigit(mark.charAt(0))) {
                int n = Integer.parseInt(mark.substring(0, mark.charAt(1) == '.' || mark.charAt(1) == ')' ? 1 : 2));
                if (n != ++number) {
                    return List.of();
                }
            }
            entries.add(entry.group(1));
        }
        return entries;
    }

    static String plain(String said) {
        if (said == null || said.isEmpty()) {
            return said;
        }
        // "tacos: 2 steak, 1 chicken": the dish named once goes into each counted part
        return DASHED_COUNT.matcher(withoutNumbering(said)).replaceAll(" x $1");
    }

    /** The text without the numbers of a numbered list: at least two, running 1, 2, 3 ... in order. */
    private static String withoutNumbering(String said) {
        Matcher matcher = NUMBERED.matcher(said);
        List<int[]> marks = new ArrayList<>();
        while (matcher.find()) {
            if (Integer.parseInt(matcher.group(1)) == marks.size() + 1) {
                marks.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (marks.size() < 2) {
            return said;
        }
        StringBuilder out = new StringBuilder(said.length());
        int from = 0;
        for (int[] mark : marks) {
            out.append(said, from, mark[0]);
            // each numbered entry is a part of its own, as a new line is
            out.append(out.isEmpty() ? "" : "\n");
            from = mark[1];
        }
        return out.append(said, from, said.length()).toString();
    }
}
