package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Restarts by voice the ninth batch ({@code own-orders/batch9/}) found, in phrasings of its own: a
 * bare "no" (or "sorry") between two counts ("two no three pizzas"), between an article with a size
 * and an article with a size ("a small no a medium pizza"), or between two dishes ("a tuna no a cold
 * cut combo"), which lost the size or the count, or ordered both dishes. "no" before anything else
 * still refuses ("a large pizza no onions", "with ham no olives"). Read on the public menus where
 * they lie (skipped when absent).
 */
class SpokenRestartsClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        P | a small no a medium pizza with ham | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING HAM ) )
        P | um a small no a large pizza with uh ham | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) )
        P | two no three pizzas with ham | (PIZZAORDER (NUMBER 3 ) (TOPPING HAM ) )
        P | two sorry three pizzas with olives | (PIZZAORDER (NUMBER 3 ) (TOPPING OLIVES ) )
        coffee | three no four cappuccinos | (DRINK_ORDER (NUMBER 4 ) (DRINK_TYPE cappuccino ) )
        sub | a tuna no a cold cut combo with swiss | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH cold_cut_combo ) (TOPPING swiss ) )
        burger | a hamburger and a small no a large milk | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE milk ) )
        burger | a cheeseburger no a hamburger with lettuce | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING lettuce ) )
        P | a large pizza no onions | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (NOT (TOPPING ONIONS ) ) )
        P | a pizza with ham no olives | (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) (NOT (TOPPING OLIVES ) ) )
        sub | a tuna no onions | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (NOT (TOPPING red_onions ) ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
