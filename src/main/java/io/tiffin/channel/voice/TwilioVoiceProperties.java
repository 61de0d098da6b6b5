package io.tiffin.channel.voice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accountSid the Twilio account that sends the order-number SMS
 * @param authToken signs Twilio's webhooks and authenticates REST calls; without it every call is refused
 * @param apiUrl Twilio's REST API ({@code TWILIO_API_URL})
 * @param replyWait how long a call waits for the conversation's answer before saying "one moment"
 * @param language the language Twilio listens for and speaks
 */
@ConfigurationProperties("tiffin.twilio")
public record TwilioVoiceProperties(String accountSid, String authToken, String apiUrl, Duration replyWait,
        String language) {

    public TwilioVoiceProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl.replaceAll("/+$", "");
        replyWait = replyWait == null ? Duration.ofSeconds(8) : replyWait;
        language = language == null || language.isBlank() ? "en-IN" : language;
    }
}
