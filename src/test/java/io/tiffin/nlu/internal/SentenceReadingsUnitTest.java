package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.internal.SentenceReadings.Reading;
import io.tiffin.nlu.internal.SentenceReadings.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Misspelt words read together: each phrasing here was written for this test, one class of slip at
 * a time, on the demo restaurant menu and on the PIZZA dataset's own catalogs (read where they lie,
 * skipped when absent). Each says which option must be on the line, and which must not.
 */
class SentenceReadingsUnitTest {

    private static final Lexicon LEXICON = Lexicon.fromClasspath();
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot DEMO = Menus.snapshot(Menus.indianRestaurant());
    private static final Path CATALOGS = Path.of("..", "shared", "data", "pizza", "catalogs");
    private static MenuSnapshot catalogMenu;

    @Test
    void aCountWithNothingToCountLosesToTheMenuWordAfterExtra() {
        var sentence = new SentenceReadings(LEXICON);
        MenuIndex index = new MenuIndex(DEMO, LEXICON);
        List<List<Reading>> readings = List.of(
                List.of(Reading.asTyped("extra")),
                List.of(new Reading("che", 0.3, Source.LEXICON), new Reading("cheese", 1.1, Source.MENU)));

        // alone "che" (six, in Hinglish) is far cheaper to type; after "extra" and at the end it counts nothing
        assertThat(sentence.choose(readings, index)).extracting(Reading::word).containsExactly("extra", "cheese");
    }

    @Test
    void twoWordsOfOneMenuNameReadTogether() {
        var sentence = new SentenceReadings(LEXICON);
        MenuIndex index = new MenuIndex(DEMO, LEXICON);
        List<List<Reading>> readings = List.of(
                List.of(new Reading("better", 0.5, Source.LEXICON), new Reading("butter", 0.8, Source.MENU)),
                List.of(Reading.asTyped("chicken")));

        assertThat(sentence.choose(readings, index)).extracting(Reading::word).containsExactly("butter", "chicken");
    }

    @Test
    void aSecondListWordIsNotReadWhereARefusalFits() {
        var sentence = new SentenceReadings(LEXICON);
        MenuIndex index = new MenuIndex(DEMO, LEXICON);
        List<List<Reading>> readings = List.of(
                List.of(Reading.asTyped("and")),
                List.of(Reading.asTyped("n"), new Reading("no", 0.8, Source.LEXICON)),
                List.of(Reading.asTyped("olives")));

        assertThat(sentence.choose(readings, index)).extracting(Reading::word).containsExactly("and", "no", "olives");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            demo | margherita pizza with extra chee | cheese | EXTRA
            demo | large pepperoni pizza with olives and extra chee please | cheese | EXTRA
            demo | margherita pizza nop extra cheese | cheese | NO
            demo | a large margherita pizza annd n onions | onions | NO
            demo | pepperoni pizza with olives and n jalapenos | jalapenos | NO
            demo | margherita pizza with noe olives | olives | NO
            catalog | a large pizza with am and onions | ham | -
            catalog | a small pie with jam and olives | ham | -
            catalog | a medium pizza with bacon am mushrooms | ham | -
            catalog | a pizza wth tomatoes and olives | tomatoes | -
            catalog | a large pizza with ham and extra cheee | cheese | EXTRA
            catalog | a large pizza with olives and n peppers | peppers | NO
            catalog | a small pizza with onions nop extra cheese | cheese | NO
            """)
    void aMisspeltWordIsReadByItsPlaceInTheOrder(String menu, String utterance, String option, String qualifier)
            throws Exception {
        ParseResult result = PARSER.parse(utterance, menu(menu));

        assertThat(result.lines()).as("one line").hasSize(1);
        var chosen = result.lines().getFirst().options().stream()
                .filter(o -> o.optionId().toLowerCase(Locale.ROOT).contains(option))
                .toList();
        if (qualifier.equals("NO")) {
            assertThat(chosen).as("%s refused", option).allMatch(o -> o.qualifier() == Qualifier.NO);
            assertThat(result.lines().getFirst().options().stream()
                            .filter(o -> o.qualifier() != Qualifier.NO)
                            .map(ParseResult.ChosenOption::optionId))
                    .as("nothing refused added")
                    .noneMatch(id -> id.contains(option));
        } else {
            assertThat(chosen).as("%s on the line", option).hasSize(1);
            assertThat(chosen.getFirst().qualifier())
                    .isEqualTo(qualifier.equals("-") ? null : Qualifier.valueOf(qualifier));
        }
        assertThat(result.lines().getFirst().quantity()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            demo | i am hungry what do you have
            demo | i want to order two garlic naan
            catalog | i am hungry can i get a large pizza
            catalog | i would like a pizza with olives and ham
            """)
    void everydayWordsStayWhatTheyAre(String menu, String utterance) throws Exception {
        String[] typed = LEXICON.normalizer.tokens(utterance);

        assertThat(PARSER.readWords(utterance, menu(menu))).containsExactly(typed);
    }

    private static MenuSnapshot menu(String name) throws Exception {
        if (name.equals("demo")) {
            return DEMO;
        }
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        if (catalogMenu == null) {
            catalogMenu = io.tiffin.nlu.eval.PizzaCatalogsAccess.snapshot(CATALOGS);
        }
        return catalogMenu;
    }
}
