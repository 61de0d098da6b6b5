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

    /**
     * As {@link #send(OutboundMessage, TemplateFallback)}, answering the provider's id of what went
     * out, so that a failure the provider reports later (a WhatsApp status webhook) can be traced
     * back to it; null when the provider gives none.
     */
    default String sendTracked(OutboundMessage message, TemplateFallback fallback) {
        send(message, fallback);
        return null;
    }
}
