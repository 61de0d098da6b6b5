package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.LineChoice;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Line;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A typed answer to "which one do you mean" read against the lines shown: which of them it picks
 * (their positions as shown), none of them, or no answer at all (a message of its own).
 */
class LineChoiceUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot MENU = Menus.snapshot(Menus.indianRestaurant());
    private static final List<Line> LASSIS =
            List.of(new Line("sweet_lassi", 1, List.of(), null), new Line("mango_lassi", 2, List.of(), null));

    @ParameterizedTest(name = "\"{0}\" picks {1}")
    @CsvSource(delimiter = '|', textBlock = """
        the mango one                | 1
        mango                        | 1
        Mango Lassi please           | 1
        the sweet lassi              | 0
        mango wala                   | 1
        the first                    | 0
        the second one               | 1
        first one please             | 0
        2nd                          | 1
        2                            | 1
        the last one                 | 1
        pehla wala                   | 0
        doosra                       | 1
        दूसरा वाला                     | 1
        both                         | 0 1
        both of them                 | 0 1
        all of them                  | 0 1
        both lassis                  | 0 1
        dono                         | 0 1
        दोनों                          | 0 1
        """)
    void picksTheLinesTheAnswerNames(String answer, String picked) {
        List<Integer> expected =
                java.util.Arrays.stream(picked.split(" ")).map(Integer::valueOf).toList();
        assertThat(PARSER.whichOf(answer, LASSIS, MENU)).isEqualTo(LineChoice.of(expected));
    }

    @ParameterizedTest(name = "\"{0}\" picks none")
    @CsvSource({"neither", "neither of them", "never mind", "none of them", "rehne do", "koi nahi", "nahi", "कोई नहीं"})
    void readsNoneOfThem(String answer) {
        assertThat(PARSER.whichOf(answer, LASSIS, MENU)).isEqualTo(LineChoice.NONE);
    }

    @ParameterizedTest(name = "\"{0}\" is no answer")
    @CsvSource({
        "add a mango lassi",
        "2 mango lassi",
        "lassi",
        "a coke",
        "remove the coke",
        "the third one",
        "5",
        "what do you have",
        "no the mango one",
        "cash"
    })
    void aRequestOfItsOwnIsNoAnswer(String message) {
        assertThat(PARSER.whichOf(message, LASSIS, MENU).answers()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" picks {1}")
    @CsvSource({"the large one, 1", "small, 0", "the large margherita, 1"})
    void anOptionOfOneLinePicksIt(String answer, int picked) {
        List<Line> pizzas = List.of(
                new Line("margherita_pizza", 1, List.of(new ChosenOption("size", "small", null)), null),
                new Line("margherita_pizza", 1, List.of(new ChosenOption("size", "large", null)), null));
        assertThat(PARSER.whichOf(answer, pizzas, MENU)).isEqualTo(LineChoice.of(List.of(picked)));
    }
}
