package io.tiffin.channel.telegram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A Bot API call that failed. Its message never holds the request URL, which carries the bot token.
 */
final class TelegramApiException extends RuntimeException {

    private final int httpStatus;

    TelegramApiException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    static TelegramApiException from(int httpStatus, byte[] body, ObjectMapper json) {
        String description = null;
        try {
            JsonNode answer = json.readTree(body);
            description =
                    answer.hasNonNull("description") ? answer.get("description").asString() : null;
        } catch (RuntimeException notJson) {
            // a proxy's error page: the status alone decides
        }
        return new TelegramApiException(httpStatus, description == null ? "HTTP " + httpStatus : description);
    }

    /** The network failed; the cause is dropped because its message names the URL. */
    static TelegramApiException unreachable(RuntimeException cause) {
        return new TelegramApiException(
                -1, "Bot API unreachable (" + cause.getClass().getSimpleName() + ")");
    }

    int httpStatus() {
        return httpStatus;
    }

    boolean retryable() {
        return httpStatus < 0 || httpStatus >= 500 || httpStatus == 429;
    }

    /** The token is wrong or revoked: Telegram answers 401 or 404 for every call with it. */
    boolean badToken() {
        return httpStatus == 401 || httpStatus == 404;
    }
}
