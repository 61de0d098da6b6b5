package io.tiffin.speech;

/**
 * No engine could transcribe (none installed, or every one failed or timed out). The customer is
 * asked to type: retrying a hung recognizer would only hold the conversation up.
 */
public class SpeechUnavailableException extends RuntimeException {

    public SpeechUnavailableException(String message) {
        super(message);
    }

    public SpeechUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
