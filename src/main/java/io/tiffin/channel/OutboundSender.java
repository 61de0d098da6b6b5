package io.tiffin.channel;

/** Sends a message on the customer's own channel, shaped to that provider's capabilities. */
public interface OutboundSender {

    void send(OutboundMessage message);
}
