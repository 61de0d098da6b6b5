package io.tiffin.channel.whatsapp;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A Graph API answer other than 2xx, with Meta's {@code error.code} when the body had one. */
final class GraphApiException extends RuntimeException {

    /** Meta's throttling codes: "rate limit hit" and "pair rate limit hit". Waiting helps with these. */
    static final Set<String> RATE_LIMIT_CODES = Set.of("130429", "131056");

    private final int httpStatus;
    private final String code;

    GraphApiException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static GraphApiException from(int httpStatus, byte[] body, ObjectMapper json) {
        String code = null;
        String message = null;
        try {
            JsonNode error = json.readTree(body).path("error");
            code = WhatsAppMapper.text(error.get("code"));
            message = WhatsAppMapper.text(error.get("message"));
            String details = WhatsAppMapper.text(error.path("error_data").get("details"));
            if (details != null && !details.equals(message)) {
                message = message == null ? details : message + " (" + details + ")";
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page, say; the status alone decides
        }
        return new GraphApiException(httpStatus, code, message == null ? "HTTP " + httpStatus : message);
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }

    /** Server trouble and throttling pass; any other client error repeats itself on every attempt. */
    boolean retryable() {
        return httpStatus >= 500 || httpStatus == 429 || RATE_LIMIT_CODES.contains(code);
    }
}
