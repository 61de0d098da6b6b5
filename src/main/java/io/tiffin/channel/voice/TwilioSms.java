package io.tiffin.channel.voice;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends an SMS through Twilio's REST API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, basic auth): the order number after a phone order, and updates for callers who have
 * hung up. A failed SMS is logged; the call itself already said everything.
 */
@Component
class TwilioSms {

    private static final Logger log = LoggerFactory.getLogger(TwilioSms.class);

    private final TwilioVoiceProperties properties;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TwilioSms(TwilioVoiceProperties properties) {
        this.properties = properties;
    }

    boolean send(String from, String to, String body) {
        if (properties.accountSid() == null || properties.authToken() == null || from == null || to == null) {
            log.info("SMS to {} not sent: Twilio account or merchant number not set", to);
            return false;
        }
        String form = "To=" + encode(to) + "&From=" + encode(from) + "&Body=" + encode(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.apiUrl() + "/2010-04-01/Accounts/"
                        + encode(properties.accountSid()) + "/Messages.json"))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((properties.accountSid() + ":" + properties.authToken())
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn("SMS to {} refused by Twilio: {} {}", to, response.statusCode(), response.body());
                return false;
            }
            return true;
        } catch (java.io.IOException e) {
            log.warn("SMS to {} failed: {}", to, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
