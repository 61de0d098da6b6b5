package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.MenuSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the ninth batch ({@code own-orders/batch9/}) left, in phrasings of their own:
 * a degree word before a drink option ("light ice", "extra foam", "extra hot"), read as a roast and a
 * second drink or as a hot chocolate; parts of a count each with its own option joined by nothing
 * ("3 tacos one steak one chicken one carnitas"), read as one line with every option; a change that
 * names an option group ("make the bread rye", "make the cheese swiss"), which added a pick instead of
 * replacing the group's. On the public menus where they lie (skipped when absent) and on a counter
 * menu of this project's own with the option groups such shops have (milk, temperature, ice, foam,
 * bread, cheese, filling), each line written {@code count item(group=option ...)}.
 */
class DegreeSplitRegroupClassesUnitTest {

    private static final MenuSnapshot COUNTER = OwnMenuLines.menu("nlu/counter-menu.json");

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | a large cappuccino light foam and a small americano | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE cappuccino ) (COMPLEX (QUANTITY light ) (TOPPING foam ) ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE americano ) )
        coffee | two small lattes extra foam | (DRINK_ORDER (NUMBER 2 ) (SIZE small ) (DRINK_TYPE latte ) (COMPLEX (QUANTITY extra ) (TOPPING foam ) ) )
        coffee | an iced americano light ice please | (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE americano ) )
        coffee | a medium latte extra hot with vanilla | (DRINK_ORDER (NUMBER 1 ) (SIZE regular ) (DRINK_TYPE latte ) (TOPPING vanilla_syrup ) )
        coffee | a cappuccino no foam extra hot | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (NOT (TOPPING foam ) ) )
        coffee | 3 cappuccinos one w cinnamon one w honey one w whipped cream | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING cinnamon ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING honey ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING whipped_cream ) )
        coffee | an americano with light ice and a cappuccino extra foam | (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE americano ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (COMPLEX (QUANTITY extra ) (TOPPING foam ) ) )
        coffee | a large cappuccino extra hot three shots caramel | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE cappuccino ) (TOPPING (ESPRESSO_SHOT 3 ) ) (TOPPING caramel_syrup ) )
        coffee | a small hot chocolate and a large latte extra hot | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE hot_chocolate ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) )
        coffee | 2 espressos one w honey one w cinnamon | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE espresso ) (TOPPING honey ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE espresso ) (TOPPING cinnamon ) )
        burrito | two quesadillas one w steak one w chicken | (QUESADILLA_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (QUESADILLA_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        burrito | 3 tacos one carnitas one barbacoa one chicken | (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING carnitas ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING barbacoa ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        burrito | two burrito bowls one with steak one with sofritas | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING tofu ) )
        sub | two tuna subs one w swiss one w provolone | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING swiss ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING provolone ) )
        sub | a meatball marinara with cheese, make the cheese pepperjack | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH meatball_marinara ) (TOPPING pepperjack ) )
        sub | a tuna with lettuce make the bread rye and the cheese swiss | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING lettuce ) (TOPPING swiss ) )
        """)
    void readsTheClassOnPublicMenus(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a large latte with oat milk extra hot                    | 1 latte(milk=oat size=large temperature=extra-hot)
        an iced latte light ice                                  | 1 latte(ice=light ice temperature=iced)
        a cappuccino extra foam and an americano light ice       | 1 cappuccino(foam=extra foam), 1 americano(ice=light ice)
        a latte extra hot no foam                                | 1 latte(foam=no foam temperature=extra-hot)
        an americano extra hot and a hot chocolate               | 1 americano(temperature=extra-hot), 1 hot-chocolate
        2 lattes one oat one almond                              | 1 latte(milk=oat), 1 latte(milk=almond)
        three turkey subs one on wheat one on white one on rye   | 1 turkey-sub(bread=wheat), 1 turkey-sub(bread=white), 1 turkey-sub(bread=rye)
        4 burritos 2 chicken 1 steak 1 carnitas                   | 2 burrito(filling=chicken), 1 burrito(filling=steak), 1 burrito(filling=carnitas)
        a turkey sub on white with american, make the bread wheat | 1 turkey-sub(bread=wheat cheese=american)
        a ham sub on rye with swiss make the bread white and the cheese provolone | 1 ham-sub(bread=white cheese=provolone)
        a large latte with whole milk, make the milk soy         | 1 latte(milk=soy size=large)
        2 turkey subs with american make the cheese swiss        | 2 turkey-sub(cheese=swiss)
        2 iced lattes one w hazelnut one w vanilla               | 1 latte(syrup=hazelnut temperature=iced), 1 latte(syrup=vanilla temperature=iced)
        """)
    void readsTheClassOnACounterMenu(String utterance, String lines) {
        assertThat(OwnMenuLines.read(COUNTER, utterance)).isEqualTo(OwnMenuLines.sorted(lines));
    }
}
