package io.tiffin.channel.sms;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Numbers that texted STOP to a merchant's number, until they text START. Kept per merchant: STOP
 * to one shop's number says nothing about another's. Stored, not cached, so every instance agrees.
 */
@Component
class SmsOptOuts {

    static final String COLLECTION = "sms_opt_outs";

    private final MongoTemplate mongo;
    private final Clock clock;

    SmsOptOuts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void stop(String merchantId, String number) {
        mongo.upsert(
                byKey(merchantId, number),
                new Update().set("merchantId", merchantId).set("number", number).set("at", clock.instant()),
                COLLECTION);
    }

    void start(String merchantId, String number) {
        mongo.remove(byKey(merchantId, number), COLLECTION);
    }

    boolean stopped(String merchantId, String number) {
        return mongo.exists(byKey(merchantId, number), COLLECTION);
    }

    private static Query byKey(String merchantId, String number) {
        return Query.query(Criteria.where("_id").is(merchantId + ":" + number));
    }
}
