package io.tiffin.nlu.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The real langchain4j Ollama client against WireMock answering in Ollama's /api/chat format. */
class LlmOrderParserUnitTest {

    private static final WireMockServer OLLAMA = new WireMockServer(options().dynamicPort());
    private static final DeterministicOrderParser DETERMINISTIC = new DeterministicOrderParser();
    private static final MenuSnapshot MENU = Menus.snapshot(Menus.indianRestaurant());

    @BeforeAll
    static void start() {
        OLLAMA.start();
    }

    @AfterAll
    static void stop() {
        OLLAMA.stop();
    }

    @BeforeEach
    void reset() {
        OLLAMA.resetAll();
    }

    private static LlmOrderParser llm(Duration timeout) {
        return new LlmOrderParser(OLLAMA.baseUrl(), "tiffin-order", timeout);
    }

    /** Ollama's non-streaming /api/chat answer: the JSON the model wrote, as a string. */
    private static void modelAnswers(String content, int delayMillis) {
        String body = JsonMapper.builder()
                .build()
                .createObjectNode()
                .put("model", "tiffin-order")
                .put("created_at", "2026-11-22T05:00:00Z")
                .put("done", true)
                .put("done_reason", "stop")
                .set(
                        "message",
                        JsonMapper.builder()
                                .build()
                                .createObjectNode()
                                .put("role", "assistant")
                                .put("content", content))
                .toString();
        OLLAMA.stubFor(post(urlEqualTo("/api/chat"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)
                        .withFixedDelay(delayMillis)));
    }

    private static ParseResult askAbout(String utterance, Duration timeout) {
        var slice = DETERMINISTIC.sliceFor(utterance, MENU, DETERMINISTIC.parse(utterance, MENU), 12);
        return llm(timeout).parse(utterance, MENU.menu(), slice).orElse(null);
    }

    @Test
    void turnsAValidAnswerIntoLinesAndSendsTheSchemaOfTheMenuSlice() {
        modelAnswers("""
                {"lines":[{"itemId":"pepperoni_pizza","quantity":2,"options":[{"groupId":"toppings","optionId":"onions","qualifier":"extra"}]}],"unresolved":[]}
                """, 0);

        ParseResult result = askAbout("do pepperoni wali pizza, pyaaz zyada daalna", Duration.ofSeconds(5));

        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines())
                .containsExactly(new Line(
                        "pepperoni_pizza", 2, List.of(new ChosenOption("toppings", "onions", Qualifier.EXTRA)), null));
        OLLAMA.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath(
                        "$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("tiffin-order")))
                .withRequestBody(matchingJsonPath("$.format.properties.lines"))
                .withRequestBody(matchingJsonPath(
                        "$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("false"))));
    }

    @Test
    void asksInsteadOfOrderingAHallucinatedItemOrOption() {
        modelAnswers("""
                {"lines":[{"itemId":"tandoori_lobster","quantity":1,"options":[]},
                          {"itemId":"margherita_pizza","quantity":1,"options":[{"groupId":"toppings","optionId":"truffle","qualifier":"none"}]},
                          {"itemId":"butter_naan","quantity":500,"options":[]}],"unresolved":[]}
                """, 0);

        ParseResult result = askAbout("1 lobster, margherita with truffle, lots of butter naan", Duration.ofSeconds(5));

        assertThat(result.lines()).isEmpty();
        assertThat(result.unresolved())
                .extracting(ParseResult.Unresolved::reason)
                .containsExactly(Reason.UNKNOWN_ITEM, Reason.AMBIGUOUS, Reason.AMBIGUOUS);
    }

    @Test
    void givesNoReadingForMalformedJson() {
        modelAnswers("Sure! Here is your order: 2 pizzas", 0);

        assertThat(askAbout("2 pepperoni pizza", Duration.ofSeconds(5))).isNull();
    }

    @Test
    void givesNoReadingWhenTheModelIsTooSlow() {
        modelAnswers("{\"lines\":[],\"unresolved\":[]}", 3000);

        assertThat(askAbout("2 pepperoni pizza", Duration.ofMillis(300))).isNull();
    }

    @Test
    void keepsTheDeterministicReadingWhenTheModelFailsAndStopsAskingAfterRepeatedFailures() {
        modelAnswers("not json", 0);
        var hybrid = new HybridOrderParser(DETERMINISTIC, llm(Duration.ofSeconds(5)), Clock.systemUTC());
        ParseResult deterministic = DETERMINISTIC.parse("2 chicken", MENU);

        for (int i = 0; i < HybridOrderParser.FAILURES_TO_OPEN + 2; i++) {
            assertThat(hybrid.parse("2 chicken " + "please ".repeat(i), MENU)).isEqualTo(deterministic);
        }
        OLLAMA.verify(HybridOrderParser.FAILURES_TO_OPEN, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void usesTheModelOnlyForUnsureReadingsAndCachesIt() {
        modelAnswers("""
                {"lines":[{"itemId":"chicken_tikka","quantity":2,"options":[]}],"unresolved":[]}
                """, 0);
        var hybrid = new HybridOrderParser(DETERMINISTIC, llm(Duration.ofSeconds(5)), Clock.systemUTC());

        assertThat(hybrid.parse("2 butter chicken", MENU).lines())
                .containsExactly(new Line("butter_chicken", 2, List.of(), null));
        assertThat(hybrid.parse("2 chicken", MENU).lines())
                .containsExactly(new Line("chicken_tikka", 2, List.of(), null));
        assertThat(hybrid.parse("2 chicken", MENU).lines())
                .containsExactly(new Line("chicken_tikka", 2, List.of(), null));
        OLLAMA.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
    }
}
