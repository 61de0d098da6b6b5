package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import io.tiffin.support.IntegrationTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisReadingCacheIntegrationTest extends IntegrationTestSupport {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aReadingComesBackWholeFromRedisAndOnlyForItsKey() {
        RedisReadingCache cache = new RedisReadingCache(redis, json);
        ParseResult reading = new ParseResult(
                Intent.ORDER,
                List.of(new Line(
                        "pizza", 2, List.of(new ChosenOption("toppings", "onions", Qualifier.NO)), "well done")),
                List.of(new Unresolved("chicken", Reason.AMBIGUOUS, List.of("a", "b"))),
                0.8);

        cache.put("m1|3|two pizzas no onions", reading);

        assertThat(cache.get("m1|3|two pizzas no onions")).contains(reading);
        assertThat(cache.get("m1|4|two pizzas no onions")).isEmpty();
    }
}
