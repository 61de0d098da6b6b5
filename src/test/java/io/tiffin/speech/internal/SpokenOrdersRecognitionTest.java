package io.tiffin.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.speech.Audio;
import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.SpokenAudio;
import io.tiffin.speech.SpokenOrders;
import io.tiffin.speech.SpokenOrders.SpokenOrder;
import io.tiffin.speech.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole local path on real speech: espeak-ng says twenty orders on the demo menu, opusenc makes
 * them voice notes, Concentus decodes them, pocketsphinx hears them through the menu grammar and the
 * order parser turns the words into a cart.
 */
class SpokenOrdersRecognitionTest {

    static final MenuSnapshot DEMO = demoMenu();
    private static Pocketsphinx engine;
    private static final AudioDecoder DECODER = new AudioDecoder(Duration.ofMinutes(2));
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();

    @BeforeAll
    static void engine() {
        assumeTrue(
                SpokenAudio.toolsInstalled() && SpokenAudio.recognizerInstalled(),
                "espeak-ng, opusenc and pocketsphinx are needed (.ci/run installs them)");
        engine = new Pocketsphinx(new SpeechProperties(null, null, null, null, null, null, null, null, null));
    }

    @org.junit.jupiter.api.AfterAll
    static void cleanUp() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void twentySpokenOrdersAreHeardWordForWordAndMakeTheRightCart() {
        List<String> misheard = new ArrayList<>();
        List<String> wrongCart = new ArrayList<>();
        for (SpokenOrder order : SpokenOrders.ORDERS) {
            check(order, SpokenAudio.voiceNote(order.words()), misheard, wrongCart);
        }
        assertThat(misheard.size()).as("misheard: %s", misheard).isLessThanOrEqualTo(2);
        assertThat(wrongCart.size()).as("wrong carts: %s", wrongCart).isLessThanOrEqualTo(2);
    }

    @Test
    void fiveOrdersSaidSlowerAndLowerOrFasterAndHigherAreHeardToo() {
        List<String> misheard = new ArrayList<>();
        List<String> wrongCart = new ArrayList<>();
        int[][] voices = {{130, 25}, {210, 75}, {140, 80}, {200, 20}, {150, 65}};
        for (int i = 0; i < voices.length; i++) {
            SpokenOrder order = SpokenOrders.ORDERS.get(i * 4 + 1);
            check(order, SpokenAudio.voiceNote(order.words(), voices[i][0], voices[i][1]), misheard, wrongCart);
        }
        assertThat(misheard.size()).as("misheard: %s", misheard).isLessThanOrEqualTo(1);
        assertThat(wrongCart.size()).as("wrong carts: %s", wrongCart).isLessThanOrEqualTo(1);
    }

    @Test
    void aQuestionThatIsNotAnOrderIsHeardAsAsked() {
        Transcript heard = engine.recognize(DECODER.decode(SpokenAudio.voiceNote("where is my order")), DEMO);

        assertThat(heard.text()).isEqualTo("where is my order");
    }

    private static void check(SpokenOrder order, byte[] voiceNote, List<String> misheard, List<String> wrongCart) {
        Audio audio = DECODER.decode(voiceNote);
        Transcript heard = engine.recognize(audio, DEMO);
        if (!heard.text().equals(order.words())) {
            misheard.add(order.words() + " -> " + heard.text());
        }
        List<String> cart = cart(PARSER.parse(heard.text(), DEMO));
        if (!cart.equals(order.cart())) {
            wrongCart.add(order.words() + " -> " + cart);
        }
    }

    static List<String> cart(ParseResult parsed) {
        if (!parsed.unresolved().isEmpty()) {
            return List.of("unresolved: " + parsed.unresolved());
        }
        return parsed.lines().stream()
                .map(l -> l.itemId() + "*" + l.quantity()
                        + (l.options().isEmpty()
                                ? ""
                                : l.options().stream()
                                        .map(o -> o.groupId() + ":" + o.optionId())
                                        .sorted()
                                        .collect(Collectors.joining(",", "[", "]"))))
                .toList();
    }

    static MenuSnapshot demoMenu() {
        try (InputStream in = SpokenOrdersRecognitionTest.class.getResourceAsStream("/demo/menu.json")) {
            Menu menu = JsonMapper.builder().build().readValue(in.readAllBytes(), Menu.class);
            return new MenuSnapshot("demo", 1, Instant.parse("2026-01-01T00:00:00Z"), menu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
