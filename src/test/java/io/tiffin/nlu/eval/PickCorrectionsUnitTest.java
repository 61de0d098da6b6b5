package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corrections of a pick inside the message that batch 13 ({@code own-orders/batch13/}) found, in
 * phrasings of their own across several public menus (skipped when absent): the new pick linked by
 * "with" after the correction ("steak, no actually with chicken"), which kept the old pick and read
 * "no" as a refusal of the new one; a refusal taken back by naming what it refused ("no tomato,
 * actually tomato is fine"), which kept the refusal or added the option. Every row fails on the
 * branch start.
 */
class PickCorrectionsUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burrito | a chicken burrito with white rice, no wait with brown rice | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (RICE_FILLING brown_rice ) )
        burrito | a burrito bowl with steak and pinto beans, no actually with chicken | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (BEAN_FILLING pinto_beans ) )
        burger | a hamburger with lettuce, no actually with tomato | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING tomato ) )
        coffee | a large latte with vanilla syrup, sorry i mean with caramel syrup | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) (TOPPING caramel_syrup ) )
        sub | an italian sub with provolone, no wait with swiss | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH italian ) (TOPPING swiss ) )
        pizza | a medium pizza with ham, actually make it with bacon | (PIZZAORDER (NUMBER 1 ) (SIZE medium ) (TOPPING bacon ) )
        burrito | a chicken burrito with no sour cream, sour cream is fine actually, no cheese | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (NOT (TOPPING cheese ) ) )
        burger | a hamburger with no tomato, actually tomato is fine | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) )
        sub | a tuna sub, no onions, no olives, actually olives are fine | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (NOT (TOPPING red_onions ) ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
