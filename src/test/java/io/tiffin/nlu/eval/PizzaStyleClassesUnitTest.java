package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the seventh PIZZA-style batch found, each in phrasings of its own (not the
 * batch's): options said first and then put "on" an item ("ham and olives on a medium pizza", "no
 * peppers on my medium pizza"), where the "a" after "on" started a line of its own and a refusal
 * reached the size after "on"; decimal volumes ("7.5 fl oz"), whose whole part was read as the
 * count; and a size shared with "both" / "all" / "each" after a refusal ("... but no peppers all
 * medium"), which the refusal took; and "the works" put on a pizza named after it. Read on the PIZZA catalogs where they lie (skipped when absent).
 */
class PizzaStyleClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        P | could you put ham and olives on a medium pizza | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING HAM ) (TOPPING OLIVES ) )
        P | extra mushrooms on a large thin crust pizza | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (STYLE THIN_CRUST ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING MUSHROOMS ) ) )
        P | i'd like bacon on a small pie and two sprites | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING BACON ) ) (DRINKORDER (NUMBER 2 ) (DRINKTYPE SPRITE ) )
        P | no peppers on my medium pizza with sausage | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING SAUSAGE ) (NOT (TOPPING PEPPERS ) ) )
        P | hold the anchovies on my large supreme pizza | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (STYLE SUPREME ) (NOT (TOPPING ANCHOVIES ) ) )
        P | four 7.5 fl oz cans of ginger ale | (DRINKORDER (NUMBER 4 ) (VOLUME 7.5 FLOZ ) (CONTAINERTYPE CAN ) (DRINKTYPE GINGER_ALE ) )
        P | a 16.9 fl oz bottle of water and a small pizza | (DRINKORDER (NUMBER 1 ) (VOLUME 16.9 FLOZ ) (CONTAINERTYPE BOTTLE ) (DRINKTYPE WATER ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) )
        P | three pies with olives but no peppers all medium | (PIZZAORDER (NUMBER 3 ) (SIZE MEDIUM ) (TOPPING OLIVES ) (NOT (TOPPING PEPPERS ) ) )
        P | two pizzas with ham but no onions each large | (PIZZAORDER (NUMBER 2 ) (SIZE LARGE ) (TOPPING HAM ) (NOT (TOPPING ONIONS ) ) )
        P | put mushrooms onto a large pizza | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING MUSHROOMS ) )
        P | give me the works on a medium pie | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (STYLE ALL_TOPPINGS ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
