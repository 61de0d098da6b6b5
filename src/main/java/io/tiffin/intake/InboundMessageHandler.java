package io.tiffin.intake;

import io.tiffin.channel.InboundMessage;

/**
 * What intake hands each stored message to, one at a time per conversation. Throwing means "try again
 * later"; handlers must tolerate seeing a message again after a crash (at-least-once). Once {@code handle}
 * returns, intake marks the message done durably (committed) before it takes the conversation's next
 * message, so the mark records the handler's last step: a handler need not record that step itself, and
 * a crash before the mark only has the message handled again.
 */
public interface InboundMessageHandler {

    void handle(InboundMessage message);
}
