package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the thirteenth batch ({@code own-orders/batch13/}) found, each in phrasings of
 * its own across several public menus (skipped when absent): "another one of those" after a dish
 * (one more of it, or with "but ..." one changed), which counted a line of no dish; a distributive
 * word said at length or with a count ("every one with", "each one with", "all three iced", "all 3
 * with"), which made a part of one or a line of no dish; options said after the last dish and
 * pointed back by "on both" / "on both of them" after a comma, which stayed on the last dish where a
 * menu makes its dishes picks. Every row fails on the branch start.
 */
class ThirteenthBatchClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | a large americano with honey and another one of those | (DRINK_ORDER (NUMBER 2 ) (SIZE large ) (DRINK_TYPE americano ) (TOPPING honey ) )
        sub | an italian sub with provolone, and another of those for my dad | (SANDWICH_ORDER (NUMBER 2 ) (BASE_SANDWICH italian ) (TOPPING provolone ) )
        burrito | a steak quesadilla and another one of those but with chicken | (QUESADILLA_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (QUESADILLA_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        P | a large pizza with olives and another one of them | (PIZZAORDER (NUMBER 2 ) (SIZE LARGE ) (TOPPING OLIVES ) )
        burger | a chicken sandwich with mayo and another one of those please | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE chicken_sandwich ) (TOPPING mayonnaise ) )
        burger | three hamburgers, every one with pickles | (MAIN_DISH_ORDER (NUMBER 3 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING pickle ) )
        coffee | a latte and two americanos, all three iced | (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 2 ) (STYLE iced ) (DRINK_TYPE americano ) )
        sub | four veggie subs, each one with spinach | (SANDWICH_ORDER (NUMBER 4 ) (BASE_SANDWICH veggie ) (TOPPING spinach ) )
        P | two small pizzas and a medium pizza, all 3 with ham | (PIZZAORDER (NUMBER 2 ) (SIZE SMALL ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING HAM ) )
        burger | a hamburger and a chicken sandwich, tomato on both | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING tomato ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE chicken_sandwich ) (TOPPING tomato ) )
        pizza | a small hawaiian and a medium margherita, extra cheese on both of them | (PIZZAORDER (NUMBER 1 ) (SIZE small ) (STYLE hawaiian ) (COMPLEX (QUANTITY extra ) (TOPPING cheese ) ) ) (PIZZAORDER (NUMBER 1 ) (SIZE medium ) (STYLE margherita ) (COMPLEX (QUANTITY extra ) (TOPPING cheese ) ) )
        coffee | a latte and a cappuccino, cinnamon on both | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING cinnamon ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING cinnamon ) )
        sub | a tuna and a ham, swiss and pickles on both | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING swiss ) (TOPPING pickles ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH black_forest_ham ) (TOPPING swiss ) (TOPPING pickles ) )
        P | a large pepperoni and a small sausage, extra cheese on both | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING PEPPERONI ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING SAUSAGE ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
