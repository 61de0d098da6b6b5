package io.tiffin.platform;

/** Answers 409: the request does not fit the resource's current state (reload and decide again). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
