package io.tiffin.speech;

/** The audio cannot be used, whatever engine tries: telling the customer beats retrying. */
public class BadAudioException extends RuntimeException {

    public enum Reason {
        EMPTY,
        CORRUPT,
        TOO_LONG,
        TOO_LARGE,
        UNSUPPORTED_FORMAT
    }

    private final Reason reason;

    public BadAudioException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BadAudioException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
