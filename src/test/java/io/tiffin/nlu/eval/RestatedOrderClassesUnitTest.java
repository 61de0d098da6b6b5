package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the eleventh batch ({@code own-orders/batch11/}) found, each in phrasings of
 * its own, not the batch's: a dish said again with a new size or count after a restart word
 * ("small sweet potato fries, sorry, medium sweet potato fries"), which kept both; a pick of two
 * words taken back ("white rice no wait cauliflower rice"), which kept the first word; "veg" for
 * veggie in Indian English, which read as a topping or nothing; a line repeated unchanged by
 * same-again words ("same again", "same for my wife"), which gave two lines of one instead of
 * one of two. The last two rows read right before and must stay so: the same with a change is
 * another line, and a restart before a refusal is no correction. Read on the public menus where
 * they lie (skipped when absent).
 */
class RestatedOrderClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burger | small sweet potato fries, sorry, medium sweet potato fries | (SIDE_ORDER (NUMBER 1 ) (SIZE medium ) (SIDE_TYPE sweet_potato_fries ) )
        burger | three vanilla shakes sorry four vanilla shakes | (DRINK_ORDER (NUMBER 4 ) (DRINK_TYPE vanilla_shake ) )
        burrito | a steak bowl with white rice no wait cauliflower rice | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (RICE_FILLING cauliflower_rice ) )
        burrito | a veg quesadilla and a chicken taco | (QUESADILLA_ORDER (NUMBER 1 ) (MAIN_FILLING veggie ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        sub | two veg subs with spinach | (SANDWICH_ORDER (NUMBER 2 ) (BASE_SANDWICH veggie ) (TOPPING spinach ) )
        P | a large veg pizza with extra olives | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (STYLE VEGETARIAN ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING OLIVES ) ) )
        coffee | a small americano with honey, same for my wife | (DRINK_ORDER (NUMBER 2 ) (SIZE small ) (DRINK_TYPE americano ) (TOPPING honey ) )
        sub | a tuna sub with pickles, same again | (SANDWICH_ORDER (NUMBER 2 ) (BASE_SANDWICH tuna ) (TOPPING pickles ) )
        burger | a hamburger with bacon and the same with cheddar | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING bacon ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING bacon ) (TOPPING cheddar ) )
        burger | a cheeseburger, sorry, no pickles | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (NOT (TOPPING pickle ) ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
