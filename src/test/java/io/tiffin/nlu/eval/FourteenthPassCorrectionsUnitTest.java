package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the thirteenth batch ({@code own-orders/batch13/}) left, each in phrasings of
 * its own across several public menus (skipped when absent): a line said again in full after "one
 * more", which made a second line; a treat word before an option ("a cheeky extra shot") and a
 * clause opened by "so" ("not too sweet, so just a little caramel"), which made a second drink; a
 * multiplier said again as the shots it stands for ("a double, two shots"), which made extra shots
 * or a second drink; a pick corrected with "with" ("barbacoa and fajita veggies, wait no with
 * carnitas", "caramel, actually no with hazelnut"), which kept the old pick or refused the new; one
 * count split over kinds of a group of one pick ("two drip coffees, dark roast and light roast", "2
 * burgers: a hamburger and a cheeseburger"), which kept the whole count on the first kind. Every row
 * fails on the branch start.
 */
class FourteenthPassCorrectionsUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        coffee | a large iced americano, a small hot chocolate and one more large iced americano | (DRINK_ORDER (NUMBER 2 ) (SIZE large ) (STYLE iced ) (DRINK_TYPE americano ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE hot_chocolate ) )
        burger | a cheeseburger with bacon, a small fries, plus 2 more cheeseburger with bacon please | (MAIN_DISH_ORDER (NUMBER 3 ) (MAIN_DISH_TYPE cheese_burger ) (TOPPING bacon ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE small ) (SIDE_TYPE french_fries ) )
        sub | two tuna subs with swiss and a meatball sub, oh and one more tuna subs with swiss | (SANDWICH_ORDER (NUMBER 3 ) (BASE_SANDWICH tuna ) (TOPPING swiss ) ) (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH meatball_marinara ) )
        burrito | a chicken burrito with white rice, a coke and one more chicken burrito with white rice for my brother | (BURRITO_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) (RICE_FILLING white_rice ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE mexican_coca-cola ) )
        coffee | a latte and a sneaky extra shot | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        coffee | a medium cappuccino with caramel and a cheeky extra shot please | (DRINK_ORDER (NUMBER 1 ) (SIZE regular ) (DRINK_TYPE cappuccino ) (TOPPING caramel_syrup ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        coffee | can i get a small iced americano and a cheeky extra shot of espresso | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (STYLE iced ) (DRINK_TYPE americano ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        coffee | large iced coffee, so just a little caramel syrup | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (STYLE iced ) (DRINK_TYPE drip_coffee ) (COMPLEX (QUANTITY light ) (TOPPING caramel_syrup ) ) )
        coffee | a medium latte, not too sweet, so just a bit of vanilla syrup | (DRINK_ORDER (NUMBER 1 ) (SIZE regular ) (DRINK_TYPE latte ) (COMPLEX (QUANTITY light ) (TOPPING vanilla_syrup ) ) )
        coffee | a small latte, not too sweet, so only a little caramel syrup | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE latte ) (COMPLEX (QUANTITY light ) (TOPPING caramel_syrup ) ) )
        coffee | a latte, make it a double, two shots | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING (ESPRESSO_SHOT 2 ) ) )
        coffee | a large americano, a double, 2 shots please | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE americano ) (TOPPING (ESPRESSO_SHOT 2 ) ) )
        coffee | can i get a cappuccino, double, so two shots of espresso | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING (ESPRESSO_SHOT 2 ) ) )
        coffee | a small latte, a triple, three shots | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE latte ) (TOPPING (ESPRESSO_SHOT 3 ) ) )
        burrito | a burrito with barbacoa and fajita veggies, wait no with carnitas | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING carnitas ) (TOPPING fajita_veggies ) )
        burrito | a burrito bowl with chicken and veggies, no sorry with steak | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (TOPPING fajita_veggies ) )
        coffee | a large latte with caramel, actually no with hazelnut | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) (TOPPING hazelnut_syrup ) )
        coffee | a cappuccino with vanilla syrup, actually no with caramel syrup | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) (TOPPING caramel_syrup ) )
        sub | a turkey sub with provolone, actually no with swiss | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH turkey_breast ) (TOPPING swiss ) )
        coffee | 3 large coffees, french, italian and guatemalan | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (ROAST_TYPE french ) (DRINK_TYPE drip_coffee ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (ROAST_TYPE italian ) (DRINK_TYPE drip_coffee ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (ROAST_TYPE guatemalan ) (DRINK_TYPE drip_coffee ) )
        coffee | two coffees please, french roast and italian roast | (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE french ) (DRINK_TYPE drip_coffee ) ) (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE italian ) (DRINK_TYPE drip_coffee ) )
        burger | 2 burgers: a hamburger and a cheeseburger | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) )
        burger | three burgers, hamburger, cheeseburger and double cheeseburger | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE cheese_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE double_cheese_burger ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
