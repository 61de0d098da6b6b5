package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One phrasing of each class of language the parser learned from the seventh batch of own orders
 * ({@code own-orders/batch7/}), said differently from the batch: "one each of" a list (a head noun
 * after the last member and a pick after the list going to every member), a part of a counted
 * split said in words no menu names ("one plain", "one black"), words of other Englishes for a
 * food the menu names in its own words ("chips", "crisps", "capsicum", "prawns", "rocket"), more
 * words of degree ("heaps of", "tons of"), a container before a drink on a menu that sells none
 * ("two bottles of"), and a dish named by one word of its name before "one" ("the teriyaki one").
 * {@code P} is the PIZZA catalogs, any other name a FoodOrdering venue.
 */
class GroupOrderClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burrito | one each of carnitas and tofu burritos | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING carnitas ) ) (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING tofu ) )
        burrito | one each of chicken and barbacoa bowls with brown rice | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (RICE_FILLING brown_rice ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING barbacoa ) (RICE_FILLING brown_rice ) )
        P | one each of the vegan and the meat lovers, small | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (STYLE VEGAN ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (STYLE MEAT_LOVER ) )
        sub | one each of the tuna, the veggie and the italian | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH veggie ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH italian ) )
        burger | two cheeseburgers, one plain and one with bacon | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING bacon ) )
        coffee | 2 americanos one with honey and one black | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) (TOPPING honey ) )
        P | three small pizzas one ordinary one with olives and one with ham | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING OLIVES ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING HAM ) )
        burger | a cheeseburger and chips | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (SIDE_ORDER (NUMBER 1 ) (SIDE_TYPE french_fries ) )
        sub | a tuna sub and some crisps | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH tuna ) ) (SIDE_ORDER (NUMBER 1 ) (SIDE_TYPE lays_classic ) )
        sub | a veggie with capsicum and spinach | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH veggie ) (TOPPING green_peppers ) (TOPPING spinach ) )
        P | a large pizza with prawns and rocket | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING SHRIMPS ) (TOPPING ARUGULA ) )
        burrito | a chicken bowl with tons of cheese | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (COMPLEX (QUANTITY extra ) (TOPPING cheese ) ) )
        P | a medium pizza with heaps of onions | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING ONIONS ) ) )
        burger | a hamburger and two bottles of dr pepper | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE dr_pepper ) )
        sub | the teriyaki one please | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH sweet_onion_chicken_teriyaki ) )
        burger | two cheeseburgers and a chicken one | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE cheese_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE chicken_sandwich ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
