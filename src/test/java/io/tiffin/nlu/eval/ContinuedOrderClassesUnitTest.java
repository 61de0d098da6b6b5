package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language left after the seventh pass ({@code own-orders/batch7/}), each said
 * differently from the batch: a correction that names the item again by "one" ("an americano.
 * make it a large one with an extra shot" stays one americano, the shot on it), and how a dish is
 * cooked said with a word the menu sells as a size ("a cheeseburger medium well with ketchup": no
 * second size pick, the ketchup stays on the burger), a word that picks in two groups after a name
 * that already holds it ("a medium roast coffee, medium size": one coffee, its size), and a degree
 * said after its option ("with sour cream but not too much"). Every row fails without the change.
 * {@code P} is the PIZZA catalogs, any other name a FoodOrdering venue.
 */
class ContinuedOrderClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | can i get an americano. make it a large one with an extra shot | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) (SIZE large ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        coffee | a hot chocolate please. make that a small one with whipped cream | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE hot_chocolate ) (SIZE small ) (TOPPING whipped_cream ) )
        burger | a cheeseburger medium well with ketchup and a coke | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING ketchup ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE coca_cola ) )
        burger | a cheeseburger cooked medium rare with onions | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING onion ) )
        P | a large pizza medium well with ham | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) )
        coffee | a medium roast coffee in a medium | (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE medium_roast ) (DRINK_TYPE drip_coffee ) (SIZE regular ) )
        coffee | a medium roast coffee medium size | (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE medium_roast ) (DRINK_TYPE drip_coffee ) (SIZE regular ) )
        burrito | a chicken burrito with sour cream but not too much | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (COMPLEX (QUANTITY light ) (TOPPING sour_cream ) ) )
        P | a large pizza with onions but not too much | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (COMPLEX_TOPPING (QUANTITY LIGHT ) (TOPPING ONIONS ) ) )
        coffee | an americano with honey, not too much please | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) (COMPLEX (QUANTITY light ) (TOPPING honey ) ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
