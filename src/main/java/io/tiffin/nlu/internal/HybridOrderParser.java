package io.tiffin.nlu.internal;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ModelUse;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * {@value #FAILURES_TO_OPEN} failures in a row the model is left alone for {@link #OPEN_FOR}, then
 * tried with one message before the others follow (a resilience4j circuit breaker). At most
 * {@code tiffin.nlu.llm-concurrency} messages wait for the model at once; the others take the
 * deterministic reading at once rather than queue, so a hung model holds at most that many of the
 * handling threads and every other conversation goes on. Readings are cached per menu version and
 * message in Redis, shared by every instance.
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
    private final ReadingCache cache;
    private final CircuitBreaker breaker;
    private final Bulkhead inFlight;

    @Autowired
    public HybridOrderParser(
            DeterministicOrderParser deterministic,
            @Value("${OLLAMA_BASE_URL:}") String baseUrl,
            @Value("${OLLAMA_MODEL:tiffin-order}") String model,
            @Value("${tiffin.nlu.llm-timeout:8s}") Duration timeout,
            @Value("${tiffin.nlu.llm-concurrency:2}") int concurrency,
            StringRedisTemplate redis,
            ObjectMapper json) {
        this(
                deterministic,
                baseUrl == null || baseUrl.isBlank() ? null : new LlmOrderParser(baseUrl, model, timeout),
                Clock.systemUTC(),
                new RedisReadingCache(redis, json),
                concurrency);
    }

    HybridOrderParser(DeterministicOrderParser deterministic, LlmOrderParser llm, Clock clock) {
        this(deterministic, llm, clock, ReadingCache.inMemory(CACHE_ENTRIES), 2);
    }

    HybridOrderParser(
            DeterministicOrderParser deterministic,
            LlmOrderParser llm,
            Clock clock,
            ReadingCache cache,
            int concurrency) {
        this.deterministic = deterministic;
        this.llm = llm;
        this.cache = cache;
        this.breaker = CircuitBreaker.of(
                "llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(FAILURES_TO_OPEN)
                        .minimumNumberOfCalls(FAILURES_TO_OPEN)
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(OPEN_FOR)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .clock(clock)
                        .build());
        this.inFlight = Bulkhead.of(
                "llm",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(Math.max(1, concurrency))
                        .maxWaitDuration(Duration.ZERO)
                        .build());
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
        var slice = deterministic.sliceFor(utterance, menu, reading, SLICE_ITEMS);
        if (slice.isEmpty()) {
            return reading;
        }
        Optional<ParseResult> answer = ask(utterance, menu, slice);
        ParseResult chosen = answer.filter(a -> !a.lines().isEmpty()).orElse(reading);
        if (answer.isPresent()) {
            cache.put(key, chosen);
        }
        // the model reads the order; the language, and what the message answers, are the deterministic reading's
        return chosen.inLanguage(reading.language()).answering(reading.answer());
    }

    /** Answers to "which one" are short and read against the lines offered: the model is not asked. */
    @Override
    public io.tiffin.nlu.LineChoice whichOf(
            String utterance, java.util.List<ParseResult.Line> offered, MenuSnapshot menu) {
        return deterministic.whichOf(utterance, offered, menu);
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

    /**
     * The model's reading, empty when it failed or was not asked: left alone after failures, or busy
     * with as many messages as it may take (this one does not queue for it).
     */
    private Optional<ParseResult> ask(String utterance, MenuSnapshot menu, List<Menu.Item> slice) {
        if (!inFlight.tryAcquirePermission()) {
            return Optional.empty();
        }
        try {
            if (!breaker.tryAcquirePermission()) {
                return Optional.empty();
            }
            long asked = System.nanoTime();
            Optional<ParseResult> answer = llm.parse(utterance, menu.menu(), slice);
            long took = System.nanoTime() - asked;
            ModelUse.called(Duration.ofNanos(took));
            if (answer.isPresent()) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(took, TimeUnit.NANOSECONDS, NO_READING);
            }
            return answer;
        } finally {
            inFlight.onComplete();
        }
    }

    /** For health: whether a model is configured, and whether it is being left alone after failures. */
    ModelState modelState() {
        if (llm == null) {
            return ModelState.NOT_CONFIGURED;
        }
        return switch (breaker.getState()) {
            case CLOSED -> ModelState.ANSWERING;
            case HALF_OPEN -> ModelState.TRYING_AGAIN;
            default -> ModelState.LEFT_ALONE;
        };
    }

    enum ModelState {
        NOT_CONFIGURED,
        ANSWERING,
        TRYING_AGAIN,
        LEFT_ALONE
    }

    /** Recorded for a call that gave no reading (unreachable, too slow, malformed answer): no stack trace needed. */
    private static final RuntimeException NO_READING =
            new RuntimeException("the model gave no reading", null, false, false) {};
}
