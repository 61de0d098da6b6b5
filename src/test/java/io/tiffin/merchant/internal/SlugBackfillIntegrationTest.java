package io.tiffin.merchant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.merchant.Merchant;
import io.tiffin.support.IntegrationTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** A merchant stored before slugs existed gets one at start, and keeps it from then on. */
class SlugBackfillIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private SlugBackfill backfill;

    @Test
    void anOlderMerchantGetsASlugOnceAndKeepsIt() {
        TestMerchant merchant = newMerchant("Stored Before Slugs");
        Query byId = Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(merchant.id())));
        mongo.updateFirst(byId, new Update().unset("slug"), Merchant.class);
        assertThat(mongo.findOne(byId, Document.class, "merchants").get("slug")).isNull();

        backfill.run(new DefaultApplicationArguments());
        String slug = mongo.findOne(byId, Merchant.class).slug();
        assertThat(slug).matches("[A-Za-z0-9_-]{20}");

        backfill.run(new DefaultApplicationArguments());
        assertThat(mongo.findOne(byId, Merchant.class).slug()).isEqualTo(slug);
        // and, as merchants stored before the setting existed, its web chat is off
        assertThat(mongo.findOne(byId, Merchant.class).webChat().enabled()).isFalse();
    }
}
