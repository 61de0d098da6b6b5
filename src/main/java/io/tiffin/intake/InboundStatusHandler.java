package io.tiffin.intake;

import io.tiffin.channel.InboundMessage;

/**
 * What intake also hands a provider's delivery status to ({@link InboundMessage.Kind#STATUS}): a
 * message of ours that was sent, delivered, read or, later, failed. Same rules as
 * {@link InboundMessageHandler}: throwing means "try again later", and a status may come twice.
 */
public interface InboundStatusHandler {

    void handle(InboundMessage status);
}
