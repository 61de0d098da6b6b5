package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes of language the eleventh batch ({@code own-orders/batch11/}) left, each in phrasings of its
 * own, not the batch's: a line of one closed by "each" / "for each" / "apiece" is one per person the
 * lines before are for ("two cheeseburgers and a coke each"), which ordered one; "the same again"
 * after two lines repeats both, which repeated only the last; a counted part left hot beside an
 * iced one ("two cappuccinos, one hot, one iced") is the drink as said, which read as hot chocolate; a
 * dish named once before a colon and a list of counted parts ("bowls: 2 chicken, 1 steak, 1 veggie"),
 * which mixed the parts' picks.
 * Rows that read right before must stay so: "one hot chocolate" is the dish, and "each" followed by
 * options spreads them. Read on the public menus where they lie
 * (skipped when absent).
 */
class EachAndListedCountsUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        burger | two cheeseburgers and a coke each | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE coca_cola ) )
        sub | three turkey subs with lettuce and a water for each | (SANDWICH_ORDER (NUMBER 3 ) (BASE_SANDWICH turkey_breast ) (TOPPING lettuce ) ) (DRINK_ORDER (NUMBER 3 ) (DRINK_TYPE dasani_water ) )
        burger | two hamburgers and a large fries for each | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE ham_burger ) ) (SIDE_ORDER (NUMBER 2 ) (SIZE large ) (SIDE_TYPE french_fries ) )
        burrito | two chicken burritos and a bottled water apiece | (BURRITO_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE bottled_water ) )
        burger | a cheeseburger and a vanilla shake, then the same again | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE cheese_burger ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE vanilla_shake ) )
        sub | a tuna sub and a sprite, same again for my sister | (SANDWICH_ORDER (NUMBER 2 ) (BASE_SANDWICH tuna ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE sprite ) )
        coffee | a large latte and a small americano, same again | (DRINK_ORDER (NUMBER 2 ) (SIZE large ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 2 ) (SIZE small ) (DRINK_TYPE americano ) )
        burrito | a steak burrito with chips and a coke, the same for my dad | (BURRITO_ORDER (NUMBER 2 ) (MAIN_FILLING steak ) ) (SIDE_ORDER (NUMBER 2 ) (SIDE_TYPE chips ) ) (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE mexican_coca-cola ) )
        coffee | two cappuccinos, one hot, one iced | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) ) (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE cappuccino ) )
        coffee | two small americanos one iced one hot | (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (DRINK_TYPE americano ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (STYLE iced ) (DRINK_TYPE americano ) )
        coffee | three lattes two hot and one iced | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE latte ) )
        coffee | 2 large lattes 1 hot 1 iced | (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (STYLE iced ) (DRINK_TYPE latte ) )
        coffee | one hot chocolate and one iced latte | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE hot_chocolate ) ) (DRINK_ORDER (NUMBER 1 ) (STYLE iced ) (DRINK_TYPE latte ) )
        burrito | tacos: 2 chicken, 2 barbacoa, all with sour cream | (TACO_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) (TOPPING sour_cream ) ) (TACO_ORDER (NUMBER 2 ) (MAIN_FILLING barbacoa ) (TOPPING sour_cream ) )
        burrito | burritos: 1 steak, 1 chicken, 1 sofritas | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) ) (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING tofu ) )
        burrito | bowls: 2 chicken, 1 steak, 1 veggie | (BURRITO_BOWL_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING veggie ) )
        burger | 3 hamburgers: 1 plain, 2 with ketchup | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) ) (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING ketchup ) )
        burrito | tacos: 1 chicken, 1 steak, 1 carnitas, all with corn salsa | (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (SALSA_TOPPING corn_salsa ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (SALSA_TOPPING corn_salsa ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING carnitas ) (SALSA_TOPPING corn_salsa ) )
        coffee | lattes: 2 | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE latte ) )
        coffee | order: 2 lattes, 1 cappuccino | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE cappuccino ) )
        coffee | hi: 2 lattes, 1 americano | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE latte ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE americano ) )
        burger | please: 2 cheeseburgers, 1 hamburger | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE cheese_burger ) ) (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE ham_burger ) )
        coffee | two lattes each with an extra shot | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE latte ) (TOPPING (ESPRESSO_SHOT 1 ) ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
