package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refusals typed in a hurry, written for this test (not taken from any dataset): the refusal word
 * itself is mangled ("od the tuna", "with nn ham", "but n ham"). For a customer with an allergy the
 * one error that must not happen is the refused option in the cart, so each phrasing names what it
 * refuses and no line may add it. Two menus: the PIZZA dataset's own catalogs (read where they lie,
 * skipped when absent) and the demo restaurant menu.
 */
class RefusalTypoUnitTest {

    private static final Path CATALOGS = Path.of("..", "shared", "data", "pizza", "catalogs");
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot DEMO = Menus.snapshot(Menus.indianRestaurant());
    private static MenuSnapshot catalogMenu;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            catalog | a large pizza with mushrooms but n onions | onions
            catalog | a large pizza with mushrooms od the onions | onions
            catalog | medium pizza with bacon with nn olives | olives
            catalog | a pizza with chicken but n ham | ham
            catalog | one small pizza with peppers hld the onions | onions
            catalog | large pizza witout ham | ham
            catalog | a pizza with sausage with nn pineapple | pineapple
            catalog | a medium pie with bacon but nii onions | onions
            catalog | a pizza with ham and do ot add any olives | olives
            catalog | large pizza with chicken dont pu any onions | onions
            catalog | a small pizza with tuna but mo ham please | ham
            catalog | a pizza with spinach bo onions | onions
            catalog | a pizza with mushrooms nno ham | ham
            catalog | two large pizzas with bacon hold te onions | onions
            catalog | a pizza with pineapple wihtout ham | ham
            demo | margherita hld the onions | onions
            demo | pepperoni pizza witout jalapenos | jalapenos
            demo | margherita with olives but n onions | onions
            demo | margherita with nn jalapenos | jalapenos
            demo | margherita od the onions | onions
            demo | margherita and do ot add any jalapenos | jalapenos
            demo | margherita with cheese mmo olives | olives
            demo | large margherita dont pu any onions | onions
            demo | pepperoni pizza wihtout onions | onions
            demo | margherita but nii jalapenos | jalapenos
            demo | margherita with on olives | olives
            """)
    void aRefusedOptionIsNeverAdded(String menu, String utterance, String refused) throws Exception {
        ParseResult result = PARSER.parse(utterance, menu(menu));

        assertThat(result.lines()).as("the item is still ordered").isNotEmpty();
        for (ParseResult.Line line : result.lines()) {
            assertThat(line.options())
                    .as("%s added in %s", refused, line)
                    .noneMatch(o ->
                            o.optionId().toLowerCase(Locale.ROOT).contains(refused) && o.qualifier() != Qualifier.NO);
        }
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
