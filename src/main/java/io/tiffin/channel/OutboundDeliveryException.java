package io.tiffin.channel;

/**
 * A provider refused a message or could not be reached after every retry. Carries the provider's own
 * error code (for WhatsApp e.g. {@code 131047}, outside the 24-hour window) when it sent one.
 */
public class OutboundDeliveryException extends RuntimeException {

    private final Channel channel;
    private final String providerCode;

    public OutboundDeliveryException(Channel channel, String providerCode, String message, Throwable cause) {
        super(message, cause);
        this.channel = channel;
        this.providerCode = providerCode;
    }

    public Channel channel() {
        return channel;
    }

    /** The provider's error code, or null when there was none (e.g. the network failed). */
    public String providerCode() {
        return providerCode;
    }
}
