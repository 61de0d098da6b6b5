package io.tiffin.channel;

import java.util.List;

/**
 * Where webhooks hand canonical messages. Implementations store them durably before returning, so a
 * webhook may answer 200 once this returns; a message seen before is ignored.
 */
public interface InboundSink {

    /** @return how many of the messages were new */
    int accept(List<InboundMessage> messages);
}
