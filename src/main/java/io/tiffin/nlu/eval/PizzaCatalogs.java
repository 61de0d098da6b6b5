package io.tiffin.nlu.eval;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.eval.EvalMenu.ItemForm;
import io.tiffin.nlu.eval.EvalMenu.OptionForm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PIZZA benchmark's catalogs as a menu (MENU-FORMAT.md, "The PIZZA benchmark menu"): one pizza
 * with size, style and topping groups (toppings take extra/light/no, styles can be refused), and one
 * item per drink type with size, volume and container groups. Number and quantity words are not
 * menu vocabulary: the parser's own lexicons read them.
 */
final class PizzaCatalogs {

    private PizzaCatalogs() {}

    static EvalMenu build(Path catalogs) throws IOException {
        EvalMenu menu = new EvalMenu("COMPLEX_TOPPING", "EXTRA", "LIGHT");
        AliasFile sizes = AliasFile.read(catalogs.resolve("size.txt"));
        AliasFile styles = AliasFile.read(catalogs.resolve("style.txt"));
        AliasFile toppings = AliasFile.read(catalogs.resolve("topping.txt"));
        AliasFile drinks = AliasFile.read(catalogs.resolve("drinks.txt"));
        AliasFile volumes = AliasFile.read(catalogs.resolve("drink_volume.txt"));
        AliasFile containers = AliasFile.read(catalogs.resolve("container.txt"));

        var pizzaGroups = List.of(
                group(menu, "size", "SIZE", sizes, 0, 1, List.of()),
                group(
                        menu,
                        "style",
                        "STYLE",
                        styles,
                        0,
                        styles.phrasesByEntity().size(),
                        List.of("no")),
                group(
                        menu,
                        "topping",
                        "TOPPING",
                        toppings,
                        0,
                        toppings.phrasesByEntity().size(),
                        List.of("extra", "light", "no")));
        var pizza = new Menu.Item("pizza", "pizza", List.of("pie"), null, 1000L, List.of(), null, pizzaGroups);
        menu.describeItem("pizza", new ItemForm("PIZZAORDER", null));
        menu.addCategory("Pizza", List.of(pizza));

        var drinkGroups = List.of(
                group(menu, "size", "SIZE", sizes, 0, 1, List.of()),
                group(menu, "volume", "VOLUME", volumes, 0, 1, List.of()),
                group(menu, "container", "CONTAINERTYPE", containers, 0, 1, List.of()));
        List<Menu.Item> drinkItems = new ArrayList<>();
        for (Map.Entry<String, List<String>> drink : drinks.phrasesByEntity().entrySet()) {
            String id = EvalMenu.id(drink.getKey());
            drinkItems.add(new Menu.Item(
                    id,
                    drink.getValue().getFirst(),
                    EvalMenu.aliases(drink.getValue()),
                    null,
                    200L,
                    List.of(),
                    null,
                    drinkGroups));
            menu.describeItem(id, new ItemForm("DRINKORDER", Tree.node("DRINKTYPE", Tree.leaf(drink.getKey()))));
        }
        menu.addCategory("Drinks", drinkItems);
        return menu;
    }

    private static Menu.OptionGroup group(
            EvalMenu menu, String id, String slot, AliasFile catalog, int min, int max, List<String> qualifiers) {
        List<Menu.Option> options = new ArrayList<>();
        for (Map.Entry<String, List<String>> entity : catalog.phrasesByEntity().entrySet()) {
            Menu.Option option = EvalMenu.option(entity.getKey(), entity.getValue());
            options.add(option);
            // volume(2,LITER) is written (VOLUME 2 LITER ): the value's parts are the leaves
            menu.describeOption(
                    id,
                    option.id(),
                    new OptionForm(slot, List.of(entity.getKey().split("\\s*,\\s*"))));
        }
        return new Menu.OptionGroup(id, slot.toLowerCase(Locale.ROOT), min, max, qualifiers, options);
    }
}
