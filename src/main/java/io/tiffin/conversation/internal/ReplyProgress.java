package io.tiffin.conversation.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.tiffin.platform.store.StoreDurability;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records how many of a message's replies have gone out, in place, without touching the rest of the
 * session (or its version): the session was saved with the replies before the first send.
 */
@Component
class ReplyProgress {

    private final MongoTemplate mongo;
    private final StoreDurability durability;

    ReplyProgress(MongoTemplate mongo, StoreDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    /**
     * Durable before the next send: on the embedded store a write reaches the disk within a second,
     * and a crash in that second would send the reply again (and a session not yet on disk would
     * have the message handled anew). Concurrent conversations share one disk write.
     */
    void sent(String sessionId, String messageId, int count) {
        mongo.updateFirst(
                query(where("_id").is(sessionId).and("lastMessageId").is(messageId)),
                new Update().set("lastRepliesSent", count),
                Session.class);
        durability.flush();
    }
}
