package io.tiffin.intake.internal;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.platform.store.StoreDurability;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/** Stores what webhooks accept, makes it durable, and only then queues it for processing. */
@Service
class InboxService implements InboundSink {

    static final String CONVERSATION_KEY = "conversationKey";
    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final Inbox inbox;
    private final StoreDurability durability;
    private final MessageChannel inboxChannel;
    private final IntakeProperties properties;

    InboxService(Inbox inbox, StoreDurability durability, @Qualifier("inboxChannel") MessageChannel inboxChannel,
            IntakeProperties properties) {
        this.inbox = inbox;
        this.durability = durability;
        this.inboxChannel = inboxChannel;
        this.properties = properties;
    }

    @Override
    public int accept(List<InboundMessage> messages) {
        List<InboxEntry> stored = new ArrayList<>(messages.size());
        for (InboundMessage message : messages) {
            inbox.insert(message).ifPresent(stored::add);
        }
        if (stored.isEmpty()) {
            return 0;
        }
        durability.flush();
        if (properties.enabled()) {
            stored.forEach(this::dispatch);
        }
        return stored.size();
    }

    void dispatch(InboxEntry entry) {
        try {
            inboxChannel.send(MessageBuilder.withPayload(entry.id()).setHeader(CONVERSATION_KEY, entry.conversationKey()).build());
        } catch (MessageDeliveryException full) {
            // stored already: the recovery sweep hands it over once the partition has room
            log.debug("Partition queue full; inbox entry {} waits for the sweep", entry.id());
        }
    }
}
