package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts typed in a hurry, written for this test: a count word mangled or turned into another word
 * ("to medium pizzas", "our large pizzas") is read by its place, before a plural item; where no
 * plural follows, the word stays what it is ("i want to order a large pizza"). Two menus: the
 * PIZZA dataset's own catalogs (skipped when absent) and the demo restaurant menu.
 */
class CountTypoUnitTest {

    private static final Path CATALOGS = Path.of("..", "shared", "data", "pizza", "catalogs");
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot DEMO = Menus.snapshot(Menus.indianRestaurant());
    private static MenuSnapshot catalogMenu;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            catalog | i want to medium pizzas with ham | 2
            catalog | get me tw large pizzas with bacon | 2
            catalog | and our medium pizzas with onions | 4
            catalog | ifv small pizzas with peppers | 5
            catalog | i want to order a large pizza with ham | 1
            catalog | i'd like to have a medium pizza | 1
            demo | i'll have to margheritas | 2
            demo | can i get our large margheritas | 4
            demo | i want to order a margherita | 1
            """)
    void aMangledCountIsReadByItsPlace(String menu, String utterance, int pizzas) throws Exception {
        ParseResult result = PARSER.parse(utterance, menu(menu));

        assertThat(result.lines()).as("%s", result.lines()).hasSize(1);
        assertThat(result.lines().getFirst().quantity()).isEqualTo(pizzas);
    }

    private static MenuSnapshot menu(String name) throws Exception {
        if (name.equals("demo")) {
            return DEMO;
        }
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        if (catalogMenu == null) {
            catalogMenu = PizzaCatalogs.build(CATALOGS).snapshot();
        }
        return catalogMenu;
    }
}
