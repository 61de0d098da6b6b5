package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the eighth batch ({@code own-orders/batch8/}) found, each in phrasings of
 * its own, not the batch's: one option put in the place of another ("swiss instead of provolone",
 * "swap the olives for mushrooms"), where the option given up was ordered; counted picks sharing
 * the dish said last ("a small and a large sprite"), where every part but the last was lost; a
 * degree said as one word before the option ("heavy onions"); "hot" for the menu's spicy; a
 * question typed without its mark ("do you have anchovies if so ..."), whose subject was ordered;
 * a request said as a question ("could you do ...?"), which ordered nothing; pumps or a splash of
 * an option after a count ("3 pumps of raspberry syrup"), which started a line of their own; an
 * option served "on the side", which ordered an empty side where a menu names a side so; "four of
 * the same pie", which ordered nothing; short forms and idioms the lexicons lacked ("footlong",
 * "cap", "pep", "all the way"). Read on the public
 * menus where they lie (skipped when absent).
 */
class ChangedOptionClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        sub | a tuna with swiss instead of provolone | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING swiss ) (NOT (TOPPING provolone ) ) )
        burger | a chicken sandwich with mustard rather than mayo, and lettuce | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE chicken_sandwich ) (TOPPING mustard ) (NOT (TOPPING mayonnaise ) ) (TOPPING lettuce ) )
        P | a small pizza with ham and olives, swap the olives for mushrooms | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) (TOPPING MUSHROOMS ) )
        burrito | a steak bowl, replace the white rice with brown rice | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (RICE_FILLING brown_rice ) (NOT (RICE_FILLING white_rice ) ) )
        P | a medium pie with bbq sauce in place of tomato sauce | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING BBQ_SAUCE ) (NOT (TOPPING TOMATO_SAUCE ) ) )
        P | a small and a large sprite | (DRINKORDER (NUMBER 1 ) (SIZE SMALL ) (DRINKTYPE SPRITE ) ) (DRINKORDER (NUMBER 1 ) (SIZE LARGE ) (DRINKTYPE SPRITE ) )
        burger | a medium and a large fries please | (SIDE_ORDER (NUMBER 1 ) (SIZE medium ) (SIDE_TYPE french_fries ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE large ) (SIDE_TYPE french_fries ) )
        P | one small, one medium and one large pizza | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) ) (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) )
        coffee | a small and a large latte | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) )
        P | a small pizza with heavy onions | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING ONIONS ) ) )
        sub | a tuna with heavy mayo and light oil | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (COMPLEX (QUANTITY extra ) (TOPPING regular_mayonnaise ) ) (COMPLEX (QUANTITY light ) (TOPPING oil ) ) )
        burrito | a steak burrito with hot sauce | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (SALSA_TOPPING red_chili_salsa ) )
        burrito | two carnitas tacos with the hot salsa | (TACO_ORDER (NUMBER 2 ) (MAIN_FILLING carnitas ) (SALSA_TOPPING red_chili_salsa ) )
        P | do you have anchovies if so i want a small pizza with ham | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) )
        P | is the supreme big never mind give me a medium with olives | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING OLIVES ) )
        P | are your pies big ok i will take two small ones with ham | (PIZZAORDER (NUMBER 2 ) (SIZE SMALL ) (TOPPING HAM ) )
        burger | could you do a cheeseburger with no onions? and a vanilla shake too | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (NOT (TOPPING onion ) ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE vanilla_shake ) )
        coffee | an iced latte with 3 pumps of raspberry syrup | (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE latte ) (TOPPING raspberry_syrup ) )
        coffee | a cappuccino, one pump vanilla, and a small hot chocolate | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING vanilla_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE hot_chocolate ) )
        sub | a turkey with mustard on the side | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) (TOPPING yellow_mustard ) )
        burger | a hamburger, ketchup on the side, and a small fries | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING ketchup ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE small ) (SIDE_TYPE french_fries ) )
        sub | a tuna and chips on the side | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) ) (SIDE_ORDER (NUMBER 1 ) (SIDE_TYPE lays_classic ) )
        P | four of the same pie with extra cheese | (PIZZAORDER (NUMBER 4 ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) )
        sub | 3 footlong turkey breast subs with lettuce | (SANDWICH_ORDER (NUMBER 3 ) (BASE_SANDWICH turkey_breast ) (TOPPING lettuce ) )
        coffee | one lg cap and one sm latte | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE cappuccino ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE latte ) )
        P | two lg pep pizzas | (PIZZAORDER (NUMBER 2 ) (SIZE LARGE ) (TOPPING PEPPERONI ) )
        burger | two cheeseburgers all the way | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING all_toppings ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
