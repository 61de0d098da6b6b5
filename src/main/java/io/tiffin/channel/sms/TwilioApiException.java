package io.tiffin.channel.sms;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A Twilio REST answer other than 2xx, with Twilio's own error {@code code} when the body had one. */
final class TwilioApiException extends RuntimeException {

    /** "Attempt to send to unsubscribed recipient": Twilio saw the STOP too. */
    static final String UNSUBSCRIBED = "21610";

    private final int httpStatus;
    private final String code;

    TwilioApiException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static TwilioApiException from(int httpStatus, byte[] body, ObjectMapper json) {
        String code = null;
        String message = null;
        try {
            JsonNode error = json.readTree(body);
            code = error.hasNonNull("code") ? error.get("code").asString() : null;
            message = error.hasNonNull("message") ? error.get("message").asString() : null;
        } catch (RuntimeException notJson) {
            // a proxy's error page; the status alone decides
        }
        return new TwilioApiException(httpStatus, code, message == null ? "HTTP " + httpStatus : message);
    }

    String code() {
        return code;
    }

    /** Server trouble and throttling pass; any other refusal repeats itself on every attempt. */
    boolean retryable() {
        return httpStatus >= 500 || httpStatus == 429 || "20429".equals(code);
    }
}
