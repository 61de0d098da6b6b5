package io.tiffin.channel.voice;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat reply made fit to be read aloud: no emphasis marks or emoji, "₹908.00" as "908 rupees",
 * "2 × Butter Chicken" as "2 Butter Chicken", an order number digit by digit, and the reply's
 * choices as what to say or press.
 */
final class SpokenText {

    private static final Pattern ORDER_NUMBER = Pattern.compile("#([0-9A-Za-z]+)");
    private static final Pattern RUPEES = Pattern.compile("₹\\s?([0-9,]+)(?:\\.([0-9]{2}))?");

    private SpokenText() {
    }

    static String of(OutboundMessage message) {
        StringBuilder said = new StringBuilder(plain(message.text()));
        List<OutboundMessage.Choice> choices = message.buttons();
        for (int i = 0; i < choices.size() && i < 9; i++) {
            String answer = i == 0 ? "say yes or press 1" : i == 1 ? "say no or press 2" : "press " + (i + 1);
            said.append(' ').append(capitalize(answer)).append(" for ").append(plain(choices.get(i).title())).append('.');
        }
        return said.toString().strip();
    }

    static String plain(String text) {
        String s = text.replace("*", "").replace("_", " ").replace("×", "").replace("•", "");
        Matcher rupees = RUPEES.matcher(s);
        StringBuilder out = new StringBuilder();
        while (rupees.find()) {
            String paise = rupees.group(2);
            rupees.appendReplacement(out, Matcher.quoteReplacement(rupees.group(1).replace(",", "") + " rupees"
                    + (paise == null || paise.equals("00") ? "" : " " + paise + " paise")));
        }
        rupees.appendTail(out);
        Matcher number = ORDER_NUMBER.matcher(out.toString());
        StringBuilder digits = new StringBuilder();
        while (number.find()) {
            number.appendReplacement(digits, Matcher.quoteReplacement("number " + String.join(" ", number.group(1).split(""))));
        }
        number.appendTail(digits);
        // emoji and other symbols are not read well by any voice
        return digits.toString().replaceAll("[\\p{So}\\p{Cn}\\x{FE0F}\\x{200D}]", "").replaceAll("\\s*\\n+\\s*", ". ")
                .replaceAll("\\.\\s*\\.", ".").replaceAll("[ \\t]+", " ").strip();
    }

    /** The reply as an SMS: the chat's emphasis marks and emoji dropped, "#1001" and "₹908.00" kept. */
    static String forSms(String text) {
        return text.replace("*", "").replaceAll("[\\p{So}\\p{Cn}\\x{FE0F}\\x{200D}]", "").replaceAll("[ \\t]+", " ").strip();
    }

    /** The order number of a "placed" reply, for the SMS that confirms it; null when there is none. */
    static String orderNumber(String text) {
        Matcher m = ORDER_NUMBER.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
