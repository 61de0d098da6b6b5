package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the fourteenth batch ({@code own-orders/batch14/}) found, each in phrasings of
 * its own across several public menus (skipped when absent): an interjection after a comma ("oh",
 * "ooh") bent into a menu word; a pick taken back by a wider word refused after a correction
 * ("green peppers, actually no peppers"); picks said after a refusal and put in its place ("no mayo,
 * mustard instead"), which were refused too; "one more" or "another one" changed after "but", which
 * gave the change to the first line; a dish's one-pick option changed by "make the X ..." ("make the
 * pizzas large"), which kept the old pick beside the new; a correction said with "just" ("no wait,
 * just one extra shot"), which kept the old words; options put "in" a dish said before ("no onions in
 * the salad"), which made a second dish; "hot" in a part of a counted line followed by its options ("two lattes - one iced,
 * one hot with hazelnut"), which read hot chocolate. Every row fails on the branch start.
 */
class FourteenthBatchClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burger | a cheeseburger, oh and a coke | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE coca_cola ) )
        burger | two hamburgers, oh and no pickles on them | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE ham_burger ) (NOT (TOPPING pickle ) ) )
        burger | a chicken sandwich with lettuce, oh, and a large curly fries | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE chicken_sandwich ) (TOPPING lettuce ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE large ) (SIDE_TYPE curly_fries ) )
        P | a large pizza with green peppers, actually no peppers | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (NOT (TOPPING PEPPERS ) ) )
        pizza | a large pizza with green olives, sorry, no olives | (PIZZAORDER (NUMBER 1 ) (SIZE large ) (NOT (TOPPING olives ) ) )
        P | a medium pizza with kalamata olives and ham, no wait, no olives at all | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING HAM ) (NOT (TOPPING OLIVES ) ) )
        sub | an italian, hold the mayo, mustard in its place | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH italian ) (NOT (TOPPING regular_mayonnaise ) ) (TOPPING yellow_mustard ) )
        P | a large pizza, no onions, mushrooms instead | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (NOT (TOPPING ONIONS ) ) (TOPPING MUSHROOMS ) )
        burger | a cheeseburger, no mayo, mustard instead | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (NOT (TOPPING mayonnaise ) ) (TOPPING mustard ) )
        coffee | a latte, no vanilla, caramel syrup instead | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (NOT (TOPPING vanilla_syrup ) ) (TOPPING caramel_syrup ) )
        burrito | a chicken burrito with sour cream, no wait, no sour cream, guac instead | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (NOT (TOPPING sour_cream ) ) (TOPPING guacamole ) )
        coffee | a latte with vanilla and one more but decaf | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING vanilla_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (STYLE decaf ) (DRINK_TYPE latte ) (TOPPING vanilla_syrup ) )
        burger | a cheeseburger with bacon and one more for my wife but no onions | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING bacon ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING bacon ) (NOT (TOPPING onion ) ) )
        sub | an italian with oil and another one but no olives | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH italian ) (TOPPING oil ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH italian ) (TOPPING oil ) (NOT (TOPPING black_olives ) ) )
        coffee | a large americano with honey and one more for me but iced | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE americano ) (TOPPING honey ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (STYLE iced ) (DRINK_TYPE americano ) (TOPPING honey ) )
        P | two medium pizzas with ham and a coke, make the pizzas large | (PIZZAORDER (NUMBER 2 ) (SIZE LARGE ) (TOPPING HAM ) ) (DRINKORDER (NUMBER 1 ) (DRINKTYPE COKE ) )
        coffee | a small latte and an americano, make the latte large | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) )
        burger | two small fries and a coke, make the fries large | (SIDE_ORDER (NUMBER 2 ) (SIZE large ) (SIDE_TYPE french_fries ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE coca_cola ) )
        coffee | a small hot latte and a small espresso, make the latte iced and the espresso large | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (STYLE iced ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE espresso ) )
        coffee | an espresso with two extra shots, no wait, just one extra shot | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE espresso ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        burger | a hamburger with pickles, actually just ketchup | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING ketchup ) )
        sub | an italian with provolone, actually just swiss | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH italian ) (TOPPING swiss ) )
        P | a large pizza with ham, no wait just olives | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING OLIVES ) )
        burger | a hamburger and a salad, bacon in the salad | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE salad ) (TOPPING bacon ) )
        coffee | a latte and an americano, vanilla in the latte | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING vanilla_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) )
        sub | a turkey and a tuna, no onions in the tuna | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) (NOT (TOPPING red_onions ) ) )
        coffee | a small hot chocolate and a large latte, whipped cream in the hot chocolate | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE hot_chocolate ) (TOPPING whipped_cream ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) )
        coffee | two lattes - one iced with caramel syrup, one hot with hazelnut syrup | (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE latte ) (TOPPING caramel_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING hazelnut_syrup ) )
        coffee | 3 cappuccinos please - 1 hot with cinnamon, 2 iced | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING cinnamon ) ) (DRINK_ORDER (NUMBER 2 ) (STYLE iced ) (DRINK_TYPE cappuccino ) )
        coffee | four americanos, two hot with honey and two iced | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE americano ) (TOPPING honey ) ) (DRINK_ORDER (NUMBER 2 ) (STYLE iced ) (DRINK_TYPE americano ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
