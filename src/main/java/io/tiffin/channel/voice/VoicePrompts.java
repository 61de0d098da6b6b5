package io.tiffin.channel.voice;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a call says in its own words ({@code voice_call.*} in {@code flows/templates}), in the call's
 * language, and which language that is: Hindi ({@code hi-IN}) as soon as the conversation answers in
 * Devanagari, the configured language until then.
 */
@Component
class VoicePrompts {

    static final String HINDI = "hi-IN";

    private final Templates templates;
    private final TwilioVoiceProperties properties;

    VoicePrompts(Templates templates, TwilioVoiceProperties properties) {
        this.templates = templates;
        this.properties = properties;
    }

    String say(String callLanguage, String key, Map<String, ?> model) {
        return templates.render(templateLanguage(callLanguage), "voice_call." + key, model);
    }

    String say(String callLanguage, String key) {
        return say(callLanguage, key, Map.of());
    }

    /** The language the replies are in: Hindi when any is in Devanagari, else English. */
    String languageOf(List<OutboundMessage> replies, String current) {
        if (replies.stream().anyMatch(r -> devanagari(r.text()))) {
            return HINDI;
        }
        if (replies.stream().anyMatch(r -> r.text().codePoints().anyMatch(Character::isLetter))) {
            return english();
        }
        return current;
    }

    /** The English Twilio speaks and hears here: the configured one, or Indian English when Hindi is configured. */
    String english() {
        return properties.language().toLowerCase(Locale.ROOT).startsWith("en") ? properties.language() : "en-IN";
    }

    /** The voice for a language: Twilio's default voices speak no Hindi. */
    String voice(String callLanguage) {
        return callLanguage.toLowerCase(Locale.ROOT).startsWith("hi") ? properties.hindiVoice() : null;
    }

    /** "hi-IN" reads {@code hi.yml}; "en-IN" and "en-US" read {@code en.yml}. */
    static String templateLanguage(String callLanguage) {
        int region = callLanguage.indexOf('-');
        return (region > 0 ? callLanguage.substring(0, region) : callLanguage).toLowerCase(Locale.ROOT);
    }

    static boolean devanagari(String text) {
        return text != null
                && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI);
    }
}
