package io.tiffin.nlu.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One phrasing for each class of language the parser learned from the orders in
 * {@code src/test/resources/nlu/own-orders/} (written for this project, not taken from a dataset),
 * read on the public catalogs where they lie (skipped when absent) and compared as whole trees, so
 * a class that breaks shows which one. {@code P} is the PIZZA catalogs, any other name a
 * FoodOrdering venue.
 */
class AttachmentClassesUnitTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        P | four large pizzas: two pepperoni, one sausage, and one veggie | (PIZZAORDER (NUMBER 2 ) (SIZE LARGE ) (TOPPING PEPPERONI ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING SAUSAGE ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (STYLE VEGETARIAN ) )
        P | three pizzas, all large, one with ham, one with bacon and one with chicken | (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING BACON ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING CHICKEN ) )
        P | two pies, one with ham and pineapple and the other with sausage | (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) (TOPPING PINEAPPLE ) ) (PIZZAORDER (NUMBER 1 ) (TOPPING SAUSAGE ) )
        P | three medium pies with extra cheese and two of them should also have pepperoni | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) ) (PIZZAORDER (NUMBER 2 ) (SIZE MEDIUM ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) (TOPPING PEPPERONI ) )
        P | a gluten free pizza with mushrooms, medium | (PIZZAORDER (NUMBER 1 ) (STYLE GLUTEN_FREE_CRUST ) (TOPPING MUSHROOMS ) (SIZE MEDIUM ) )
        P | a small thin crust pizza with ham and another small thin crust with bacon | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (STYLE THIN_CRUST ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (STYLE THIN_CRUST ) (TOPPING BACON ) )
        P | small pepperoni pizza, medium sausage pizza | (PIZZAORDER (NUMBER 1 ) (SIZE SMALL ) (TOPPING PEPPERONI ) ) (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING SAUSAGE ) )
        P | a medium pizza with ham and a large pizza with the same toppings | (PIZZAORDER (NUMBER 1 ) (SIZE MEDIUM ) (TOPPING HAM ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) )
        P | one extra large pizza with everything except anchovies | (PIZZAORDER (NUMBER 1 ) (SIZE EXTRA_LARGE ) (STYLE ALL_TOPPINGS ) (NOT (TOPPING ANCHOVIES ) ) )
        P | a personal size pizza with pepperoni for my son and a large supreme for us | (PIZZAORDER (NUMBER 1 ) (SIZE PERSONAL_SIZE ) (TOPPING PEPPERONI ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (STYLE SUPREME ) )
        burrito | 2 chicken tacos and 1 steak taco with red salsa on both | (TACO_ORDER (NUMBER 2 ) (MAIN_FILLING chicken ) (SALSA_TOPPING red_chili_salsa ) ) (TACO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (SALSA_TOPPING red_chili_salsa ) )
        burrito | a barbacoa bowl no white rice no black beans just lettuce and red salsa | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING barbacoa ) (NOT (RICE_FILLING white_rice ) ) (NOT (BEAN_FILLING black_beans ) ) (TOPPING romaine_lettuce ) (SALSA_TOPPING red_chili_salsa ) )
        burrito | a chicken burrito with white rice and black beans, same thing but steak | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (RICE_FILLING white_rice ) (BEAN_FILLING black_beans ) ) (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (RICE_FILLING white_rice ) (BEAN_FILLING black_beans ) )
        burrito | three bowls: chicken, steak and carnitas | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING carnitas ) )
        burrito | two bowls chicken and steak with white rice | (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (RICE_FILLING white_rice ) ) (BURRITO_BOWL_ORDER (NUMBER 1 ) (MAIN_FILLING steak ) (RICE_FILLING white_rice ) )
        burrito | two side of chips and guacamole | (SIDE_ORDER (NUMBER 2 ) (SIDE_TYPE chips ) (SIDE_TYPE guacamole ) )
        burrito | a chicken and steak burrito | (BURRITO_ORDER (NUMBER 1 ) (MAIN_FILLING chicken ) (MAIN_FILLING steak ) )
        burger | four burgers: two with cheese, two without | (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE ham_burger ) (TOPPING cheddar ) ) (MAIN_DISH_ORDER (NUMBER 2 ) (MAIN_DISH_TYPE ham_burger ) (NOT (TOPPING cheddar ) ) )
        burger | double cheeseburger, large fries, large dr pepper | (MAIN_DISH_ORDER (NUMBER 1 ) (MAIN_DISH_TYPE double_cheese_burger ) ) (SIDE_ORDER (NUMBER 1 ) (SIZE large ) (SIDE_TYPE french_fries ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE large ) (DRINK_TYPE dr_pepper ) )
        coffee | 3 lattes: one vanilla, one hazelnut, and one plain | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING vanilla_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING hazelnut_syrup ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) )
        coffee | three coffees, all decaf, one with cream | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE drip_coffee ) (STYLE decaf ) ) (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE drip_coffee ) (STYLE decaf ) (TOPPING whipped_cream ) )
        coffee | one continental roast, medium size | (DRINK_ORDER (NUMBER 1 ) (ROAST_TYPE continental_roast ) (SIZE regular ) )
        coffee | hot chocolate with cinnamon for my kid and a small french roast for me | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE hot_chocolate ) (TOPPING cinnamon ) ) (DRINK_ORDER (NUMBER 1 ) (SIZE small ) (ROAST_TYPE french ) )
        coffee | a regular cappuccino with a sprinkle of cinnamon | (DRINK_ORDER (NUMBER 1 ) (SIZE regular ) (DRINK_TYPE cappuccino ) (TOPPING cinnamon ) )
        coffee | one regular latte no whipped cream but extra caramel drizzles | (DRINK_ORDER (NUMBER 1 ) (SIZE regular ) (DRINK_TYPE latte ) (NOT (TOPPING whipped_cream ) ) (COMPLEX (QUANTITY extra ) (TOPPING drizzles ) ) )
        coffee | a double espresso | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE espresso ) (TOPPING (ESPRESSO_SHOT 2 ) ) )
        coffee | a latte with a double shot | (DRINK_ORDER (NUMBER 1 ) (DRINK_TYPE latte ) (TOPPING (ESPRESSO_SHOT 2 ) ) )
        coffee | two triple espressos | (DRINK_ORDER (NUMBER 2 ) (DRINK_TYPE espresso ) (TOPPING (ESPRESSO_SHOT 3 ) ) )
        P | two twenty ounce pepsis and a large pizza with ham | (DRINKORDER (NUMBER 2 ) (DRINKTYPE PEPSI ) (VOLUME 20 FLOZ ) ) (PIZZAORDER (NUMBER 1 ) (SIZE LARGE ) (TOPPING HAM ) )
        P | 2 20oz cokes | (DRINKORDER (NUMBER 2 ) (DRINKTYPE COKE ) (VOLUME 20 FLOZ ) )
        sub | roasted chicken on italian herbs and cheese with spinach | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH oven_roasted_chicken ) (TOPPING spinach ) )
        sub | a meatball sub with parmesan cheese | (SANDWICH_ORDER (NUMBER 1 ) (BASE_SANDWICH meatball_marinara ) (TOPPING parmesan_cheese ) )
        """)
    void readsTheClass(String venue, String utterance, String expected) throws Exception {
        PublicMenus.assertReads(venue, utterance, expected);
    }
}
