package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of typing slips of the fourth noise pass, in phrasings written for this test (not taken
 * from any dataset), on the PIZZA dataset's catalogs (skipped when absent). Each typed message must
 * give the same lines as the message typed cleanly, and the clean message must carry the word the
 * slip hit, so a case cannot pass by reading neither.
 */
class NoisedClassesUnitTest {

    private static final Path CATALOGS = Path.of("..", "shared", "data", "pizza", "catalogs");
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static MenuSnapshot catalogMenu;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            refusal between toppings | a large pie with olives mi onions | a large pie with olives no onions | no:onion
            refusal between toppings | a medium pizza mp bacon please | a medium pizza no bacon please | no:bacon
            """)
    void aSlipReadsAsTheCleanMessage(String kind, String typed, String clean, String word) throws Exception {
        MenuSnapshot snapshot = menu();
        List<String> cleanLines = describe(PARSER.parse(clean, snapshot));
        assertThat(String.join(" ", cleanLines))
                .as("the clean message reads the word")
                .contains(word);

        assertThat(describe(PARSER.parse(typed, snapshot))).as(typed).isEqualTo(cleanLines);
    }

    /** Real words beside toppings that are not in a topping's place stay what they are. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a large pizza with tuna and i am hungry | a large pizza with tuna
            a small pizza with olives with this order please | a small pizza with olives
            a medium pizza with bacon and jam on toast for me | a medium pizza with bacon
            a large pizza with tuna nd olives | a large pizza with tuna and olives
            """)
    void realWordsElsewhereStayThemselves(String typed, String clean) throws Exception {
        MenuSnapshot snapshot = menu();

        assertThat(describe(PARSER.parse(typed, snapshot))).isEqualTo(describe(PARSER.parse(clean, snapshot)));
    }

    /** Each line as "quantity item option option", options sorted with their qualifier. */
    private static List<String> describe(ParseResult result) {
        return result.lines().stream()
                .map(l -> l.quantity() + " " + l.itemId() + " "
                        + l.options().stream()
                                .map(o -> (o.qualifier() == null ? "" : o.qualifier() + ":") + o.optionId())
                                .map(s -> s.toLowerCase(Locale.ROOT))
                                .sorted()
                                .toList())
                .sorted()
                .toList();
    }

    private static MenuSnapshot menu() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        if (catalogMenu == null) {
            catalogMenu = PizzaCatalogs.build(CATALOGS).snapshot();
        }
        return catalogMenu;
    }
}
