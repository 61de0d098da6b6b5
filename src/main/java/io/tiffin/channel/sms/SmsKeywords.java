package io.tiffin.channel.sms;

import java.util.Locale;
import java.util.Set;

/**
 * Twilio's standard opt-out, opt-in and help keywords: a text that is exactly one of them (any
 * case). Twilio applies the same list on its side, so honouring the same words keeps both in step: a
 * number Twilio treats as stopped is one we never try to message.
 */
enum SmsKeywords {
    STOP,
    START,
    HELP,
    NONE;

    private static final Set<String> STOP_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    private static final Set<String> START_WORDS = Set.of("START", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    static SmsKeywords of(String body) {
        if (body == null) {
            return NONE;
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            return STOP;
        }
        if (START_WORDS.contains(word)) {
            return START;
        }
        return HELP_WORDS.contains(word) ? HELP : NONE;
    }
}
