package io.tiffin.speech;

import java.util.List;

/**
 * Twenty orders on the demo menu as a customer would say them, each with the cart it must make:
 * item id, quantity and the options said ("chicken-biryani*1[addons:raita,size:large]", options
 * sorted). Shared by the recognition test and the speech bench.
 */
public final class SpokenOrders {

    public record SpokenOrder(String words, List<String> cart) {}

    public static final List<SpokenOrder> ORDERS = List.of(
            order("two butter chicken and three garlic naan", "butter-chicken*2", "garlic-naan*3"),
            order(
                    "one large chicken biryani with raita and two butter naan",
                    "chicken-biryani*1[addons:raita,size:large]",
                    "butter-naan*2"),
            order("three mango lassi and one paneer tikka", "mango-lassi*3", "paneer-tikka*1"),
            order(
                    "two full butter chicken and four tandoori roti and one dal makhani",
                    "butter-chicken*2[portion:full]",
                    "tandoori-roti*4",
                    "dal-makhani*1"),
            order(
                    "one medium margherita pizza with mushroom and black olives and two masala chai",
                    "margherita-pizza*1[size:medium,toppings:mushroom,toppings:olives]",
                    "masala-chai*2"),
            order(
                    "two veg biryani with boiled egg and one jeera rice and two sweet lassi",
                    "veg-biryani*2[addons:egg]",
                    "jeera-rice*1",
                    "sweet-lassi*2"),
            order("four plain naan and two paneer butter masala", "plain-naan*4", "paneer-butter-masala*2"),
            order("one hot chicken tikka and two masala chai", "chicken-tikka*1[spice:hot]", "masala-chai*2"),
            order("four samosa and two gulab jamun", "veg-samosa*4", "gulab-jamun*2"),
            order(
                    "one large chicken tikka pizza with onion and capsicum and one rasmalai",
                    "chicken-tikka-pizza*1[size:large,toppings:capsicum,toppings:onion]",
                    "rasmalai*1"),
            order("two kadai paneer and three laccha paratha", "kadai-paneer*2", "laccha-paratha*3"),
            order(
                    "one mutton rogan josh and two steamed rice and one rasmalai",
                    "mutton-rogan-josh*1",
                    "steamed-rice*2",
                    "rasmalai*1"),
            order("three chicken sixty five and two butter naan", "chicken-65*3", "butter-naan*2"),
            order(
                    "one chole and four tandoori roti and two masala chai",
                    "chole*1",
                    "tandoori-roti*4",
                    "masala-chai*2"),
            order(
                    "two hara bhara kebab and one veg biryani with raita",
                    "hara-bhara-kebab*2",
                    "veg-biryani*1[addons:raita]"),
            order(
                    "one small margherita pizza with cheese and jalapeno and one mango lassi",
                    "margherita-pizza*1[size:small,toppings:cheese,toppings:jalapeno]",
                    "mango-lassi*1"),
            order(
                    "two rasmalai and two gulab jamun and one masala chai",
                    "rasmalai*2",
                    "gulab-jamun*2",
                    "masala-chai*1"),
            order(
                    "one full paneer butter masala and two garlic naan and one jeera rice",
                    "paneer-butter-masala*1[portion:full]",
                    "garlic-naan*2",
                    "jeera-rice*1"),
            order(
                    "two chicken biryani with mirchi salan and boiled egg and two sweet lassi",
                    "chicken-biryani*2[addons:egg,addons:salan]",
                    "sweet-lassi*2"),
            order(
                    "one mild paneer tikka and one hot chicken tikka and three butter naan and two mango lassi",
                    "paneer-tikka*1[spice:mild]",
                    "chicken-tikka*1[spice:hot]",
                    "butter-naan*3",
                    "mango-lassi*2"));

    private SpokenOrders() {}

    private static SpokenOrder order(String words, String... cart) {
        return new SpokenOrder(words, List.of(cart));
    }
}
