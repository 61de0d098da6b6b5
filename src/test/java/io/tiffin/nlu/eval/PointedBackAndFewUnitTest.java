package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the twelfth batch ({@code own-orders/batch12/}) found, each in phrasings of its
 * own, not the batch's: options said after both dishes and pointed back at one by its name or size
 * ("a hamburger and a cheeseburger, no pickles on the hamburger and bacon on the cheeseburger", "the
 * americano iced and the cappuccino with cinnamon"), which made lines of their own; "a few" as
 * three, which counted one; a count after a dish named once ("turkey sub, two of them, with
 * lettuce"), which counted one. Rows that read right before must stay so: an option put "on a" new
 * dish, "make the fries large", a count split by "two of them iced". Read on the public menus where
 * they lie (skipped when absent). {@code P} is the PIZZA catalogs, any other name a FoodOrdering venue.
 */
class PointedBackAndFewUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | a cappuccino and an americano, the americano iced and the cappuccino with cinnamon | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING cinnamon ) ) (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE americano ) )
        burger | a hamburger and a cheeseburger, no pickles on the hamburger and bacon on the cheeseburger | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (NOT (TOPPING pickle ) ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING bacon ) )
        sub | a tuna sub and a turkey sub, swiss on the turkey | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) (TOPPING swiss ) )
        P | a small pizza and a large pizza, ham on the small and olives on the large | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING OLIVES ) )
        pizza | a medium pizza with ham and a coke, extra cheese on my pizza please | (PIZZAORDER (NUMBER 1 ) (SIZE medium ) (TOPPING ham ) (COMPLEX (QUANTITY extra ) (TOPPING cheese ) ) ) (DRINKORDER (NUMBER 1 ) (DRINKTYPE coke ) )
        burrito | two tacos with chicken and one with steak, and the steak one with corn salsa | (TACO_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (SALSA_TOPPING corn_salsa ) )
        P | pepperoni on a large pizza and a coke | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING PEPPERONI ) ) (DRINKORDER (NUMBER 1 ) (DRINKTYPE COKE ) )
        burger | a cheeseburger and fries, make the fries large | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE large ) (SIDE_TYPE french_fries ) )
        coffee | a few lattes | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE latte ) )
        burger | a few cheeseburgers and a few cokes | (MAIN_DISH_ORDER (NUMBER 3 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE coca_cola ) )
        P | a few large pizzas with mushrooms | (PIZZAORDER (NUMBER 3 ) (SIZE LARGE ) (TOPPING MUSHROOMS ) )
        sub | a few oatmeal cookies | (SIDE_ORDER (NUMBER 3 ) (SIDE_TYPE oatmeal_raisin ) )
        sub | turkey sub, two of them, with lettuce | (SANDWICH_ORDER (NUMBER 2 ) (BASE_SANDWICH turkey_breast ) (TOPPING lettuce ) )
        burrito | chicken burrito, four of them | (BURRITO_ORDER (NUMBER 4 ) (MAIN_FILLING chicken ) )
        coffee | a large latte, two of them, and an espresso | (DRINK_ORDER (NUMBER 2 ) (SIZE large ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE espresso ) )
        P | medium pizza with ham, three of them | (PIZZAORDER (NUMBER 3 ) (SIZE MEDIUM ) (TOPPING HAM ) )
        coffee | three lattes, two of them iced | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 2 ) (STYLE iced ) (DRINK_TYPE latte ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
