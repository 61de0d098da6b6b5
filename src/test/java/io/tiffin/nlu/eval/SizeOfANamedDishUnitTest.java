package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A size said of one dish named again after "make the" ("a pizza with ham and a coke, make the pizza
 * large"): the size goes to that dish, not to the drink beside it, and no new dish is read. The size
 * after the dish was put before it first ("the large pizza"), which no dish said before was named.
 * Every row fails before the fix (skipped when the public data is absent).
 */
class SizeOfANamedDishUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        P | a medium pizza with ham and a coke, make the pizza large | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) ) (DRINKORDER (NUMBER 1 ) (DRINKTYPE COKE ) )
        P | a small pizza with bacon and a small coke, actually make the pizza medium | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING BACON ) ) (DRINKORDER (NUMBER 1 ) (SIZE SMALL ) (DRINKTYPE COKE ) )
        P | a pizza with ham and a pepsi, can you make the pizza large | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) ) (DRINKORDER (NUMBER 1 ) (DRINKTYPE PEPSI ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
