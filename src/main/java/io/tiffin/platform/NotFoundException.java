package io.tiffin.platform;

/** Answers 404. Also what a caller sees for another tenant's data, so existence never leaks. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
