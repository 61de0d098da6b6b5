package io.tiffin.intake.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/** How many messages wait in the partitions' queues or are being handled, whoever queued them. */
@Component
class IntakeBacklog implements ChannelInterceptor {

    private final AtomicInteger inHand = new AtomicInteger();

    int inHand() {
        return inHand.get();
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        if (sent && ex == null) {
            inHand.incrementAndGet();
        }
    }

    void handled() {
        inHand.decrementAndGet();
    }
}
