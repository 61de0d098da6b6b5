package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One phrasing of each class of language the parser learned from the sixth batch of own orders
 * ({@code own-orders/batch6/}) and the last failures of the fifth, said differently from the
 * batches: lists typed one entry a line or numbered inline, counts behind a dash or colon or
 * "qty", a thing taken back by name ("scratch the ..."), a count corrected by digits or a number
 * word that also opens an option's name, a size the menu does not sell ("14 inch"), two picks of
 * one group said together ("decaf skinny"), the first words of one option's name closing a part
 * of the message ("raspberry please", "a white chip macadamia"), idioms for every topping ("the
 * lot"), and "one with ..." after a line being another of it. {@code P} is the PIZZA catalogs, any
 * other name a FoodOrdering venue; a {@code \n} in the message is a new line.
 */
class ListedOrderClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | 1) small americano\\n2) iced latte, large | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE americano ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (STYLE iced ) (DRINK_TYPE latte ) )
        P | 1. small hawaiian\\n2. medium pizza w/ olives | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (STYLE HAWAIIAN ) ) (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING OLIVES ) )
        burger | * hamburger\\n* curly fries, large | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE large ) (SIDE_TYPE curly_fries ) )
        sub | 1) tuna 2) turkey | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) )
        burrito | steak tacos - 3, chicken bowl - 2 | (TACO_ORDER (NUMBER 3 ) (MAIN_FILLING steak ) ) (BURRITO_BOWL_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) )
        coffee | cappuccinos: 2 | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE cappuccino ) )
        burger | cheeseburger qty 4 | (MAIN_DISH_ORDER (NUMBER 4 ) (MAIN_DISH_TYPE cheese_burger ) )
        coffee | an espresso and 2 americanos, scratch the espresso | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE americano ) )
        P | a medium pizza with olives and bacon, actually scratch the olives | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING BACON ) )
        sub | a veggie with spinach and pickles, forget the pickles | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH veggie ) (TOPPING spinach ) )
        coffee | 2 cappuccinos, make that 3 | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE cappuccino ) )
        P | a small pepperoni pizza, actually make it two | (PIZZAORDER (NUMBER 2 ) (SIZE SMALL ) (TOPPING PEPPERONI ) )
        P | 14 inch pizza with bacon | (PIZZAORDER (NUMBER 1 ) (TOPPING BACON ) )
        coffee | a skinny iced cappuccino | (DRINK_ORDER (NUMBER 1 ) (STYLE skinny ) (STYLE iced ) (DRINK_TYPE cappuccino ) )
        coffee | a large cappuccino with caramel thanks | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE cappuccino ) (TOPPING caramel_syrup ) )
        sub | a cold cut combo and an oatmeal please | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH cold_cut_combo ) ) (SIDE_ORDER (NUMBER 1 ) (SIDE_TYPE oatmeal_raisin ) )
        burger | a cheeseburger with all the fixings | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING all_toppings ) )
        coffee | a latte with hazelnut and one for my husband with honey | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING hazelnut_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING honey ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance.replace("\\n", "\n"), expected);
    }
}
