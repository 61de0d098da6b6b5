package io.tiffin.nlu.internal;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The parser the platform uses: the deterministic reading always, and, only when
 * {@code OLLAMA_BASE_URL} is set and that reading is unsure or incomplete, the local model's
 * validated reading instead when it finds order lines. A model that fails (down, slow, malformed
 * answer) never costs more than one timeout: the deterministic reading stands, and after
 * {@value #FAILURES_TO_OPEN} failures in a row the model is left alone for {@link #OPEN_FOR}.
 * Readings are cached per menu version and message in Redis, shared by every instance.
 */
@Primary
@Component
public class HybridOrderParser implements OrderParser {

    static final int FAILURES_TO_OPEN = 3;
    static final Duration OPEN_FOR = Duration.ofSeconds(30);
    private static final double SURE_ENOUGH = 0.75;
    private static final int SLICE_ITEMS = 12;
    private static final int CACHE_ENTRIES = 2000;

    private final DeterministicOrderParser deterministic;
    private final LlmOrderParser llm;
    private final Clock clock;
    private final ReadingCache cache;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;

    @Autowired
    public HybridOrderParser(
            DeterministicOrderParser deterministic,
            @Value("${OLLAMA_BASE_URL:}") String baseUrl,
            @Value("${OLLAMA_MODEL:tiffin-order}") String model,
            @Value("${tiffin.nlu.llm-timeout:8s}") Duration timeout,
            StringRedisTemplate redis,
            ObjectMapper json) {
        this(
                deterministic,
                baseUrl == null || baseUrl.isBlank() ? null : new LlmOrderParser(baseUrl, model, timeout),
                Clock.systemUTC(),
                new RedisReadingCache(redis, json));
    }

    HybridOrderParser(DeterministicOrderParser deterministic, LlmOrderParser llm, Clock clock) {
        this(deterministic, llm, clock, ReadingCache.inMemory(CACHE_ENTRIES));
    }

    HybridOrderParser(DeterministicOrderParser deterministic, LlmOrderParser llm, Clock clock, ReadingCache cache) {
        this.deterministic = deterministic;
        this.llm = llm;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public ParseResult parse(String utterance, MenuSnapshot menu) {
        ParseResult reading = deterministic.parse(utterance, menu);
        if (llm == null || !worthAsking(reading)) {
            return reading;
        }
        String key = menu.merchantId() + "|" + menu.version() + "|" + deterministic.normalized(utterance);
        Optional<ParseResult> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get().inLanguage(reading.language()).answering(reading.answer());
        }
        if (clock.instant().isBefore(openUntil())) {
            return reading;
        }
        var slice = deterministic.sliceFor(utterance, menu, reading, SLICE_ITEMS);
        if (slice.isEmpty()) {
            return reading;
        }
        long asked = System.nanoTime();
        Optional<ParseResult> answer = llm.parse(utterance, menu.menu(), slice);
        io.tiffin.nlu.ModelUse.called(Duration.ofNanos(System.nanoTime() - asked));
        recordOutcome(answer.isPresent());
        ParseResult chosen = answer.filter(a -> !a.lines().isEmpty()).orElse(reading);
        if (answer.isPresent()) {
            cache.put(key, chosen);
        }
        // the model reads the order; the language, and what the message answers, are the deterministic reading's
        return chosen.inLanguage(reading.language()).answering(reading.answer());
    }

    /**
     * Only readings of an order that left something open or were guessed at go to the model; an edit
     * of the cart ("add a lassi and remove the coke") is read here, the model reads orders only.
     */
    private static boolean worthAsking(ParseResult reading) {
        boolean aboutAnOrder = (reading.intent() == Intent.ORDER || reading.intent() == Intent.OTHER)
                && reading.parts().isEmpty()
                && reading.edit() == null;
        return aboutAnOrder && (!reading.unresolved().isEmpty() || reading.confidence() < SURE_ENOUGH);
    }

    private synchronized Instant openUntil() {
        return openUntil;
    }

    private synchronized void recordOutcome(boolean answered) {
        if (answered) {
            failuresInARow = 0;
            return;
        }
        failuresInARow++;
        if (failuresInARow >= FAILURES_TO_OPEN) {
            openUntil = clock.instant().plus(OPEN_FOR);
            failuresInARow = 0;
        }
    }
}
