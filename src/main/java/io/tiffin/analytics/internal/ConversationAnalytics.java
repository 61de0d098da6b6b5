package io.tiffin.analytics.internal;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.stereotype.Component;

/** Every report of a conversation brings its fact and its day up to date. */
@Component
class ConversationAnalytics implements DurableEventHandler<ConversationUpdated> {

    private final ConversationRollups rollups;

    ConversationAnalytics(ConversationRollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public String name() {
        return "analytics.conversation-rollups";
    }

    @Override
    public Class<ConversationUpdated> eventType() {
        return ConversationUpdated.class;
    }

    @Override
    public void handle(ConversationUpdated event) {
        rollups.record(event);
    }
}
