package io.tiffin.channel.voice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accountSid the Twilio account that sends the order-number SMS
 * @param authToken signs Twilio's webhooks and authenticates REST calls; without it every call is refused
 * @param apiUrl Twilio's REST API ({@code TWILIO_API_URL})
 * @param replyWait how long a call waits for the conversation's answer before saying "one moment"
 * @param language the language a call starts in, spoken and listened for ({@code en-IN}; {@code hi-IN}
 *     greets in Hindi); a call then follows the language the conversation answers in
 * @param minConfidence speech Twilio heard with less confidence than this is repeated back and confirmed
 *     before anything is done with it
 * @param hindiVoice the voice that reads Hindi ({@code <Say voice>}): Twilio's default voices speak none
 */
@ConfigurationProperties("tiffin.twilio")
public record TwilioVoiceProperties(String accountSid, String authToken, String apiUrl, Duration replyWait,
        String language, Double minConfidence, String hindiVoice) {

    public TwilioVoiceProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl.replaceAll("/+$", "");
        replyWait = replyWait == null ? Duration.ofSeconds(8) : replyWait;
        language = language == null || language.isBlank() ? "en-IN" : language;
        minConfidence = minConfidence == null ? 0.6 : minConfidence;
        hindiVoice = hindiVoice == null || hindiVoice.isBlank() ? "Polly.Aditi" : hindiVoice;
    }
}
