package io.tiffin.channel.sms;

import java.util.Map;

/**
 * How many SMS segments a text costs. A text in the GSM 03.38 alphabet packs 160 septets into one
 * SMS (153 per part when concatenated, the extension characters counting twice); one character
 * outside it makes the whole text UCS-2, 70 code units (67 per part). Typographic characters the
 * templates use are swapped for GSM ones first, so an English cart does not pay the UCS-2 price.
 */
final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("₹", "Rs."),
            Map.entry("×", "x"),
            Map.entry("…", "..."),
            Map.entry("–", "-"),
            Map.entry("—", "-"),
            Map.entry("‘", "'"),
            Map.entry("’", "'"),
            Map.entry("“", "\""),
            Map.entry("”", "\""),
            Map.entry("•", "-"),
            Map.entry("·", "-"),
            Map.entry("\u00a0", " "),
            Map.entry("\t", " "));

    static final int MAX_SEGMENTS = 3;

    private SmsSegments() {}

    /** The text with typographic characters made plain and pictographs (emoji) dropped. */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            String swap = PLAIN.get(ch);
            if (swap != null) {
                out.append(swap);
            } else if (!isPictograph(cp)) {
                out.append(ch);
            }
        });
        // dropping an emoji can leave "  " or a leading space on a line
        return out.toString().replaceAll("[ ]{2,}", " ").replaceAll("(?m)^ ", "");
    }

    static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Segments the text costs as one (possibly concatenated) SMS. */
    static int count(String text) {
        if (isGsm(text)) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return parts(text, septets, 160, 153, true);
        }
        return parts(text, text.length(), 70, 67, false);
    }

    /** Counted part by part, because an escape pair or a surrogate pair is never split between parts. */
    private static int parts(String text, int units, int single, int perPart, boolean gsm) {
        if (units <= single) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cost = gsm
                    ? (GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1)
                    : (Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1);
            if (used + cost > perPart) {
                parts++;
                used = 0;
            }
            used += cost;
            if (!gsm && cost == 2) {
                i++;
            }
        }
        return parts;
    }

    private static boolean isPictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F || cp == 0x200D;
    }
}
