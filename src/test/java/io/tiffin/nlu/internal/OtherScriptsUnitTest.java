package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Hindi (and other Indic scripts) in their own script against the demo menu, written in Latin letters. */
class OtherScriptsUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot DEMO = Menus.snapshot(demoMenu());

    private static Menu demoMenu() {
        try (InputStream in = OtherScriptsUnitTest.class.getResourceAsStream("/demo/menu.json")) {
            return JsonMapper.builder().build().readValue(in, Menu.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** item id -> quantity of the parse, to compare whole orders. */
    private static Map<String, Integer> order(String utterance) {
        return PARSER.parse(utterance, DEMO).lines().stream()
                .collect(Collectors.toMap(ParseResult.Line::itemId, ParseResult.Line::quantity, Integer::sum));
    }

    @Test
    void readsTheMessagesThatWereAnsweredNotOnOurMenu() {
        assertThat(order("दो बटर चिकन और तीन नान")).isEqualTo(Map.of("butter-chicken", 2, "plain-naan", 3));
        assertThat(order("2 बटर चिकन")).isEqualTo(Map.of("butter-chicken", 2));
        assertThat(PARSER.parse("दो बटर चिकन और तीन नान", DEMO).unresolved()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            २ बटर चिकन | butter-chicken | 2
            एक मैंगो लस्सी | mango-lassi | 1
            एक स्वीट लस्सी | sweet-lassi | 1
            दो मसाला चाय | masala-chai | 2
            तीन तंदूरी रोटी | tandoori-roti | 3
            चिकन बिरयानी | chicken-biryani | 1
            मुझे चार गार्लिक नान चाहिए | garlic-naan | 4
            ग्यारह बटर नान | butter-naan | 11
            ३ दाल मखनी | dal-makhani | 3
            दो समोसे | veg-samosa | 2
            ਦੋ ਬਟਰ ਚਿਕਨ | butter-chicken | 2
            একটা বাটার চিকেন | butter-chicken | 1
            """)
    void matchesIndicScriptWordsAndNumbersAgainstLatinNames(String utterance, String itemId, int quantity) {
        assertThat(order(utterance)).isEqualTo(Map.of(itemId, quantity));
    }

    @Test
    void mixesScriptsInOneMessage() {
        assertThat(order("2 garlic naan और एक पनीर टिक्का"))
                .containsEntry("garlic-naan", 2)
                .containsKey("paneer-tikka");
    }

    @Test
    void usesAliasesWrittenInTheScriptFirst() {
        Menu menu = new Menu(
                "INR",
                List.of(new Menu.Category(
                        "Mains",
                        List.of(
                                Menus.item("aloo_paratha", "Aloo Paratha", 9000, "आलू का पराठा"),
                                Menus.item("paneer_paratha", "Paneer Paratha", 11000)))));

        ParseResult result = PARSER.parse("दो आलू का पराठा", Menus.snapshot(menu));

        assertThat(result.lines())
                .extracting(ParseResult.Line::itemId, ParseResult.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aloo_paratha", 2));
    }

    @Test
    void leavesAWordOfAnotherScriptThatSoundsLikeNothingOnTheMenuUnknown() {
        ParseResult result = PARSER.parse("दो सुशी", DEMO);

        assertThat(result.lines()).isEmpty();
        assertThat(result.intent()).isEqualTo(Intent.ORDER);
    }
}
