package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ways people refuse an option, written for this set (not taken from any dataset), on a pizza menu
 * and a sandwich menu. For someone with an allergy the one error that must never happen is an
 * excluded option added to the cart: each phrasing names what it excludes, and no line may carry
 * that option unless refused. {@code option:EXTRA} means only the extra was refused ("no extra
 * cheese"): the line must not add the extra and must say it was refused.
 */
class ExclusionRegressionUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot PIZZA = Menus.snapshot(Menus.indianRestaurant());
    private static final MenuSnapshot SUBS = Menus.snapshot(sandwichShop());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pizza | one margherita pizza with extra cheese and don't include onions | onions
            pizza | a pepperoni pizza no any onions | onions
            pizza | i don't care for jalapenos on my margherita | jalapenos
            pizza | margherita no onions or jalapenos | onions jalapenos
            pizza | margherita no onions and jalapenos | onions jalapenos
            pizza | large margherita without onions, jalapenos | onions jalapenos
            pizza | margherita hold the onions | onions
            pizza | margherita minus the onions | onions
            pizza | onion-free margherita | onions
            pizza | margherita with jalapenos but not onions | onions
            pizza | margherita with everything but onions | onions
            pizza | pepperoni pizza except jalapenos | jalapenos
            pizza | margherita, i'm allergic to onions | onions
            pizza | margherita onions nahi | onions
            pizza | margherita bina onion | onions
            pizza | 2 margheritas, please don't put onions on them | onions
            pizza | margherita i don't want any jalapenos | jalapenos
            pizza | a margherita and leave off the onions | onions
            pizza | margherita skip the jalapenos and onions | jalapenos onions
            pizza | margherita no extra cheese | cheese:EXTRA
            pizza | margherita hold the extra cheese | cheese:EXTRA
            pizza | large pepperoni pizza with onions no jalapenos | jalapenos
            pizza | margherita pizza without any onion | onions
            pizza | margherita with no jalapeno please | jalapenos
            pizza | margherita, not a fan of onions | onions
            pizza | margherita do not add onions | onions
            pizza | margherita, nix the jalapenos | jalapenos
            pizza | jalapeno free pepperoni pizza | jalapenos
            subs | turkey sub on wheat no onions | onions
            subs | a veggie sub without mayo or mustard | mayo mustard
            subs | turkey sandwich hold the pickles | pickles
            subs | turkey sub, don't include tomatoes | tomatoes
            subs | veggie sub no any olives | olives
            subs | i don't care for pickles, one turkey sub | pickles
            subs | turkey sub minus the onions | onions
            subs | mayo-free veggie sub | mayo
            subs | turkey sub with lettuce but not tomatoes | tomatoes
            subs | veggie sub with everything except jalapenos | jalapenos
            subs | turkey sub, no onions or green peppers | onions peppers
            subs | turkey sub no pickles and onions | pickles onions
            subs | turkey sub no extra mayo | mayo:EXTRA
            subs | turkey sub, allergic to mustard | mustard
            subs | veggie sub with swiss, no american cheese | american
            subs | turkey sub on italian, hold the mayo | mayo
            subs | turkey sub without provolone | provolone
            subs | a veggie sub, please skip the jalapenos and olives | jalapenos olives
            subs | turkey sub no onion no pickle | onions pickles
            subs | turkey sub with extra lettuce and don't add onions | onions
            subs | veggie sub i do not want mustard | mustard
            subs | veggie sub with ranch, but no chipotle | chipotle
            subs | 2 turkey subs toasted, no mayo, no onions | mayo onions
            subs | turkey sub with pickles, actually no pickles | pickles
            """)
    void neverAddsAnExcludedOption(String menu, String utterance, String excluded) {
        ParseResult result = PARSER.parse(utterance, menu.equals("pizza") ? PIZZA : SUBS);

        assertThat(result.lines()).as("the item is still ordered").isNotEmpty();
        for (String refused : excluded.split("\\s+")) {
            String optionId = refused.contains(":") ? refused.substring(0, refused.indexOf(':')) : refused;
            Qualifier only =
                    refused.contains(":") ? Qualifier.valueOf(refused.substring(refused.indexOf(':') + 1)) : null;
            for (ParseResult.Line line : result.lines()) {
                List<ChosenOption> added = line.options().stream()
                        .filter(o -> o.optionId().equals(optionId) && o.qualifier() != Qualifier.NO)
                        .filter(o -> only == null || o.qualifier() == only)
                        .toList();
                assertThat(added).as("%s added to %s", refused, line).isEmpty();
            }
            if (only != null) {
                assertThat(result.lines())
                        .anyMatch(l -> l.declined()
                                .contains(new ChosenOption(groupOf(line0(result), optionId), optionId, only)));
            }
        }
    }

    private static ParseResult.Line line0(ParseResult result) {
        return result.lines().getFirst();
    }

    private static String groupOf(ParseResult.Line line, String optionId) {
        Menu menu = (line.itemId().contains("sub") ? SUBS : PIZZA).menu();
        return menu.items().filter(i -> i.id().equals(line.itemId())).findFirst().orElseThrow().optionGroups().stream()
                .filter(g -> g.option(optionId).isPresent())
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A sandwich shop with the option structure of a sub counter: bread, cheese, vegetables, sauces. */
    static Menu sandwichShop() {
        List<Menu.OptionGroup> groups = List.of(
                group("bread", 1, 1, List.of(), "white", "wheat", "italian", "flatbread"),
                group("cheese", 0, 2, List.of("extra", "no"), "american", "provolone", "swiss", "pepper jack"),
                group(
                        "veggies",
                        0,
                        10,
                        List.of("extra", "light", "no"),
                        "lettuce",
                        "tomatoes",
                        "onions",
                        "peppers=green peppers",
                        "pickles",
                        "olives",
                        "jalapenos",
                        "spinach"),
                group(
                        "sauces",
                        0,
                        3,
                        List.of("extra", "light", "no"),
                        "mayo=mayonnaise",
                        "mustard",
                        "ranch",
                        "chipotle"),
                group("toasting", 0, 1, List.of(), "toasted", "not toasted=untoasted"));
        return new Menu(
                "USD",
                List.of(new Menu.Category(
                        "Subs",
                        List.of(
                                new Menu.Item(
                                        "turkey_sub",
                                        "Turkey Sub",
                                        List.of("turkey sandwich"),
                                        null,
                                        899L,
                                        List.of(),
                                        true,
                                        groups),
                                new Menu.Item(
                                        "veggie_sub",
                                        "Veggie Sub",
                                        List.of("veggie sandwich"),
                                        null,
                                        799L,
                                        List.of(),
                                        true,
                                        groups),
                                Menus.item("cookie", "Cookie", 199, "cookies")))));
    }

    /** Options written {@code id=alias}; the id is the name. */
    private static Menu.OptionGroup group(String id, int min, int max, List<String> qualifiers, String... options) {
        return new Menu.OptionGroup(
                id,
                id,
                min,
                max,
                qualifiers,
                Arrays.stream(options)
                        .map(o -> {
                            String[] parts = o.split("=");
                            return new Menu.Option(
                                    parts[0].replace(' ', '_'),
                                    parts[0],
                                    0L,
                                    parts.length > 1 ? List.of(parts[1]) : List.of(),
                                    null,
                                    null);
                        })
                        .toList());
    }
}
