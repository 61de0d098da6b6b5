package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Line;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Options said the way customers say them, read from the menu's own structure: a size written as a
 * measure ("20 oz Bottle") said in any spelling of it, and never taken as the count; a bread named
 * after "on" where the dish has a choice of bread; a pack size in the item's name said again. On the
 * cafe menu of the conversation tests and the demo kitchen's menu; each line is written
 * {@code count item(group=option ...) "note"}.
 */
class OptionPhrasingsUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot CAFE = snapshot("conversation/cafe-menu.json");
    private static final MenuSnapshot DEMO = snapshot("demo/menu.json");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        two twenty ounce cokes              | 2 coke(size=bottle)
        2 20 oz cokes                       | 2 coke(size=bottle)
        2 20oz cokes                        | 2 coke(size=bottle)
        2 cokes 20 oz                       | 2 coke(size=bottle)
        a twelve ounce coke and a latte     | 1 coke(size=can), 1 latte
        two 2 litre cokes                   | 2 coke(size=family)
        a 2 liter coke                      | 1 coke(size=family)
        3 cokes                             | 3 coke
        """)
    void readsASizeSaidAsAMeasure(String utterance, String lines) {
        assertThat(read(utterance, CAFE)).isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a club sandwich on brown bread                     | 1 veg-club-sandwich(bread=brown)
        2 club sandwiches on multigrain bread              | 2 veg-club-sandwich(bread=multigrain)
        a veg club sandwich with brown bread               | 1 veg-club-sandwich(bread=brown)
        a veg club sandwich on brown bread with extra cheese | 1 veg-club-sandwich(bread=brown fillings=extra cheese)
        a chicken burger on a brown bun                    | 1 chicken-burger "brown bun"
        """)
    void readsABreadAfterOnWhenTheDishHasThatChoice(String utterance, String lines) {
        assertThat(read(utterance, CAFE)).isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        one veg samosa 2 pcs                         | 1 veg-samosa
        one veg samosa (2 pieces)                    | 1 veg-samosa
        2 gulab jamun 2 pcs and one veg samosa       | 2 gulab-jamun, 1 veg-samosa
        1 veg samosa extra chutney                   | 1 veg-samosa "extra chutney"
        2 coke 750ml                                 | 2 coke(container=bottle)
        two 330 ml cokes                             | 2 coke(container=can)
        """)
    void readsThePackSizeOfANameAndMeasuresOnTheDemoMenu(String utterance, String lines) {
        assertThat(read(utterance, DEMO)).isEqualTo(lines);
    }

    @org.junit.jupiter.api.Test
    void aWordOfTheItemsOwnOptionsAfterItNamesNoOtherDish() {
        // "bottle" is a word of the coke's sizes and of "bottle of water": no water is ordered
        assertThat(PARSER.parse("2 coke bottles", CAFE).lines())
                .extracting(Line::itemId, Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("coke", 2));
        assertThat(read("2 cokes and a bottle of water", CAFE)).isEqualTo("2 coke, 1 water");
    }

    private static String read(String utterance, MenuSnapshot menu) {
        ParseResult result = PARSER.parse(utterance, menu);
        assertThat(result.unresolved()).as(utterance).isEmpty();
        return result.lines().stream().map(OptionPhrasingsUnitTest::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Line line) {
        String options =
                line.options().stream().map(OptionPhrasingsUnitTest::option).collect(Collectors.joining(" "));
        return line.quantity() + " " + line.itemId() + (options.isEmpty() ? "" : "(" + options + ")")
                + (line.notes() == null ? "" : " \"" + line.notes() + "\"");
    }

    private static String option(ChosenOption o) {
        return o.groupId() + "="
                + (o.qualifier() == null ? "" : o.qualifier().name().toLowerCase(java.util.Locale.ROOT) + " ")
                + o.optionId();
    }

    private static MenuSnapshot snapshot(String resource) {
        try (InputStream in = OptionPhrasingsUnitTest.class.getClassLoader().getResourceAsStream(resource)) {
            Menu menu = JsonMapper.builder().build().readValue(in, Menu.class);
            return new MenuSnapshot("m", 1, Instant.EPOCH, menu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
