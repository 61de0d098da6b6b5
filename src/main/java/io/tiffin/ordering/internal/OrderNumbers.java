package io.tiffin.ordering.internal;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Short, per-merchant order numbers a customer can read out on the phone: 1001, 1002, ... */
@Component
class OrderNumbers {

    private final MongoTemplate mongo;

    OrderNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String next(String merchantId) {
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is("order-number:" + merchantId)),
                new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                "counters");
        return Long.toString(1000 + ((Number) counter.get("value")).longValue());
    }
}
