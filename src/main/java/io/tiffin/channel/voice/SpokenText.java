package io.tiffin.channel.voice;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat reply made fit to be read aloud in the call's language: no emphasis marks or emoji,
 * "₹908.00" as "908 rupees" ("908 रुपये"), "2 × Butter Chicken" as "2 Butter Chicken", an order number
 * digit by digit, and the reply's choices as what to say or press.
 */
final class SpokenText {

    private static final Pattern ORDER_NUMBER = Pattern.compile("#([0-9A-Za-z]+)");
    private static final Pattern RUPEES = Pattern.compile("₹\\s?([0-9,]+)(?:\\.([0-9]{2}))?");

    private SpokenText() {}

    static String of(OutboundMessage message, VoicePrompts prompts, String language) {
        StringBuilder said = new StringBuilder(plain(message.text(), prompts, language));
        List<OutboundMessage.Choice> choices = message.buttons();
        for (int i = 0; i < choices.size() && i < 9; i++) {
            String key = i == 0 ? "choice_first" : i == 1 ? "choice_second" : "choice_other";
            said.append(' ')
                    .append(prompts.say(
                            language,
                            key,
                            Map.of("title", plain(choices.get(i).title(), prompts, language), "key", i + 1)));
        }
        return said.toString().strip();
    }

    static String plain(String text, VoicePrompts prompts, String language) {
        String s = text.replace("*", "").replace("_", " ").replace("×", "").replace("•", "");
        Matcher rupees = RUPEES.matcher(s);
        StringBuilder out = new StringBuilder();
        while (rupees.find()) {
            String amount = rupees.group(1).replace(",", "");
            String paise = rupees.group(2);
            rupees.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            paise == null || paise.equals("00")
                                    ? prompts.say(language, "rupees", Map.of("amount", amount))
                                    : prompts.say(language, "rupees_paise", Map.of("amount", amount, "paise", paise))));
        }
        rupees.appendTail(out);
        Matcher number = ORDER_NUMBER.matcher(out.toString());
        StringBuilder digits = new StringBuilder();
        String word = prompts.say(language, "number");
        while (number.find()) {
            number.appendReplacement(
                    digits,
                    Matcher.quoteReplacement(
                            word + " " + String.join(" ", number.group(1).split(""))));
        }
        number.appendTail(digits);
        // emoji and other symbols are not read well by any voice
        return digits.toString()
                .replaceAll("[\\p{So}\\p{Cn}\\x{FE0F}\\x{200D}]", "")
                .replaceAll("\\s*\\n+\\s*", ". ")
                .replaceAll("([.।])\\s*\\.", "$1")
                .replaceAll("[ \\t]+", " ")
                .strip();
    }

    /** The reply as an SMS: the chat's emphasis marks and emoji dropped, "#1001" and "₹908.00" kept. */
    static String forSms(String text) {
        return text.replace("*", "")
                .replaceAll("[\\p{So}\\p{Cn}\\x{FE0F}\\x{200D}]", "")
                .replaceAll("[ \\t]+", " ")
                .strip();
    }

    /** The order number of a "placed" reply, for the SMS that confirms it; null when there is none. */
    static String orderNumber(String text) {
        Matcher m = ORDER_NUMBER.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
