package io.tiffin.channel;

/** Media that will not be downloaded, however often it is asked for. */
public class MediaRefusedException extends RuntimeException {

    public enum Reason {
        TOO_LARGE,
        HOST_NOT_ALLOWED,
        NOT_SUPPORTED
    }

    private final Reason reason;

    public MediaRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
