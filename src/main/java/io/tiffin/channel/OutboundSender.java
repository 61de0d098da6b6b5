package io.tiffin.channel;

/** Sends a message on the customer's own channel, shaped to that provider's capabilities. */
public interface OutboundSender {

    void send(OutboundMessage message);

    /**
     * Sends an update the customer did not just ask for: where the provider refuses free-form text
     * outside its service window, the template is sent instead.
     *
     * @throws NotDeliverableException when neither the message nor a template can be delivered
     */
    default void send(OutboundMessage message, TemplateFallback fallback) {
        send(message);
    }
}
