package io.tiffin.channel;

/**
 * The provider will not deliver this message now and retrying cannot change that: the customer's
 * service window has closed (WhatsApp {@code 131047}) and there is no approved template to send
 * instead. Callers record it where the merchant sees it rather than retry.
 */
public class NotDeliverableException extends OutboundDeliveryException {

    public NotDeliverableException(Channel channel, String providerCode, String message) {
        super(channel, providerCode, message, null);
    }
}
