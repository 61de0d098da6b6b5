package io.tiffin.intake.internal;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.platform.store.StoreDurability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Makes what webhooks accept durable before they answer, then queues it for processing. With the
 * journal, durable means forced to the journal on disk and the drain stores and queues it; without,
 * it means stored in the inbox collection.
 */
@Service
class InboxService implements InboundSink {

    static final String CONVERSATION_KEY = "conversationKey";
    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final Inbox inbox;
    private final StoreDurability durability;
    private final MessageChannel inboxChannel;
    private final IntakeProperties properties;
    private final ObjectProvider<InboxJournal> journalProvider;
    private final ObjectProvider<InboxCodec> codecProvider;
    // looked up on first use (the drain depends on this service), then kept: a lookup per webhook is costly
    private volatile Optional<InboxJournal> journal;
    private volatile InboxCodec codec;
    private final Clock clock;

    InboxService(
            Inbox inbox,
            StoreDurability durability,
            @Qualifier("inboxChannel") MessageChannel inboxChannel,
            IntakeProperties properties,
            ObjectProvider<InboxJournal> journal,
            ObjectProvider<InboxCodec> codec,
            Clock clock) {
        this.inbox = inbox;
        this.durability = durability;
        this.inboxChannel = inboxChannel;
        this.properties = properties;
        this.journalProvider = journal;
        this.codecProvider = codec;
        this.clock = clock;
    }

    /** @return how many messages were taken: all of them with the journal, where redeliveries are dropped later */
    @Override
    public int accept(List<InboundMessage> messages) {
        Optional<InboxJournal> journaled = journal();
        if (journaled.isPresent()) {
            Instant now = clock.instant();
            InboxCodec documents = codec();
            journaled
                    .get()
                    .append(messages.stream()
                            .map(message -> documents.encode(message, now))
                            .toList());
            return messages.size();
        }
        List<InboxEntry> stored = new ArrayList<>(messages.size());
        for (InboundMessage message : messages) {
            inbox.insert(message).ifPresent(stored::add);
        }
        if (stored.isEmpty()) {
            return 0;
        }
        durability.flush();
        if (properties.enabled()) {
            stored.forEach(entry -> dispatch(entry.id(), entry.conversationKey()));
        }
        return stored.size();
    }

    private Optional<InboxJournal> journal() {
        Optional<InboxJournal> found = journal;
        if (found == null) {
            found = Optional.ofNullable(journalProvider.getIfAvailable());
            journal = found;
        }
        return found;
    }

    private InboxCodec codec() {
        InboxCodec found = codec;
        if (found == null) {
            found = codecProvider.getObject();
            codec = found;
        }
        return found;
    }

    /**
     * Queues a message claimed as it was stored, with its content, so its handling neither claims nor
     * reads it. A full queue hands the claim back: the sweep then takes it like any message waiting.
     */
    void dispatchClaimed(InboxEntry entry) {
        try {
            inboxChannel.send(MessageBuilder.withPayload(entry)
                    .setHeader(CONVERSATION_KEY, entry.conversationKey())
                    .build());
        } catch (MessageDeliveryException full) {
            log.debug("Partition queue full; inbox entry {} waits for the sweep", entry.id());
            inbox.release(entry.id());
        }
    }

    void dispatch(String entryId, String conversationKey) {
        try {
            inboxChannel.send(MessageBuilder.withPayload(entryId)
                    .setHeader(CONVERSATION_KEY, conversationKey)
                    .build());
        } catch (MessageDeliveryException full) {
            // stored already: the recovery sweep hands it over once the partition has room
            log.debug("Partition queue full; inbox entry {} waits for the sweep", entryId);
        }
    }
}
