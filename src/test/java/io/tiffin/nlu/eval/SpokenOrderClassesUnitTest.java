package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One phrasing of each class of spoken and chatty language the parser learned from the fifth batch
 * of own orders ({@code own-orders/batch5/}), said differently from the batch: fillers and thanks
 * that a typo reading must not bend into a menu word ("um" is not ham, "cheers" is not cheese), and
 * a question about the menu followed by an order that points back at it ("do you have X? if so a
 * latte with it", "if yes three please", "if not just a small latte"), and a refusal of a list
 * whose next member has its own article ("hold the cinnamon and the honey"); an order typed as a question
 * ("can i get a latte?") stays an order. Read on the public catalogs where they lie (skipped when
 * absent) and compared as whole trees. {@code P} is the PIZZA catalogs, any other name a
 * FoodOrdering venue.
 */
class SpokenOrderClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | erm a small americano | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE americano ) )
        P | hmm uh a small pizza with ham cheers | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) )
        sub | uhh a tuna sub, cheers | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) )
        burrito | do you guys have pinto beans? if so a steak burrito with them | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (BEAN_FILLING pinto_beans ) )
        burger | do you do chocolate shakes? if yes three please | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE chocolate_shake ) )
        coffee | do you have cinnamon dolce? if not just a small latte | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE latte ) )
        sub | any pepperjack? if so a turkey sub with it | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) (TOPPING pepperjack ) )
        P | do you have keto crust? then a medium pizza with that and mushrooms | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (STYLE KETO_CRUST ) (TOPPING MUSHROOMS ) )
        burger | a cheeseburger, and do you have root beer? one of those please | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE root_beer ) )
        coffee | is the americano strong? a small one with an extra shot | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE americano ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        P | are the meat lovers big? ill take a large one with extra bacon | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (STYLE MEAT_LOVER ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING BACON ) ) )
        coffee | a cappuccino, hold the cinnamon and the honey | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (NOT (TOPPING cinnamon ) ) (NOT (TOPPING honey ) ) )
        P | a large pizza with ham, no onions and the olives | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) (NOT (TOPPING ONIONS ) ) (NOT (TOPPING OLIVES ) ) )
        coffee | can i get a latte? and a small americano | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE americano ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
