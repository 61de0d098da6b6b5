package io.tiffin.channel.internal;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A Graph API answer other than 2xx (WhatsApp, Instagram), with Meta's {@code error.code} when the body had one. */
public final class GraphApiException extends RuntimeException {

    /** Meta's throttling codes: "rate limit hit" and "pair rate limit hit". Waiting helps with these. */
    public static final Set<String> RATE_LIMIT_CODES = Set.of("130429", "131056");

    private final int httpStatus;
    private final String code;

    public GraphApiException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public static GraphApiException from(int httpStatus, byte[] body, ObjectMapper json) {
        String code = null;
        String message = null;
        try {
            JsonNode error = json.readTree(body).path("error");
            code = text(error.get("code"));
            message = text(error.get("message"));
            String details = text(error.path("error_data").get("details"));
            if (details != null && !details.equals(message)) {
                message = message == null ? details : message + " (" + details + ")";
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page, say; the status alone decides
        }
        return new GraphApiException(httpStatus, code, message == null ? "HTTP " + httpStatus : message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    /** Server trouble and throttling pass; any other client error repeats itself on every attempt. */
    public boolean retryable() {
        return httpStatus >= 500 || httpStatus == 429 || RATE_LIMIT_CODES.contains(code);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainer() ? null : node.asString();
    }
}
