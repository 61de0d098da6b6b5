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
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of typing slips the noised PIZZA dev set showed, in phrasings written for this test (not
 * taken from any dataset). Each typed message must give the same lines as the message typed
 * cleanly, and the clean message must carry the word the slip hit, so a case cannot pass by
 * reading neither. Two menus: the PIZZA dataset's catalogs (skipped when absent) and the demo menu.
 */
class TypedNoiseClassesUnitTest {

    private static final Path CATALOGS = Path.of("..", "shared", "data", "pizza", "catalogs");
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot DEMO = Menus.snapshot(Menus.indianRestaurant());
    private static MenuSnapshot catalogMenu;

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            plural stem | catalog | a large pizza with olies and tuna | a large pizza with olives and tuna | olive
            plural stem | catalog | five ppes with peppers and pesto | five pies with peppers and pesto | 5
            plural stem | demo | margherita with jalapenis | margherita with jalapenos | jalapeno
            slipped article | catalog | one small pizza without onions and s large diet pepsi | one small pizza without onions and a large diet pepsi | large
            slipped article | catalog | get me s medium pizza with tuna | get me a medium pizza with tuna | medium
            slipped article | demo | one margherita and s large pepperoni pizza | one margherita and a large pepperoni pizza | large
            held key | catalog | get mee a medium onion and tuna pie | get me a medium onion and tuna pie | onion
            short topping | catalog | a large pizza with tuna and am | a large pizza with tuna and ham | ham
            short topping | catalog | a large pizza with ma and tuna | a large pizza with ham and tuna | ham
            short topping | catalog | a medium pizza with pineapple but avoid ma | a medium pizza with pineapple but avoid ham | ham
            short topping | catalog | a small pizza with onions han and pineapple | a small pizza with onions ham and pineapple | ham
            short topping | catalog | a large ha pizza | a large ham pizza | ham
            short topping | catalog | a thin crust pizza with tuna and hs | a thin crust pizza with tuna and ham | ham
            size slot | catalog | a mdall thin crust pizza with ham | a small thin crust pizza with ham | small
            size slot | catalog | two lrgea pizzas with bacon | two large pizzas with bacon | large
            size slot | demo | a mdall margherita with onions | a small margherita with onions | small
            size slot | demo | two lrgea pepperoni pizzas | two large pepperoni pizzas | large
            list word as article | catalog | a large bacon an mushroom pizza | a large bacon and mushroom pizza | mushroom
            list word as article | catalog | a small pizza with pepperoni an ham | a small pizza with pepperoni and ham | ham
            list word as article | demo | one butter chicken an garlic naan | one butter chicken and garlic naan | naan
            count before plural | catalog | wo large pepperoni and onion pizzas | two large pepperoni and onion pizzas | 2
            count before plural | catalog | i want wo medium thin crust pizzas | i want two medium thin crust pizzas | 2
            count before plural | catalog | get me wo cokes and a small pizza | get me two cokes and a small pizza | 2
            refusal after list word | catalog | a large pizza with olives and nn mushrooms | a large pizza with olives and no mushrooms | no:mushrooms
            refusal after list word | catalog | a medium pie with ham and ob pineapple | a medium pie with ham and no pineapple | no:pineapple
            refusal after list word | catalog | a small pizza with ob bacon | a small pizza with no bacon | no:bacon
            refusal after list word | catalog | a large pizza with tuna but hhod olives | a large pizza with tuna but hold olives | no:olives
            refusal after list word | demo | a large margherita with jalapenos and nn onions | a large margherita with jalapenos and no onions | no:onions
            letter before the dish | catalog | a thin crust h pizza with no olives | a thin crust ham pizza with no olives | ham
            short topping after a size | catalog | two large amm pizzas | two large ham pizzas | ham
            short topping after a qualifier | catalog | a pizza with bacon and extra am | a pizza with bacon and extra ham | extra:ham
            first word of a name | catalog | a pizza with tuna on the ihn crust | a pizza with tuna on the thin crust | thin
            first word of a name | catalog | a large sausage pie with a tthi crust | a large sausage pie with a thin crust | thin
            first word of a name | catalog | one medium pepperoni pizza yhi crust | one medium pepperoni pizza thin crust | thin
            joining word | catalog | one large pie twi bacon and olives | one large pie with bacon and olives | bacon
            joining word | catalog | a small pizza eih peppers | a small pizza with peppers | peppers
            held key in a plural | catalog | a medium pizza with onionsss and tuna | a medium pizza with onions and tuna | onion
            held key in a plural | catalog | a small pie with bacon and oliivess | a small pie with bacon and olives | olive
            held key in a plural | demo | a large margherita with oniionss | a large margherita with onions | onion
            size before the dish | catalog | get me a mal pepperoni pizza | get me a small pepperoni pizza | small
            size before the dish | demo | a mal margherita with olives | a small margherita with olives | small
            part of a longer name | catalog | get me one msll pizza with pesto | get me one small pizza with pesto | small
            part of a longer name | catalog | one diet coke sdn two large pizzas | one diet coke and two large pizzas | 2
            part of a longer name | catalog | a large pizza with rreen peppers | a large pizza with green peppers | green_peppers
            part of a longer name | catalog | a large pizza and a sprite sdn a coke | a large pizza and a sprite and a coke | sprite
            verb of the request | catalog | i neef a medium pizza with ham | i need a medium pizza with ham | medium
            verb of the request | catalog | i watned a large pizza with tuna | i wanted a large pizza with tuna | large
            menu word after for | catalog | i will go for pepperonni and olives today | i will go for pepperoni and olives today | pepperoni
            menu word after for | catalog | for toppings i'll go for mushroomms and ham | for toppings i'll go for mushrooms and ham | mushroom
            slip not two words | catalog | a medium pieapple pizza with bacon | a medium pineapple pizza with bacon | pineapple
            one held key of two | catalog | a small veggiee pizza with olives | a small veggie pizza with olives | vegetarian
            rest of a name | catalog | two large diet sprie and a small pizza | two large diet sprite and a small pizza | diet_sprite
            rest of a name | catalog | three cherry cooks with a large pizza | three cherry cokes with a large pizza | cherry_coke
            verb of the request | catalog | i het a medium pie with tuna | i get a medium pie with tuna | medium
            verb of the request | catalog | id ikle a large pizza with onions | id like a large pizza with onions | onion
            verb of the request | demo | i neef a butter chicken and a garlic naan | i need a butter chicken and a garlic naan | butter_chicken
            topping in a list | catalog | a small pizza with shm and pepperoni | a small pizza with ham and pepperoni | ham
            topping in a list | catalog | a large pizza with cbaon and olives | a large pizza with bacon and olives | bacon
            topping in a list | catalog | a medium bacon and tuab pie | a medium bacon and tuna pie | tuna
            topping between size and dish | catalog | a medium amh pizza with olives | a medium ham pizza with olives | ham
            topping between size and dish | catalog | one large amh and onion pie | one large ham and onion pie | ham
            topping between size and dish | catalog | a small ajm pizza with onions | a small ham pizza with onions | ham
            object of a refusal | catalog | a large pie with peppers and no tuab | a large pie with peppers and no tuna | no:tuna
            object of a refusal | catalog | a small pizza with olives without any tuab please | a small pizza with olives without any tuna please | no:tuna
            list ends at a turn | catalog | a pizza with onions and tmua but without olives | a pizza with onions and tuna but without olives | tuna
            count of a new line | catalog | a large pizza with ham and ne medium sprite | a large pizza with ham and one medium sprite | medium
            count of a new line | catalog | two cheese pizzas and oe small coke | two cheese pizzas and one small coke | small
            count of a new line | catalog | a small tuna pie and inw large diet coke | a small tuna pie and one large diet coke | large
            refusal between toppings | catalog | a large pie with olives mi onions | a large pie with olives no onions | no:onion
            refusal between toppings | catalog | a medium pizza mp bacon please | a medium pizza no bacon please | no:bacon
            swap with a key beside | catalog | i'd like qto large pizzas with olives | i'd like two large pizzas with olives | 2
            swap with a key beside | catalog | tpw small pies with onions please | two small pies with onions please | 2
            swap with a key beside | catalog | a large pizza with tnia and olives | a large pizza with tuna and olives | tuna
            article of a refusal | catalog | a medium pie with ham without te extra cheese | a medium pie with ham without the extra cheese | ham
            article of a refusal | catalog | a small pizza with bacon hold ge extra cheese | a small pizza with bacon hold the extra cheese | bacon
            count bent before a size | catalog | suc large thin crust pizzas with ham | six large thin crust pizzas with ham | 6
            joining word before a qualifier | catalog | one large pizza wigt extra cheese | one large pizza with extra cheese | extra:
            filler where the list goes on | catalog | a large pizza with olives and hmm | a large pizza with olives and ham | ham
            filler where the list goes on | catalog | a pizza with sausage and hmm but without onions | a pizza with sausage and ham but without onions | ham
            real word where the list goes on | catalog | a small pie with olives and am but hold the peppers | a small pie with olives and ham but hold the peppers | ham
            real word where the list goes on | catalog | one medium pizza with bacon and jamm | one medium pizza with bacon and ham | ham
            dish's noun as near as a topping | catalog | a medium pe with olives and onions | a medium pie with olives and onions | medium
            dish's noun as near as a topping | catalog | one large sausage pe and a coke | one large sausage pie and a coke | sausage
            dish's noun as near as a topping | catalog | one small pepperoni pe | one small pepperoni pie | pepperoni
            real word in a size's place | catalog | get me a are pepperoni pizza with olives | get me a large pepperoni pizza with olives | large
            real word in a size's place | catalog | two are cheese pizzas and a coke | two large cheese pizzas and a coke | large
            part of a name from two letters | catalog | two pizzas of medium ze with tuna | two pizzas of medium size with tuna | tuna
            part of a name from two letters | catalog | a pie in large ze with bacon and olives | a pie in large size with bacon and olives | bacon
            part of a name from two letters | catalog | a large pizza with olives and ss sprite | a large pizza with olives and a sprite | sprite
            list word between toppings | catalog | a medium pie with tuna adnd olives | a medium pie with tuna and olives | olive
            list word between toppings | catalog | one large pizza with peppers adnd ham | one large pizza with peppers and ham | ham
            list word between toppings | catalog | a small pizza with onions adnd bacon please | a small pizza with onions and bacon please | bacon
            list word between toppings | catalog | a small pie with olives adnd mushrooms | a small pie with olives and mushrooms | mushroom
            topping clearly the cheaper slip | catalog | a small pie with pepperoni and bacon tina | a small pie with pepperoni and bacon tuna | tuna
            topping clearly the cheaper slip | catalog | a pizza with pepperoni and mushrooms tina | a pizza with pepperoni and mushrooms tuna | tuna
            topping clearly the cheaper slip | catalog | a small pie with mushrooms hold the hhan | a small pie with mushrooms hold the ham | no:ham
            topping clearly the cheaper slip | catalog | a large pie with sausage hold the tina | a large pie with sausage hold the tuna | no:tuna
            """)
    void aSlipReadsAsTheCleanMessage(String kind, String menu, String typed, String clean, String word)
            throws Exception {
        MenuSnapshot snapshot = menu(menu);
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
            a nice pepperoni pizza with olives | a pepperoni pizza with olives
            one good cheese pizza | one cheese pizza
            okay i'm all set i need a large pizza with ham | i need a large pizza with ham
            """)
    void realWordsElsewhereStayThemselves(String typed, String clean) throws Exception {
        MenuSnapshot snapshot = menu("catalog");

        assertThat(describe(PARSER.parse(typed, snapshot))).isEqualTo(describe(PARSER.parse(clean, snapshot)));
    }

    /** A letter before "and" is no refusal of what follows: the safe reading drops it, never refuses the next topping. */
    @Test
    void aLetterBeforeAListWordRefusesNothing() throws Exception {
        ParseResult result = PARSER.parse("a large pizza with h and tuna", menu("catalog"));

        assertThat(result.lines()).hasSize(1);
        assertThat(result.lines().getFirst().options())
                .anyMatch(o -> o.optionId().toLowerCase(Locale.ROOT).contains("tuna") && o.qualifier() == null)
                .noneMatch(o -> o.qualifier() == Qualifier.NO);
    }

    /** Words that stand as themselves beside food are not read as toppings: "tuna but no onions", "and it". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a large pizza with tuna but no onions | a large pizza with tuna but no onions
            a large pizza with tuna and that is it | a large pizza with tuna
            get me a large pizza with tuna | get me a large pizza with tuna
            a large pizza with onions and pepperoni thakns | a large pizza with onions and pepperoni thanks
            a small pizza with olives adm pepperoni | a small pizza with olives and pepperoni
            a small pepperoni pie not the thin crust thugh | a small pepperoni pie not the thin crust though
            a large sausage and onion pia | a large sausage and onion pie
            """)
    void chatterBesideFoodStaysChatter(String typed, String clean) throws Exception {
        MenuSnapshot snapshot = menu("catalog");

        assertThat(describe(PARSER.parse(typed, snapshot))).isEqualTo(describe(PARSER.parse(clean, snapshot)));
    }

    /** A typo in an English message is no Hindi count ("bede" is not bees, 20); in a Hindi message it may be one. */
    @Test
    void aTypoIsAHindiCountOnlyInAMessageWithHindi() throws Exception {
        ParseResult english = PARSER.parse("u only bede the small size", menu("catalog"));
        ParseResult hindi = PARSER.parse("ek butter chicken aur paanh garlic naan", DEMO);

        assertThat(english.lines()).noneMatch(l -> l.quantity() == 20);
        assertThat(describe(hindi)).containsExactly("1 butter_chicken []", "5 garlic_naan []");
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
