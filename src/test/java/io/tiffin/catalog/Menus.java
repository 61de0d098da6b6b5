package io.tiffin.catalog;

import io.tiffin.catalog.Menu.Category;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Menus for tests, built the way merchants write them. */
public final class Menus {

    private Menus() {}

    /** The sample of MENU-FORMAT.md. */
    public static Menu sample() {
        return new Menu(
                "INR",
                List.of(new Category(
                        "Pizza",
                        List.of(new Item(
                                "pizza",
                                "Pizza",
                                List.of("pie", "pizzas"),
                                "Hand-stretched, wood-fired",
                                19900L,
                                List.of("veg"),
                                true,
                                List.of(sizes(true), toppings(true)))))));
    }

    /** A North Indian restaurant that also sells pizza: chicken everywhere, three naans, a biryani portion. */
    public static Menu indianRestaurant() {
        return new Menu(
                "INR",
                List.of(
                        new Category(
                                "Starters",
                                List.of(
                                        item("paneer_tikka", "Paneer Tikka", 24000),
                                        item("chicken_tikka", "Chicken Tikka", 28000),
                                        item("chicken_65", "Chicken 65", 26000),
                                        item("veg_samosa", "Samosa", 6000, "samosas"),
                                        item("hara_bhara_kebab", "Hara Bhara Kebab", 22000))),
                        new Category(
                                "Mains",
                                List.of(
                                        item(
                                                "butter_chicken",
                                                "Butter Chicken",
                                                32000,
                                                "murgh makhani",
                                                "chicken makhani"),
                                        item("chicken_tikka_masala", "Chicken Tikka Masala", 33000, "ctm"),
                                        item("chilli_chicken", "Chilli Chicken", 29000, "chili chicken"),
                                        item("paneer_butter_masala", "Paneer Butter Masala", 28000, "paneer makhani"),
                                        item("palak_paneer", "Palak Paneer", 26000, "saag paneer"),
                                        item("dal_makhani", "Dal Makhani", 22000, "daal makhani"),
                                        unavailable(item("fish_curry", "Fish Curry", 34000, "machli curry")),
                                        new Item(
                                                "chicken_biryani",
                                                "Chicken Biryani",
                                                List.of("biryani"),
                                                null,
                                                30000L,
                                                List.of(),
                                                true,
                                                List.of(new OptionGroup(
                                                        "portion",
                                                        "Portion",
                                                        1,
                                                        1,
                                                        List.of(),
                                                        List.of(
                                                                option("half", "Half", 0, false),
                                                                option("full", "Full", 12000, false))))))),
                        new Category(
                                "Breads",
                                List.of(
                                        item("butter_naan", "Butter Naan", 6000),
                                        item("garlic_naan", "Garlic Naan", 7000),
                                        item("plain_naan", "Plain Naan", 5000),
                                        item("tandoori_roti", "Tandoori Roti", 3000, "roti"))),
                        new Category(
                                "Pizza",
                                List.of(
                                        pizza("margherita_pizza", "Margherita Pizza", 29900, "margherita"),
                                        pizza("pepperoni_pizza", "Pepperoni Pizza", 39900))),
                        new Category(
                                "Drinks",
                                List.of(
                                        item("mango_lassi", "Mango Lassi", 12000),
                                        item("sweet_lassi", "Sweet Lassi", 10000),
                                        item("coke", "Coke", 6000, "coca cola", "cola"),
                                        item("masala_chai", "Masala Chai", 5000, "chai", "tea"))),
                        new Category("Desserts", List.of(item("gulab_jamun", "Gulab Jamun", 9000)))));
    }

    /** A menu of {@code size} items, for timing the parser on a large menu. */
    public static Menu large(int size) {
        List<Item> items = new ArrayList<>(indianRestaurant().items().toList());
        String[] bases = {
            "kadai", "handi", "tawa", "lababdar", "korma", "vindaloo", "do pyaza", "jalfrezi", "malai", "achari"
        };
        String[] proteins = {
            "mutton",
            "prawn",
            "egg",
            "mushroom",
            "aloo",
            "gobi",
            "soya",
            "corn",
            "tofu",
            "lamb",
            "crab",
            "bhindi",
            "chole",
            "rajma",
            "kofta",
            "keema",
            "baingan",
            "methi",
            "matar",
            "kaju"
        };
        for (int i = 0; items.size() < size; i++) {
            String name = proteins[i % proteins.length] + " " + bases[(i / proteins.length) % bases.length];
            items.add(item("x" + i, name, 20000 + i));
        }
        return new Menu("INR", List.of(new Category("All", items)));
    }

    public static MenuSnapshot snapshot(Menu menu) {
        return new MenuSnapshot("m1", 1, Instant.parse("2026-01-01T00:00:00Z"), menu);
    }

    public static Item item(String id, String name, long price, String... aliases) {
        return new Item(id, name, List.of(aliases), null, price, List.of(), true, List.of());
    }

    static Item unavailable(Item item) {
        return new Item(
                item.id(),
                item.name(),
                item.aliases(),
                item.description(),
                item.price(),
                item.tags(),
                false,
                item.optionGroups());
    }

    static Item pizza(String id, String name, long price, String... aliases) {
        return new Item(
                id,
                name,
                List.of(aliases),
                null,
                price,
                List.of("pizza"),
                true,
                List.of(sizes(false), toppings(false)));
    }

    static OptionGroup sizes(boolean sample) {
        return new OptionGroup(
                "size",
                "Size",
                1,
                1,
                List.of(),
                List.of(
                        new Option("small", "Small", 0L, List.of("personal", "personal size"), null, null),
                        new Option("medium", "Medium", 8000L, sample ? List.of() : List.of("regular"), true, null),
                        new Option("large", "Large", 16000L, List.of("big"), null, null)));
    }

    static OptionGroup toppings(boolean sample) {
        List<Option> options = new ArrayList<>(List.of(
                new Option("cheese", "Cheese", 0L, List.of("mozzarella"), true, null),
                new Option("onions", "Onions", 2000L, List.of("onion"), null, null),
                new Option("pepperoni", "Pepperoni", 4000L, List.of(), null, null)));
        if (!sample) {
            options.add(new Option("jalapenos", "Jalapenos", 3000L, List.of("jalapeno"), null, null));
            options.add(new Option("olives", "Olives", 3000L, List.of("olive"), null, false));
        }
        return new OptionGroup("toppings", "Toppings", 0, sample ? 12 : 5, List.of("extra", "light", "no"), options);
    }

    static Option option(String id, String name, long price, boolean isDefault) {
        return new Option(id, name, price, List.of(), isDefault, null);
    }
}
