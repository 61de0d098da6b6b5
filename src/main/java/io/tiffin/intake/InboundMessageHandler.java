package io.tiffin.intake;

import io.tiffin.channel.InboundMessage;

/**
 * What intake hands each stored message to, one at a time per conversation. Throwing means "try again
 * later"; handlers must tolerate seeing a message again after a crash (at-least-once).
 */
public interface InboundMessageHandler {

    void handle(InboundMessage message);
}
