package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One phrasing of each class of chat typing the parser learned from the fourth batch of own orders
 * ({@code own-orders/batch4/}), said differently from the batch: short forms, slashes and signs,
 * counts after the item, corrections inside the message, a multiplier on a drink, the same item
 * said again after a comma. Read on the public catalogs where they lie (skipped when absent) and
 * compared as whole trees. {@code P} is the PIZZA catalogs, any other name a FoodOrdering venue.
 */
class TypedOrderClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        P | 1 xl pepp pizza w/ xtra mozz | (PIZZAORDER (NUMBER 1 ) (SIZE EXTRA_LARGE ) (TOPPING PEPPERONI ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING MOZZARELLA_CHEESE ) ) )
        P | sm pie w/o onions + a lg pie w/ ham | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (NOT (TOPPING ONIONS ) ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) )
        P | a med pizza and a medium pizza | (PIZZAORDER (NUMBER 1 ) (STYLE MEDITERRANEAN ) ) (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) )
        burger | a lil bit of ketchup on a cheeseburger | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (COMPLEX (QUANTITY light ) (TOPPING ketchup ) ) )
        sub | steak & cheese w/ lettuce | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH steak_and_cheese ) (TOPPING lettuce ) )
        sub | a tuna sub w/ mayo & pickles | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING regular_mayonnaise ) (TOPPING pickles ) )
        coffee | cappuccinos x3 | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE cappuccino ) )
        coffee | a dark roast coffee 2x, both decaf | (DRINK_ORDER (NUMBER 2 ) (ROAST_TYPE dark_roast ) (DRINK_TYPE drip_coffee ) (STYLE decaf ) )
        burrito | x2 carnitas tacos | (TACO_ORDER (NUMBER 2 ) (MAIN_FILLING carnitas ) )
        P | a medium, no sorry, a large pie with bacon | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING BACON ) )
        P | a pizza with ham, wait no, chicken | (PIZZAORDER (NUMBER 1 ) (TOPPING CHICKEN ) )
        P | a small pizza with olives and peppers, actually make it an extra large | (PIZZAORDER (NUMBER 1 ) (SIZE EXTRA_LARGE ) (TOPPING OLIVES ) (TOPPING PEPPERS ) )
        P | a pizza and make it large | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) )
        coffee | an americano, i mean a hot chocolate | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE hot_chocolate ) )
        burger | a small root beer no wait a medium root beer | (DRINK_ORDER (NUMBER 1 ) (SIZE medium ) (DRINK_TYPE root_beer ) )
        burrito | one steak taco, make that three | (TACO_ORDER (NUMBER 3 ) (MAIN_FILLING steak ) )
        burrito | a chicken salad, no, make it a bowl | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        coffee | two double cappuccinos | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE cappuccino ) (TOPPING (ESPRESSO_SHOT 2 ) ) )
        burger | a double cheeseburger | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE double_cheese_burger ) )
        burrito | steak taco and barbacoa taco | (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING barbacoa ) )
        burrito | tofu bowl, carnitas bowl and a chicken burrito | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING tofu ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING carnitas ) ) (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        P | a large pie with pesto and onions and ham pizza | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING PESTO ) (TOPPING ONIONS ) (TOPPING HAM ) )
        coffee | 3 large lattes and 1 small | (DRINK_ORDER (NUMBER 3 ) (SIZE large ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE latte ) )
        P | one small pizza with ham and a large | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) )
        burger | a medium lemonade, a pink lemonade | (DRINK_ORDER (NUMBER 1 ) (SIZE medium ) (DRINK_TYPE pink_lemonade ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE pink_lemonade ) )
        coffee | a cappuccino with 3 shots | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING (ESPRESSO_SHOT 3 ) ) )
        burger | 2 7ups and 2 burgers | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE seven_up ) ) (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE ham_burger ) )
        coffee | 2 regular drip | (DRINK_ORDER (NUMBER 2 ) (SIZE regular ) (DRINK_TYPE drip_coffee ) )
        coffee | a latte, no sugar, whipped cream | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING whipped_cream ) )
        sub | a turkey sub with olives, actually no olives | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) (NOT (TOPPING black_olives ) ) )
        burger | strawberry and chocolate shakes | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE strawberry_shake ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE chocolate_shake ) )
        P | a coke and two diet cokes | (DRINKORDER (NUMBER 1 ) (DRINKTYPE COKE ) ) (DRINKORDER (NUMBER 2 ) (DRINKTYPE DIET_COKE ) )
        coffee | a french roast coffee with honey, cinnamon | (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE french ) (DRINK_TYPE drip_coffee ) (TOPPING honey ) (TOPPING cinnamon ) )
        coffee | a dark roast coffee and a cinnamon roast coffee | (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE dark_roast ) (DRINK_TYPE drip_coffee ) ) (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE cinnamon_roast ) (DRINK_TYPE drip_coffee ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
