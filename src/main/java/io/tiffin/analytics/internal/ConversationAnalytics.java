package io.tiffin.analytics.internal;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.platform.events.BatchEventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every report of a conversation brings its fact and its day up to date; the reports of one relay pass
 * together, so a day's reports share their writes.
 */
@Component
class ConversationAnalytics implements BatchEventHandler<ConversationUpdated> {

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

    @Override
    public void handleAll(List<ConversationUpdated> events) {
        rollups.recordAll(events);
    }
}
