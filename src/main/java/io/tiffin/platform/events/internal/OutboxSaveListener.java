package io.tiffin.platform.events.internal;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Wakes the relay as soon as an aggregate with pending events is saved (on the saving thread, it only
 * queues the document, so a save never waits for a delivery).
 */
@Component
class OutboxSaveListener extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        if (!relay.watches(event.getCollectionName())) {
            return;
        }
        Document document = event.getDocument();
        if (document != null && document.get(Outboxes.FIELD) instanceof List<?> outbox && !outbox.isEmpty()) {
            relay.wake(event.getCollectionName(), document.get("_id"));
        }
    }
}
