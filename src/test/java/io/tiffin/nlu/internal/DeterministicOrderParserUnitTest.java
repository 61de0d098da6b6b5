package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeterministicOrderParserUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot MENU = Menus.snapshot(Menus.indianRestaurant());

    private static ParseResult parse(String utterance) {
        return PARSER.parse(utterance, MENU);
    }

    private static Line line(String itemId, int quantity, ChosenOption... options) {
        return new Line(itemId, quantity, List.of(options), null);
    }

    @Test
    void readsAListWithDigitQuantities() {
        ParseResult result = parse("2 butter chicken and 3 garlic naan");

        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines()).containsExactly(line("butter_chicken", 2), line("garlic_naan", 3));
        assertThat(result.unresolved()).isEmpty();
        assertThat(result.confidence()).isEqualTo(1.0);
    }

    @Test
    void readsHinglishQuantitiesAndConnectors() {
        assertThat(parse("ek paneer tikka aur do butter naan").lines())
                .containsExactly(line("paneer_tikka", 1), line("butter_naan", 2));
    }

    @Test
    void readsDevanagariQuantitiesAroundMenuNamesAndTheStatusQuestion() {
        assertThat(parse("मुझे दो garlic naan और एक paneer tikka चाहिए").lines())
                .containsExactly(line("garlic_naan", 2), line("paneer_tikka", 1));
        assertThat(parse("भैया 2 garlic naan भेज दो").lines()).containsExactly(line("garlic_naan", 2));
        assertThat(parse("मेरा ऑर्डर कहाँ है").intent()).isEqualTo(Intent.STATUS);
    }

    @Test
    void readsSizeAndQualifiedToppingsOfAPizza() {
        ParseResult result = parse("a large pepperoni pizza with extra cheese and no onions");

        assertThat(result.lines())
                .containsExactly(line(
                        "pepperoni_pizza",
                        1,
                        new ChosenOption("size", "large", null),
                        new ChosenOption("toppings", "cheese", Qualifier.EXTRA),
                        new ChosenOption("toppings", "onions", Qualifier.NO)));
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void readsWithoutAndHoldTheAsLeavingOut() {
        assertThat(parse("margherita without onions").lines())
                .containsExactly(line("margherita_pizza", 1, new ChosenOption("toppings", "onions", Qualifier.NO)));
        assertThat(parse("margherita pizza, hold the cheese").lines())
                .containsExactly(line("margherita_pizza", 1, new ChosenOption("toppings", "cheese", Qualifier.NO)));
        assertThat(parse("pepperoni pizza light cheese").lines())
                .containsExactly(line("pepperoni_pizza", 1, new ChosenOption("toppings", "cheese", Qualifier.LIGHT)));
    }

    @Test
    void letsALaterSizeReplaceAnEarlierOne() {
        assertThat(parse("small margherita, no make it big").lines())
                .containsExactly(line("margherita_pizza", 1, new ChosenOption("size", "large", null)));
    }

    @Test
    void startsANewLineForAnItemAfterWith() {
        assertThat(parse("butter chicken with 2 garlic naan").lines())
                .containsExactly(line("butter_chicken", 1), line("garlic_naan", 2));
        assertThat(parse("butter chicken with garlic naan").lines())
                .containsExactly(line("butter_chicken", 1), line("garlic_naan", 1));
    }

    @ParameterizedTest
    @CsvSource({
        "2 margarita pizzas, margherita_pizza, 2",
        "one panner tikka, paneer_tikka, 1",
        "3 buttr chiken, butter_chicken, 3",
        "2 samosas, veg_samosa, 2",
        "two gulab jamuns please, gulab_jamun, 2",
        "a coca cola, coke, 1",
        "garlic naans x 4, garlic_naan, 4"
    })
    void forgivesMisspellingsPluralsAndAliases(String utterance, String itemId, int quantity) {
        ParseResult result = parse(utterance);
        assertThat(result.lines()).containsExactly(line(itemId, quantity));
        assertThat(result.unresolved()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2 veg samosa, 2", "veg samosa, 1", "3 samosas, 3", "one veg samosa 2 pcs, 1", "two veg samosas, 2"})
    void readsAPackSizeInTheNameAsPartOfTheItemNotTheCount(String utterance, int quantity) throws Exception {
        // the demo menu names it "Veg Samosa (2 pcs)": the bracketed count describes the item
        Menu menu;
        try (var in = getClass().getResourceAsStream("/demo/menu.json")) {
            menu = tools.jackson.databind.json.JsonMapper.builder().build().readValue(in.readAllBytes(), Menu.class);
        }
        ParseResult result = PARSER.parse(utterance, new MenuSnapshot("demo", 1, java.time.Instant.EPOCH, menu));
        assertThat(result.lines())
                .extracting(Line::itemId, Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("veg-samosa", quantity));
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void isLessSureOfAMisspelling() {
        assertThat(parse("2 margarita pizza").confidence()).isLessThan(1.0).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @CsvSource({
        "a couple of mango lassi, 2",
        "a dozen samosa, 12",
        "half a dozen samosa, 6",
        "twelve samosa, 12",
        "paanch samosa, 5",
        "das samosa, 10"
    })
    void readsQuantitiesAsWords(String utterance, int quantity) {
        assertThat(parse(utterance).lines()).extracting(Line::quantity).containsExactly(quantity);
    }

    @Test
    void asksWhichChickenWhenSeveralDishesFit() {
        ParseResult result = parse("2 chicken");

        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines()).isEmpty();
        assertThat(result.unresolved())
                .containsExactly(new Unresolved(
                        "chicken",
                        Reason.AMBIGUOUS,
                        List.of(
                                "chicken_tikka",
                                "chicken_65",
                                "butter_chicken",
                                "chicken_tikka_masala",
                                "chilli_chicken",
                                "chicken_biryani")));
    }

    @Test
    void takesAPartOfANameThatOnlyOneItemHas() {
        assertThat(parse("1 palak").lines()).containsExactly(line("palak_paneer", 1));
    }

    @Test
    void reportsAnUnknownCountedItemWithTheClosestOnes() {
        ParseResult result = parse("2 mango kulfi and 3 sushi");

        assertThat(result.lines()).isEmpty();
        assertThat(result.unresolved())
                .extracting(Unresolved::reason)
                .containsExactly(Reason.UNKNOWN_ITEM, Reason.UNKNOWN_ITEM);
        assertThat(result.unresolved()).extracting(Unresolved::span).containsExactly("mango kulfi", "sushi");
        assertThat(result.unresolved().getFirst().candidates()).contains("mango_lassi");
    }

    @Test
    void reportsAnUnknownItemNextToAKnownOne() {
        ParseResult result = parse("2 butter naan and 3 tacos");

        assertThat(result.lines()).containsExactly(line("butter_naan", 2));
        assertThat(result.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(Reason.UNKNOWN_ITEM);
            assertThat(u.span()).isEqualTo("tacos");
        });
    }

    @Test
    void offersWhatIsAvailableInsteadOfAnUnavailableItem() {
        ParseResult result = parse("one fish curry");

        assertThat(result.lines()).isEmpty();
        assertThat(result.unresolved())
                .containsExactly(new Unresolved(
                        "fish curry",
                        Reason.UNAVAILABLE,
                        List.of(
                                "butter_chicken",
                                "chicken_tikka_masala",
                                "chilli_chicken",
                                "paneer_butter_masala",
                                "palak_paneer")));
    }

    @Test
    void keepsThePizzaButReportsAnUnavailableTopping() {
        ParseResult result = parse("margherita with olives");

        assertThat(result.lines()).containsExactly(line("margherita_pizza", 1));
        assertThat(result.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(u.span()).isEqualTo("olives");
            assertThat(u.candidates()).containsExactly("cheese", "onions", "pepperoni", "jalapenos");
        });
    }

    @Test
    void keepsALineWithARequiredChoiceMissingAndAsksForIt() {
        ParseResult result = parse("2 chicken biryani");

        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines()).containsExactly(line("chicken_biryani", 2));
        assertThat(result.unresolved())
                .containsExactly(new Unresolved("chicken biryani", Reason.MISSING_CHOICE, List.of("half", "full")));
    }

    @Test
    void needsNoQuestionWhenTheChoiceIsMade() {
        ParseResult result = parse("2 full chicken biryani");

        assertThat(result.lines())
                .containsExactly(line("chicken_biryani", 2, new ChosenOption("portion", "full", null)));
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void leavesADefaultedChoiceToTheMenu() {
        assertThat(parse("1 pepperoni pizza").unresolved()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "yes, CONFIRM",
        "Yes please!, CONFIRM",
        "haan, CONFIRM",
        "👍, CONFIRM",
        "ok confirm, CONFIRM",
        "where is my order?, STATUS",
        "order status, STATUS",
        "cancel my order, CANCEL",
        "clear cart, CANCEL",
        "what do you have, MENU",
        "menu please, MENU",
        "hi, GREETING",
        "Namaste 🙏, GREETING",
        "help, HELP",
        "the weather is nice, OTHER"
    })
    void recognisesIntentsWithoutItems(String utterance, Intent intent) {
        ParseResult result = parse(utterance);
        assertThat(result.intent()).isEqualTo(intent);
        assertThat(result.lines()).isEmpty();
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void readsAQuestionAboutAnOrderedDishAsStatus() {
        ParseResult result = parse("where is my butter chicken??");
        assertThat(result.intent()).isEqualTo(Intent.STATUS);
        assertThat(result.lines()).isEmpty();
    }

    @Test
    void readsRemovalOfAnItem() {
        assertThat(parse("remove the coke")).satisfies(r -> {
            assertThat(r.intent()).isEqualTo(Intent.REMOVE);
            assertThat(r.lines()).containsExactly(line("coke", 1));
        });
        assertThat(parse("no coke")).satisfies(r -> {
            assertThat(r.intent()).isEqualTo(Intent.REMOVE);
            assertThat(r.lines()).containsExactly(line("coke", 1));
        });
    }

    @Test
    void ordersWhatIsWantedAndNotWhatIsRefused() {
        ParseResult result = parse("2 butter naan, no coke");
        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines()).containsExactly(line("butter_naan", 2));
    }

    @Test
    void readsAnOrderWrappedInChatter() {
        ParseResult result = parse("Hi! Can I get 2 Butter Chicken 🙂 and 4 tandoori rotis pls");
        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines()).containsExactly(line("butter_chicken", 2), line("tandoori_roti", 4));
    }

    @Test
    void doesNotCountADoThatIsNotANumber() {
        ParseResult result = parse("do you have chicken 65");
        assertThat(result.lines()).containsExactly(line("chicken_65", 1));
    }

    @Test
    void readsCountsAfterTheItem() {
        assertThat(parse("butter chicken x2, garlic naan 3").lines())
                .containsExactly(line("butter_chicken", 2), line("garlic_naan", 3));
    }

    @Test
    void readsCountsAfterEachItemWhenTheMessageStartsThatWay() {
        assertThat(parse("garlic naan 2 butter naan 3").lines())
                .containsExactly(line("garlic_naan", 2), line("butter_naan", 3));
    }

    @Test
    void findsTheItemFromItsOptionsWhenItIsNotNamed() {
        ParseResult result = parse("one large pepperoni and one small margherita with jalapenos");

        assertThat(result.lines())
                .containsExactly(
                        line("pepperoni_pizza", 1, new ChosenOption("size", "large", null)),
                        line(
                                "margherita_pizza",
                                1,
                                new ChosenOption("size", "small", null),
                                new ChosenOption("toppings", "jalapenos", null)));
        assertThat(PARSER.parse("two large pepperonis", Menus.snapshot(Menus.sample()))
                        .lines())
                .containsExactly(line(
                        "pizza",
                        2,
                        new ChosenOption("size", "large", null),
                        new ChosenOption("toppings", "pepperoni", null)));
    }

    @Test
    void ordersNothingForOptionsAlone() {
        ParseResult result = parse("no onions");
        assertThat(result.lines()).isEmpty();
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void reportsAnItemTheMenuLacksEvenWhenItSharesAWord() {
        assertThat(parse("2 chicken wings").unresolved()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(Reason.UNKNOWN_ITEM);
            assertThat(u.span()).isEqualTo("chicken wings");
        });
    }

    @Test
    void returnsOtherForAnEmptyMessage() {
        assertThat(parse("  ?! ").intent()).isEqualTo(Intent.OTHER);
    }

    @Test
    void worksOnAnyMenuNotJustOne() {
        ParseResult result = PARSER.parse("2 pies, large with extra onion", Menus.snapshot(Menus.sample()));
        assertThat(result.lines())
                .containsExactly(line(
                        "pizza",
                        2,
                        new ChosenOption("size", "large", null),
                        new ChosenOption("toppings", "onions", Qualifier.EXTRA)));
    }

    @Test
    void findsMisspelledItemsOnALargeMenu() {
        MenuSnapshot large = Menus.snapshot(Menus.large(200));

        assertThat(PARSER.parse("3 muton korma", large).lines())
                .extracting(Line::itemId)
                .containsExactly("x80");
    }
    // --- option lists, negation scope, articles and everyday words (measured with nlu-eval) ---

    /** A venue whose drinks are one item with a drink-type choice, as FoodOrdering-style menus have. */
    private static final MenuSnapshot VENUE = Menus.snapshot(new Menu(
            "USD",
            List.of(new Menu.Category(
                    "All",
                    List.of(
                            new Menu.Item(
                                    "drink",
                                    "drink",
                                    List.of(),
                                    null,
                                    200L,
                                    List.of(),
                                    true,
                                    List.of(
                                            new Menu.OptionGroup(
                                                    "type",
                                                    "Type",
                                                    0,
                                                    1,
                                                    List.of(),
                                                    List.of(
                                                            new Menu.Option("coke", "coke", 0L, List.of(), null, null),
                                                            new Menu.Option(
                                                                    "water",
                                                                    "water",
                                                                    0L,
                                                                    List.of("bottled water"),
                                                                    null,
                                                                    null),
                                                            new Menu.Option(
                                                                    "sprite", "sprite", 0L, List.of(), null, null))),
                                            new Menu.OptionGroup(
                                                    "container",
                                                    "Container",
                                                    0,
                                                    1,
                                                    List.of(),
                                                    List.of(
                                                            new Menu.Option("can", "can", 0L, List.of(), null, null),
                                                            new Menu.Option(
                                                                    "bottle", "bottle", 0L, List.of(), null, null))))),
                            new Menu.Item(
                                    "burrito",
                                    "burrito",
                                    List.of(),
                                    null,
                                    900L,
                                    List.of(),
                                    true,
                                    List.of(new Menu.OptionGroup(
                                            "filling",
                                            "Filling",
                                            0,
                                            3,
                                            List.of("extra", "light", "no"),
                                            List.of(
                                                    new Menu.Option("chicken", "chicken", 0L, List.of(), null, null),
                                                    new Menu.Option("beans", "beans", 0L, List.of(), null, null),
                                                    new Menu.Option("rice", "rice", 0L, List.of(), null, null))))))))));

    @Test
    void givesAListOfOptionsBeforeTheItemToThatItem() {
        assertThat(parse("a large onion and jalapeno margherita").lines())
                .containsExactly(line(
                        "margherita_pizza",
                        1,
                        new ChosenOption("size", "large", null),
                        new ChosenOption("toppings", "onions", null),
                        new ChosenOption("toppings", "jalapenos", null)));
    }

    @Test
    void carriesANegationOverOr() {
        assertThat(parse("margherita with no onions or jalapenos").lines())
                .containsExactly(line(
                        "margherita_pizza",
                        1,
                        new ChosenOption("toppings", "onions", Qualifier.NO),
                        new ChosenOption("toppings", "jalapenos", Qualifier.NO)));
        // over "and" too when the list is of one kind: reading jalapenos as wanted would guess an addition
        assertThat(parse("margherita with no onions and jalapenos").lines())
                .containsExactly(line(
                        "margherita_pizza",
                        1,
                        new ChosenOption("toppings", "onions", Qualifier.NO),
                        new ChosenOption("toppings", "jalapenos", Qualifier.NO)));
        // but not over a qualifier or into another group: "no onions and a large" keeps the size
        assertThat(parse("margherita with no onions and extra cheese, large").lines())
                .containsExactly(line(
                        "margherita_pizza",
                        1,
                        new ChosenOption("toppings", "onions", Qualifier.NO),
                        new ChosenOption("toppings", "cheese", Qualifier.EXTRA),
                        new ChosenOption("size", "large", null)));
    }

    @Test
    void addsNothingForADeclinedExtra() {
        // the cheese stays as it comes; the line says the extra was refused (as such, not as a note)
        assertThat(parse("margherita with onions and no extra cheese").lines())
                .containsExactly(new Line(
                        "margherita_pizza",
                        1,
                        List.of(new ChosenOption("toppings", "onions", null)),
                        null,
                        List.of(new ChosenOption("toppings", "cheese", Qualifier.EXTRA))));
    }

    @Test
    void readsLongerQualifierPhrasesBeforeNumberWords() {
        assertThat(parse("margherita with a lot of onions and a little jalapeno")
                        .lines())
                .containsExactly(line(
                        "margherita_pizza",
                        1,
                        new ChosenOption("toppings", "onions", Qualifier.EXTRA),
                        new ChosenOption("toppings", "jalapenos", Qualifier.LIGHT)));
        assertThat(parse("margherita but do not add any onions").lines())
                .containsExactly(line("margherita_pizza", 1, new ChosenOption("toppings", "onions", Qualifier.NO)));
    }

    @Test
    void keepsOrderingWhenRemovalWordsLeaveOutAnOption() {
        ParseResult result = parse("a margherita but i dont want onions");
        assertThat(result.intent()).isEqualTo(Intent.ORDER);
        assertThat(result.lines())
                .containsExactly(line("margherita_pizza", 1, new ChosenOption("toppings", "onions", Qualifier.NO)));
    }

    @Test
    void readsAnArticleBeforeAnOptionOfTheSameLineAsNoNewLine() {
        assertThat(parse("a margherita with onions and a large size").lines())
                .containsExactly(line(
                        "margherita_pizza",
                        1,
                        new ChosenOption("toppings", "onions", null),
                        new ChosenOption("size", "large", null)));
    }

    @Test
    void givesALateRefusalToTheLastLine() {
        assertThat(parse("one margherita and do me a favour, leave off the onions")
                        .lines())
                .containsExactly(line("margherita_pizza", 1, new ChosenOption("toppings", "onions", Qualifier.NO)));
    }

    @Test
    void ordersTheOnlyItemThatOffersAPlainlyNamedOption() {
        assertThat(PARSER.parse("two cokes and a sprite", VENUE).lines())
                .containsExactly(
                        line("drink", 2, new ChosenOption("type", "coke", null)),
                        line("drink", 1, new ChosenOption("type", "sprite", null)));
        assertThat(PARSER.parse("a chicken burrito and coke", VENUE).lines())
                .containsExactly(
                        line("burrito", 1, new ChosenOption("filling", "chicken", null)),
                        line("drink", 1, new ChosenOption("type", "coke", null)));
    }

    @Test
    void startsAnotherLineForASecondPickOfAOneChoiceGroup() {
        assertThat(PARSER.parse("coke sprite", VENUE).lines())
                .containsExactly(
                        line("drink", 1, new ChosenOption("type", "coke", null)),
                        line("drink", 1, new ChosenOption("type", "sprite", null)));
    }

    @Test
    void readsAnEverydayWordAsTheMenuWordOnlyWhenCounted() {
        assertThat(PARSER.parse("can i have a coke", VENUE).lines())
                .containsExactly(line("drink", 1, new ChosenOption("type", "coke", null)));
        assertThat(PARSER.parse("a can of coke", VENUE).lines())
                .containsExactly(line(
                        "drink",
                        1,
                        new ChosenOption("container", "can", null),
                        new ChosenOption("type", "coke", null)));
    }

    @Test
    void doesNotBendEverydayWordsIntoMenuWords() {
        assertThat(PARSER.parse("i wanted a burrito with rice", VENUE).lines())
                .containsExactly(line("burrito", 1, new ChosenOption("filling", "rice", null)));
    }

    @Test
    void readsTeenNumberWordsAndCountsThroughOfThe() {
        assertThat(PARSER.parse("fourteen burritos with chicken and two of the bottled water", VENUE)
                        .lines())
                .containsExactly(
                        line("burrito", 14, new ChosenOption("filling", "chicken", null)),
                        line("drink", 2, new ChosenOption("type", "water", null)));
    }
}
