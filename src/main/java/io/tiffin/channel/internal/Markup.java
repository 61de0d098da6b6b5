package io.tiffin.channel.internal;

import java.util.regex.Pattern;

/**
 * The dialog's templates mark emphasis the WhatsApp way ({@code *bold*}). Channels without markup
 * (SMS, Instagram) show the words plain; Telegram turns them into its own HTML.
 */
public final class Markup {

    private static final Pattern BOLD = Pattern.compile("\\*([^*\\n]+)\\*");

    private Markup() {}

    public static String plain(String text) {
        return BOLD.matcher(text).replaceAll("$1");
    }

    /** Telegram's HTML parse mode: the text escaped, then {@code *bold*} as {@code <b>bold</b>}. */
    public static String telegramHtml(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BOLD.matcher(escaped).replaceAll("<b>$1</b>");
    }
}
