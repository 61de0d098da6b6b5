package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "which desserts do you have", "what drinks": words that name none of the items but one of the
 * menu's own categories ask about the items of that category, in the menu's order.
 */
final class MenuCategories {

    private MenuCategories() {}

    /** The reference with the items of the category its words name, or as it was. */
    static Reference asked(Reference about, MenuIndex index) {
        Set<String> said = stems(about.span());
        if (said.isEmpty()) {
            return about;
        }
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, String> entry : index.categoryOfItem.entrySet()) {
            if (stems(entry.getValue()).equals(said)) {
                ids.add(entry.getKey());
            }
        }
        if (ids.isEmpty()) {
            return about;
        }
        List<String> inMenuOrder =
                index.itemsById.keySet().stream().filter(ids::contains).toList();
        List<String> ordered = inMenuOrder.size() == ids.size() ? inMenuOrder : ids;
        return new Reference(about.span(), ordered, ordered, about.position(), about.units(), about.every());
    }

    /** The words of a name, each without a plural "s": "Desserts" and "dessert" meet. */
    private static Set<String> stems(String text) {
        Set<String> stems = new TreeSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || word.equals("and")) {
                continue;
            }
            stems.add(word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
        }
        return stems;
    }
}
