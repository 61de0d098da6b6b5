package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the ninth batch ({@code own-orders/batch9/}) found, each in phrasings of its
 * own, not the batch's: a count said after the item as "times" with a word for all of them after it
 * ("ham pizzas times two both small"), which lost the count; parts of a counted line named by
 * ordinals ("two small pizzas the first with olives and the second with ham"), which gave one line
 * every option; a change said after the dishes it changes ("make the hamburger with cheddar and
 * the milk large"), which ordered the dishes again; a second dish named only by a size and a kind
 * after a dish said in full ("a ham pizza for my dad and a small margherita"), which gave the first
 * pizza two sizes; a spelled count before "footlong" ("four footlong cold cut combos"), which was
 * lost. Read on the public menus where they lie (skipped when absent).
 */
class CountedPartsClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burger | double cheeseburgers times three all with bacon | (MAIN_DISH_ORDER (NUMBER 3 ) (MAIN_DISH_TYPE double_cheese_burger ) (TOPPING bacon ) )
        P | ham pizzas times two both small | (PIZZAORDER (NUMBER 2 ) (SIZE SMALL ) (TOPPING HAM ) )
        coffee | cappuccinos times three all decaf | (DRINK_ORDER (NUMBER 3 ) (STYLE decaf ) (DRINK_TYPE cappuccino ) )
        P | two small pizzas the first with olives and the second with ham | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING OLIVES ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) )
        burrito | three steak tacos, the first with corn salsa, the second with green salsa, the third with sour cream | (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (SALSA_TOPPING corn_salsa ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (SALSA_TOPPING green_chili_salsa ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (TOPPING sour_cream ) )
        sub | 2 tuna subs, the 1st with swiss and the 2nd with provolone | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING swiss ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (TOPPING provolone ) )
        burger | a hamburger and a milk, make the hamburger with cheddar and the milk large | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING cheddar ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE milk ) )
        coffee | an americano and an espresso, make the americano decaf | (DRINK_ORDER (NUMBER 1 ) (STYLE decaf ) (DRINK_TYPE americano ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE espresso ) )
        P | a small pizza and a medium pizza make the small one with ham and the medium one with olives | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING OLIVES ) )
        P | a ham pizza for my dad and a small margherita for my sister | (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (STYLE MARGHERITA ) )
        sub | four footlong cold cut combos with pickles | (SANDWICH_ORDER (NUMBER 4 ) (BASE_SANDWICH cold_cut_combo ) (TOPPING pickles ) )
        pizza | an onion pizza and i will have a small vegan | (PIZZAORDER (NUMBER 1 ) (TOPPING onions ) ) (PIZZAORDER (NUMBER 1 ) (SIZE small ) (STYLE vegan ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
