package io.tiffin.channel.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The choices last offered to a customer on a channel that cannot carry them back by itself: an SMS
 * reply is only "1", and Telegram's callback data holds 64 bytes, less than some choice ids. One
 * document per conversation, replaced by each message with choices; old choices expire, so "2"
 * typed a day later is read as text.
 */
@Component
public class ChoiceMemory {

    static final String COLLECTION = "channel_choices";
    private static final Duration TTL = Duration.ofHours(24);

    private final MongoTemplate mongo;
    private final Clock clock;

    ChoiceMemory(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Every choice of the message, buttons then list rows, in the order a customer sees them. */
    public static List<Choice> choicesOf(OutboundMessage message) {
        List<Choice> all = new ArrayList<>(message.buttons());
        if (message.list() != null && message.list().sections() != null) {
            message.list().sections().forEach(s -> {
                if (s.rows() != null) {
                    all.addAll(s.rows());
                }
            });
        }
        return all;
    }

    public void remember(Channel channel, String merchantId, String customerId, List<Choice> choices) {
        List<Document> rows = choices.stream()
                .map(c -> new Document("id", c.id()).append("title", c.title()))
                .toList();
        mongo.upsert(
                Query.query(Criteria.where("_id").is(key(channel, merchantId, customerId))),
                new Update().set("choices", rows).set("at", clock.instant()),
                COLLECTION);
    }

    /** The {@code number}th (from 1) choice last offered, if it is still fresh. */
    public Optional<Choice> pick(Channel channel, String merchantId, String customerId, int number) {
        Document found = mongo.findById(key(channel, merchantId, customerId), Document.class, COLLECTION);
        if (found == null || number < 1) {
            return Optional.empty();
        }
        Object at = found.get("at");
        Instant offered = at instanceof java.util.Date d ? d.toInstant() : at instanceof Instant i ? i : null;
        if (offered == null || offered.plus(TTL).isBefore(clock.instant())) {
            return Optional.empty();
        }
        List<Document> rows = found.getList("choices", Document.class);
        if (rows == null || number > rows.size()) {
            return Optional.empty();
        }
        Document row = rows.get(number - 1);
        return Optional.of(new Choice(row.getString("id"), row.getString("title")));
    }

    private static String key(Channel channel, String merchantId, String customerId) {
        return channel + ":" + merchantId + ":" + customerId;
    }
}
