package io.tiffin.conversation.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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

    ReplyProgress(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void sent(String sessionId, String messageId, int count) {
        mongo.updateFirst(query(where("_id").is(sessionId).and("lastMessageId").is(messageId)),
                new Update().set("lastRepliesSent", count), Session.class);
    }
}
