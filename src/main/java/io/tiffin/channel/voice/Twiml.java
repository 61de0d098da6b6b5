package io.tiffin.channel.voice;

import java.util.List;

/**
 * The few TwiML verbs a call uses, written with XML escaping so menu names cannot break the document.
 * Every {@code <Say>} and {@code <Gather>} carries the call's language (and a voice that speaks it,
 * where Twilio's default voice does not).
 */
final class Twiml {

    static final String GATHER_PATH = "/webhooks/twilio/voice/gather";
    static final String SILENCE_PATH = "/webhooks/twilio/voice/silence";

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
    private final String language;
    private final String voice;

    Twiml(String language, String voice) {
        this.language = language;
        this.voice = voice;
    }

    Twiml(String language) {
        this(language, null);
    }

    /** Says the text, then listens for speech or a key; saying nothing goes to the silence handler. */
    Twiml ask(String text, List<String> hints) {
        xml.append("<Gather input=\"speech dtmf\" action=\"")
                .append(GATHER_PATH)
                .append("\" method=\"POST\" numDigits=\"1\" timeout=\"6\" speechTimeout=\"auto\" language=\"")
                .append(escape(language))
                .append('"');
        if (!hints.isEmpty()) {
            xml.append(" hints=\"").append(escape(String.join(", ", hints))).append('"');
        }
        xml.append('>');
        say(text);
        xml.append("</Gather><Redirect method=\"POST\">").append(SILENCE_PATH).append("</Redirect>");
        return this;
    }

    Twiml say(String text) {
        xml.append("<Say language=\"").append(escape(language)).append('"');
        if (voice != null) {
            xml.append(" voice=\"").append(escape(voice)).append('"');
        }
        xml.append('>').append(escape(text)).append("</Say>");
        return this;
    }

    Twiml hangup() {
        xml.append("<Hangup/>");
        return this;
    }

    String xml() {
        return xml + "</Response>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
