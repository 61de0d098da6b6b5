package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import io.tiffin.platform.text.MoneyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The menu as the bot shows it. */
@Component
class MenuTexts {

    Map<String, Object> model(Menu menu, String language) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Menu.Category category : menu.categories()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Menu.Item item : category.items()) {
                Map<String, Object> row = new HashMap<>();
                row.put("name", item.name());
                row.put("price", MoneyText.format(startingPrice(menu, item), menu.currency(), language));
                row.put("veg", item.tags().contains("veg"));
                row.put("nonVeg", item.tags().contains("non-veg") || item.tags().contains("nonveg"));
                row.put("available", item.isAvailable());
                items.add(row);
            }
            categories.add(Map.of("name", category.name(), "items", items));
        }
        return Map.of("categories", categories);
    }

    /** What one of the item costs with its default choices, as the customer would be charged. */
    static long startingPrice(Menu menu, Menu.Item item) {
        try {
            return Pricing.priceLine(menu, new LineRequest(item.id(), 1, List.of(), null))
                    .unitPrice();
        } catch (PricingException e) {
            return item.price() == null ? 0 : item.price();
        }
    }

    /** Available items of the same category, to offer instead of one that is not. */
    static List<String> alternatives(Menu menu, String itemId) {
        return menu.categories().stream()
                .filter(c -> c.items().stream().anyMatch(i -> i.id().equals(itemId)))
                .flatMap(c -> c.items().stream())
                .filter(i -> !i.id().equals(itemId) && i.isAvailable())
                .map(Menu.Item::name)
                .limit(3)
                .toList();
    }
}
