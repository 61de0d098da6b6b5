package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the eleventh batch ({@code own-orders/batch11/}) still left, each in phrasings
 * of its own across several public menus (skipped when absent): a correction that makes a dish said
 * before another dish ("a coke, no wait make the coke a diet coke"), which added the new one beside
 * it; a correction that gives a dish said before a count ("two sprites and a tuna sub, actually make
 * that three sprites", "a large latte, actually make that two"), which added a second line or was
 * lost; a second dish named by a style alone for another person ("a pepperoni for me and a thin
 * crust for my husband"), which joined the first; a name no list holds after "for" at the end of a
 * line ("a turkey sub for olivia", "... for rica"), read as the option it is a slip from.
 * Rows that read right before are guards and must stay so: "a cheeseburger and a coke, actually make
 * that two", one pizza for "a pepperoni and a thin crust" with no person named, "a latte for
 * siobhan", "olive" where the menu sells olives, and a counted list after a plural dish and a colon.
 */
class EleventhBatchLeftoversUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burger | a coke, no wait make the coke a diet coke | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE diet_coke ) )
        burger | a cheeseburger and a coke, sorry, make the coke a diet coke | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE diet_coke ) )
        burger | a large coke no wait make the coke a diet coke | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE diet_coke ) )
        burger | a hamburger, actually make the hamburger a cheeseburger | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) )
        sub | a turkey sub and a coke, actually make the coke a sprite | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE sprite ) )
        sub | two sprites and a tuna sub actually make that three sprites | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE sprite ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) )
        sub | two sprites... actually make that three sprites | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE sprite ) )
        coffee | a large latte, actually make that two | (DRINK_ORDER (NUMBER 2 ) (SIZE large ) (DRINK_TYPE latte ) )
        coffee | a latte and an americano, actually make that two americanos | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE americano ) )
        coffee | two lattes and a cappuccino, sorry make that three lattes | (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) )
        burger | a cheeseburger and a coke, actually make that two | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE coca_cola ) )
        P | a pepperoni for me and a thin crust for my husband | (PIZZAORDER (NUMBER 1 ) (TOPPING PEPPERONI ) ) (PIZZAORDER (NUMBER 1 ) (STYLE THIN_CRUST ) )
        P | a sausage pizza for me and a deep dish for my daughter | (PIZZAORDER (NUMBER 1 ) (TOPPING SAUSAGE ) ) (PIZZAORDER (NUMBER 1 ) (STYLE DEEP_DISH ) )
        P | a thin crust for me and a pepperoni for my husband | (PIZZAORDER (NUMBER 1 ) (STYLE THIN_CRUST ) ) (PIZZAORDER (NUMBER 1 ) (TOPPING PEPPERONI ) )
        pizza | a pepperoni for me and a thin crust for my husband | (PIZZAORDER (NUMBER 1 ) (TOPPING pepperoni ) ) (PIZZAORDER (NUMBER 1 ) (STYLE thin_crust ) )
        pizza | a sausage pizza for me, and a stuffed crust for my son | (PIZZAORDER (NUMBER 1 ) (TOPPING sausage ) ) (PIZZAORDER (NUMBER 1 ) (STYLE stuffed_crust ) )
        P | a pepperoni and a thin crust | (PIZZAORDER (NUMBER 1 ) (TOPPING PEPPERONI ) (STYLE THIN_CRUST ) )
        sub | a turkey sub for olivia | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) )
        sub | a turkey sub for olivia and a tuna sub for me | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) )
        burrito | a chicken burrito for rica | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) )
        P | a large pizza for peppa please | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) )
        P | a pizza with onions for bea, and a coke | (PIZZAORDER (NUMBER 1 ) (TOPPING ONIONS ) ) (DRINKORDER (NUMBER 1 ) (DRINKTYPE COKE ) )
        coffee | a latte for siobhan | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) )
        P | a pepperoni pizza for olive | (PIZZAORDER (NUMBER 1 ) (TOPPING PEPPERONI ) (TOPPING OLIVES ) )
        sub | subs: 2 turkey, 1 tuna | (SANDWICH_ORDER (NUMBER 2 ) (BASE_SANDWICH turkey_breast ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) )
        burrito | bowls: 1 chicken, 2 steak | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) ) (BURRITO_BOWL_ORDER (NUMBER 2 ) (MAIN_FILLING steak ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
