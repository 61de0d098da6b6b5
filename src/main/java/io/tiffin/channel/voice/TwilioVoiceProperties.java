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
 * @param languages the language calls to a merchant's own number start in, where it is not
 *     {@code language}: keyed by the number's digits ({@code 914045678900: hi-IN})
 */
@ConfigurationProperties("tiffin.twilio")
public record TwilioVoiceProperties(
        String accountSid,
        String authToken,
        String apiUrl,
        Duration replyWait,
        String language,
        Double minConfidence,
        String hindiVoice,
        java.util.Map<String, String> languages) {

    public TwilioVoiceProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl.replaceAll("/+$", "");
        replyWait = replyWait == null ? Duration.ofSeconds(8) : replyWait;
        language = language == null || language.isBlank() ? "en-IN" : language;
        minConfidence = minConfidence == null ? 0.6 : minConfidence;
        hindiVoice = hindiVoice == null || hindiVoice.isBlank() ? "Polly.Aditi" : hindiVoice;
        java.util.Map<String, String> byDigits = new java.util.HashMap<>();
        if (languages != null) {
            languages.forEach((number, tag) -> {
                if (tag != null && !tag.isBlank()) {
                    byDigits.put(number.replaceAll("\\D", ""), tag.strip());
                }
            });
        }
        languages = java.util.Map.copyOf(byDigits);
    }

    /** The language a call to this merchant number starts in. */
    public String languageFor(String merchantNumber) {
        return merchantNumber == null
                ? language
                : languages.getOrDefault(merchantNumber.replaceAll("\\D", ""), language);
    }
}
