package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a menu against every rule of MENU-FORMAT.md and reports all problems at once, so a merchant
 * fixes an import in one round trip instead of one error at a time.
 */
final class MenuValidator {

    static final int MAX_ID = 64;
    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_CATEGORIES = 200;
    static final int MAX_ITEMS = 2000;
    static final int MAX_ALIASES = 50;
    static final int MAX_TAGS = 30;
    static final int MAX_GROUPS = 30;
    static final int MAX_OPTIONS = 100;

    private static final Pattern ID = Pattern.compile("[a-z0-9_-]+");
    private static final Set<String> QUALIFIERS = Set.of("extra", "light", "no");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    /** Throws {@link InvalidInputException} listing every problem; returns quietly for a valid menu. */
    void check(Menu menu) {
        List<Problem> problems = problems(menu);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid_menu", problems);
        }
    }

    List<Problem> problems(Menu menu) {
        var problems = new Problems();
        if (menu == null) {
            problems.add("", "a menu is required");
            return problems.list;
        }
        if (menu.currency() == null || !CURRENCIES.contains(menu.currency())) {
            problems.add("currency", "must be a 3-letter ISO 4217 code in capitals, such as INR");
        }
        if (menu.categories().isEmpty()) {
            problems.add("categories", "a menu needs at least one category");
        }
        problems.require(menu.categories().size() <= MAX_CATEGORIES, "categories", "at most " + MAX_CATEGORIES);
        problems.require(menu.items().count() <= MAX_ITEMS, "categories", "at most " + MAX_ITEMS + " items in all");

        Set<String> categoryNames = new HashSet<>();
        Set<String> itemIds = new HashSet<>();
        for (int c = 0; c < menu.categories().size(); c++) {
            Menu.Category category = menu.categories().get(c);
            String path = "categories[" + c + "]";
            if (category == null) {
                problems.add(path, "must not be null");
                continue;
            }
            problems.name(path + ".name", category.name());
            if (category.name() != null
                    && !categoryNames.add(category.name().trim().toLowerCase(Locale.ROOT))) {
                problems.add(path + ".name", "another category has the same name");
            }
            if (category.items().isEmpty()) {
                problems.add(path + ".items", "a category needs at least one item");
            }
            for (int i = 0; i < category.items().size(); i++) {
                item(category.items().get(i), path + ".items[" + i + "]", itemIds, problems);
            }
        }
        return problems.list;
    }

    private void item(Menu.Item item, String path, Set<String> itemIds, Problems problems) {
        if (item == null) {
            problems.add(path, "must not be null");
            return;
        }
        // orders refer to items by id alone, so an item id must be unique across the whole menu
        if (problems.id(path + ".id", item.id()) && !itemIds.add(item.id())) {
            problems.add(path + ".id", "another item has the id " + item.id());
        }
        problems.name(path + ".name", item.name());
        if (item.price() == null) {
            problems.add(path + ".price", "is required, in minor units (paise, cents)");
        } else {
            problems.require(item.price() >= 0, path + ".price", "must not be negative");
        }
        problems.require(
                item.description() == null || item.description().length() <= MAX_DESCRIPTION,
                path + ".description",
                "at most " + MAX_DESCRIPTION + " characters");
        problems.words(path + ".aliases", item.aliases(), MAX_ALIASES);
        problems.words(path + ".tags", item.tags(), MAX_TAGS);
        problems.require(item.optionGroups().size() <= MAX_GROUPS, path + ".optionGroups", "at most " + MAX_GROUPS);

        Set<String> groupIds = new HashSet<>();
        for (int g = 0; g < item.optionGroups().size(); g++) {
            String groupPath = path + ".optionGroups[" + g + "]";
            Menu.OptionGroup group = item.optionGroups().get(g);
            if (group == null) {
                problems.add(groupPath, "must not be null");
                continue;
            }
            if (problems.id(groupPath + ".id", group.id()) && !groupIds.add(group.id())) {
                problems.add(groupPath + ".id", "another group of this item has the id " + group.id());
            }
            group(group, groupPath, problems);
        }
    }

    private void group(Menu.OptionGroup group, String path, Problems problems) {
        problems.name(path + ".name", group.name());
        int min = group.minOrZero();
        problems.require(min >= 0, path + ".min", "must not be negative");
        if (group.max() == null) {
            problems.add(path + ".max", "is required: how many options a customer may pick");
        } else {
            problems.require(group.max() >= 1, path + ".max", "must be at least 1");
            problems.require(min <= group.max(), path + ".min", "must not exceed max");
        }
        // max may exceed the options (the format's own sample allows 12 toppings of 3), but min may not:
        // a group that needs more picks than it offers could never be ordered
        problems.require(
                min <= group.options().size(),
                path + ".min",
                "must not exceed the number of options (" + group.options().size() + ")");
        if (group.isSingleChoice() && group.defaults().size() > 1) {
            problems.add(path + ".options", "a single choice has at most one default");
        } else if (group.max() != null && group.defaults().size() > group.max()) {
            problems.add(path + ".options", "more options are default than max allows");
        }
        if (group.options().isEmpty()) {
            problems.add(path + ".options", "a group needs at least one option");
        }
        problems.require(group.options().size() <= MAX_OPTIONS, path + ".options", "at most " + MAX_OPTIONS);
        for (int q = 0; q < group.qualifiers().size(); q++) {
            String qualifier = group.qualifiers().get(q);
            problems.require(
                    qualifier != null && QUALIFIERS.contains(qualifier),
                    path + ".qualifiers[" + q + "]",
                    "must be one of extra, light, no");
        }
        problems.require(
                group.qualifiers().stream().distinct().count()
                        == group.qualifiers().size(),
                path + ".qualifiers",
                "must not repeat");

        Set<String> optionIds = new HashSet<>();
        for (int o = 0; o < group.options().size(); o++) {
            String optionPath = path + ".options[" + o + "]";
            Menu.Option option = group.options().get(o);
            if (option == null) {
                problems.add(optionPath, "must not be null");
                continue;
            }
            if (problems.id(optionPath + ".id", option.id()) && !optionIds.add(option.id())) {
                problems.add(optionPath + ".id", "another option of this group has the id " + option.id());
            }
            problems.name(optionPath + ".name", option.name());
            problems.require(
                    option.price() == null || option.price() >= 0, optionPath + ".price", "must not be negative");
            problems.words(optionPath + ".aliases", option.aliases(), MAX_ALIASES);
        }
    }

    /** Collects problems; the helpers return whether the value was fine so callers can go on. */
    private static final class Problems {
        final List<Problem> list = new ArrayList<>();

        void add(String path, String reason) {
            list.add(new Problem(path, reason));
        }

        boolean require(boolean ok, String path, String reason) {
            if (!ok) {
                add(path, reason);
            }
            return ok;
        }

        boolean id(String path, String id) {
            if (id == null || id.isEmpty()) {
                add(path, "is required");
                return false;
            }
            return require(id.length() <= MAX_ID, path, "at most " + MAX_ID + " characters")
                    & require(ID.matcher(id).matches(), path, "only a-z, 0-9, _ and - are allowed");
        }

        void name(String path, String name) {
            if (name == null || name.isBlank()) {
                add(path, "must not be blank");
            } else {
                require(name.length() <= MAX_NAME, path, "at most " + MAX_NAME + " characters");
            }
        }

        void words(String path, List<String> words, int max) {
            require(words.size() <= max, path, "at most " + max);
            Predicate<String> blank = w -> w == null || w.isBlank();
            for (int i = 0; i < words.size(); i++) {
                if (blank.test(words.get(i))) {
                    add(path + "[" + i + "]", "must not be blank");
                } else {
                    require(
                            words.get(i).length() <= MAX_NAME,
                            path + "[" + i + "]",
                            "at most " + MAX_NAME + " characters");
                }
            }
        }
    }
}
