package io.tiffin.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The intake's Spring Integration flows. {@code inboxChannel} is partitioned by conversation: each
 * partition is one thread with its own queue, so a conversation's messages keep their order while
 * different conversations run side by side.
 */
@Configuration(proxyBeanMethods = false)
class IntakeFlows {

    @Bean
    MessageChannel inboxChannel(IntakeProperties properties, IntakeBacklog backlog) {
        return MessageChannels.partitioned("inboxChannel", properties.partitions())
                .interceptor(backlog)
                .partitionKey(m -> m.getHeaders().get(InboxService.CONVERSATION_KEY))
                .threadFactory(new CustomizableThreadFactory("intake-"))
                // the default hand-off queue would make every webhook wait for a free worker
                .workerQueueSize(properties.queuePerPartition())
                .getObject();
    }

    /**
     * Hands each queued inbox entry to the worker, on its conversation's partition: an id to claim, or an
     * entry the journal's drain claimed as it stored it.
     */
    @Bean
    IntegrationFlow inboxProcessingFlow(InboxWorker worker, IntakeBacklog backlog) {
        return IntegrationFlow.from("inboxChannel")
                .handle(Object.class, (payload, headers) -> {
                    try {
                        if (payload instanceof InboxEntry claimed) {
                            worker.processClaimed(claimed);
                        } else {
                            worker.process((String) payload, headers.get(InboxService.CONVERSATION_KEY, String.class));
                        }
                    } finally {
                        backlog.handled();
                    }
                    return null;
                })
                .get();
    }

    /**
     * Picks up what was stored but is not being worked on: at start, everything accepted before a
     * restart; later, anything whose dispatch was lost or whose worker's lease ran out.
     */
    @Bean
    IntegrationFlow inboxRecoveryFlow(Inbox inbox, IntakeProperties properties, Clock clock) {
        AtomicBoolean started = new AtomicBoolean();
        return IntegrationFlow.fromSupplier(
                        () -> {
                            if (!properties.enabled()) {
                                return null;
                            }
                            // at start everything stored is unattended; later only what waited longer than one sweep
                            Instant now = clock.instant();
                            Instant before =
                                    started.getAndSet(true) ? now.minus(properties.sweepEvery()) : now.plusSeconds(1);
                            List<InboxEntry> entries = inbox.unattended(before, 1000);
                            return entries.isEmpty() ? null : entries;
                        },
                        poller -> poller.poller(
                                Pollers.fixedDelay(properties.sweepEvery()).maxMessagesPerPoll(1)))
                .split()
                .enrichHeaders(h -> h.headerFunction(
                        InboxService.CONVERSATION_KEY, m -> ((InboxEntry) m.getPayload()).conversationKey()))
                .transform(InboxEntry.class, InboxEntry::id)
                .channel("inboxChannel")
                .get();
    }
}
