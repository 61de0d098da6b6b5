package io.tiffin.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menu.Category;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import io.tiffin.catalog.Menus;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MenuValidatorUnitTest {

    private final MenuValidator validator = new MenuValidator();

    @Test
    void acceptsTheSampleOfTheFormat() {
        assertThat(validator.problems(Menus.sample())).isEmpty();
    }

    @Test
    void acceptsTheIndianRestaurant() {
        assertThat(validator.problems(Menus.indianRestaurant())).isEmpty();
    }

    @Test
    void rejectsAnUnknownOrLowercaseCurrency() {
        assertThat(validator.problems(new Menu("XYZ", Menus.sample().categories())))
                .extracting(Problem::path)
                .containsExactly("currency");
        assertThat(validator.problems(new Menu("inr", Menus.sample().categories())))
                .extracting(Problem::path)
                .containsExactly("currency");
        assertThat(validator.problems(new Menu(null, Menus.sample().categories())))
                .extracting(Problem::path)
                .containsExactly("currency");
    }

    @Test
    void rejectsAMenuWithoutCategoriesOrACategoryWithoutItems() {
        assertThat(validator.problems(new Menu("INR", List.of())))
                .extracting(Problem::path)
                .containsExactly("categories");
        assertThat(validator.problems(new Menu("INR", List.of(new Category("Empty", List.of())))))
                .extracting(Problem::path)
                .containsExactly("categories[0].items");
    }

    @Test
    void rejectsIdsOutsideTheAllowedAlphabet() {
        assertThat(problemsOf(item("Paneer Tikka", "Paneer", 100L)))
                .extracting(Problem::path)
                .containsExactly("categories[0].items[0].id");
        assertThat(problemsOf(item("", "Paneer", 100L)))
                .extracting(Problem::reason)
                .containsExactly("is required");
        assertThat(problemsOf(item("a".repeat(65), "Paneer", 100L))).hasSize(1);
    }

    @Test
    void rejectsItemIdsRepeatedAnywhereInTheMenu() {
        var menu = new Menu(
                "INR",
                List.of(
                        new Category("A", List.of(item("naan", "Naan", 100L))),
                        new Category("B", List.of(item("naan", "Other naan", 100L)))));
        assertThat(validator.problems(menu))
                .containsExactly(new Problem("categories[1].items[0].id", "another item has the id naan"));
    }

    @Test
    void rejectsBlankOrOverlongNames() {
        assertThat(problemsOf(item("naan", "  ", 100L)))
                .containsExactly(new Problem("categories[0].items[0].name", "must not be blank"));
        assertThat(problemsOf(item("naan", "n".repeat(121), 100L)))
                .extracting(Problem::path)
                .containsExactly("categories[0].items[0].name");
        assertThat(validator.problems(new Menu("INR", List.of(new Category(" ", List.of(item("naan", "Naan", 1L)))))))
                .extracting(Problem::path)
                .containsExactly("categories[0].name");
    }

    @Test
    void rejectsAMissingOrNegativeItemPrice() {
        assertThat(problemsOf(item("naan", "Naan", null)))
                .extracting(Problem::path)
                .containsExactly("categories[0].items[0].price");
        assertThat(problemsOf(item("naan", "Naan", -1L)))
                .containsExactly(new Problem("categories[0].items[0].price", "must not be negative"));
    }

    @Test
    void rejectsANegativeOptionPriceAndRepeatedOptionIds() {
        var group = new OptionGroup(
                "size",
                "Size",
                1,
                1,
                List.of(),
                List.of(
                        new Option("small", "Small", -5L, List.of(), null, null),
                        new Option("small", "Large", 10L, List.of(), null, null)));
        assertThat(problemsOf(withGroups(group)))
                .containsExactlyInAnyOrder(
                        new Problem("categories[0].items[0].optionGroups[0].options[0].price", "must not be negative"),
                        new Problem(
                                "categories[0].items[0].optionGroups[0].options[1].id",
                                "another option of this group has the id small"));
    }

    @Test
    void rejectsImpossibleMinAndMax() {
        var options = List.of(option("a", false), option("b", false));
        assertThat(pathsOf(withGroups(new OptionGroup("g", "G", -1, 1, List.of(), options))))
                .containsExactly("categories[0].items[0].optionGroups[0].min");
        assertThat(pathsOf(withGroups(new OptionGroup("g", "G", 0, 0, List.of(), options))))
                .containsExactly("categories[0].items[0].optionGroups[0].max");
        assertThat(pathsOf(withGroups(new OptionGroup("g", "G", 2, 1, List.of(), options))))
                .containsExactly("categories[0].items[0].optionGroups[0].min");
        assertThat(pathsOf(withGroups(new OptionGroup("g", "G", 3, 3, List.of(), options))))
                .containsExactly("categories[0].items[0].optionGroups[0].min");
        assertThat(pathsOf(withGroups(new OptionGroup("g", "G", 0, null, List.of(), options))))
                .containsExactly("categories[0].items[0].optionGroups[0].max");
    }

    @Test
    void rejectsTwoDefaultsInASingleChoice() {
        var group = new OptionGroup("size", "Size", 1, 1, List.of(), List.of(option("a", true), option("b", true)));
        assertThat(problemsOf(withGroups(group)))
                .contains(new Problem(
                        "categories[0].items[0].optionGroups[0].options", "a single choice has at most one default"));
    }

    @Test
    void rejectsUnknownQualifiers() {
        var group = new OptionGroup(
                "top", "Toppings", 0, 2, List.of("extra", "double"), List.of(option("a", false), option("b", false)));
        assertThat(problemsOf(withGroups(group)))
                .containsExactly(new Problem(
                        "categories[0].items[0].optionGroups[0].qualifiers[1]", "must be one of extra, light, no"));
    }

    @Test
    void rejectsRepeatedGroupIdsAndEmptyGroups() {
        var group = new OptionGroup("size", "Size", 0, 1, List.of(), List.of(option("a", false)));
        var empty = new OptionGroup("size", "Size", 0, 1, List.of(), List.of());
        assertThat(pathsOf(withGroups(group, empty)))
                .contains(
                        "categories[0].items[0].optionGroups[1].id", "categories[0].items[0].optionGroups[1].options");
    }

    @Test
    void rejectsBlankAliases() {
        var item = new Item("naan", "Naan", List.of("nan", " "), null, 100L, List.of(), true, List.of());
        assertThat(pathsOf(item)).containsExactly("categories[0].items[0].aliases[1]");
    }

    @Test
    void collectsEveryProblemAtOnce() {
        var bad = new Item(
                "Bad Id",
                "",
                List.of(),
                null,
                null,
                List.of(),
                true,
                List.of(new OptionGroup(
                        "g", "G", 1, 1, List.of("more"), List.of(option("a", true), option("b", true)))));
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidInputException.class,
                () -> validator.check(new Menu("rupees", List.of(new Category("Mains", List.of(bad))))));
        assertThat(thrown.problems())
                .extracting(Problem::path)
                .containsExactlyInAnyOrder(
                        "currency",
                        "categories[0].items[0].id",
                        "categories[0].items[0].name",
                        "categories[0].items[0].price",
                        "categories[0].items[0].optionGroups[0].options",
                        "categories[0].items[0].optionGroups[0].qualifiers[0]");
    }

    @Test
    void checkThrowsOnlyForAnInvalidMenu() {
        validator.check(Menus.sample());
        assertThatThrownBy(() -> validator.check(new Menu("INR", List.of()))).isInstanceOf(InvalidInputException.class);
    }

    private List<Problem> problemsOf(Item item) {
        return validator.problems(new Menu("INR", List.of(new Category("Mains", List.of(item)))));
    }

    private List<String> pathsOf(Item item) {
        return problemsOf(item).stream().map(Problem::path).toList();
    }

    private static Item item(String id, String name, Long price) {
        return new Item(id, name, List.of(), null, price, List.of(), true, List.of());
    }

    private static Item withGroups(OptionGroup... groups) {
        return new Item("pizza", "Pizza", List.of(), null, 100L, List.of(), true, List.of(groups));
    }

    private static Option option(String id, boolean isDefault) {
        return new Option(id, id.toUpperCase(Locale.ROOT), 0L, List.of(), isDefault, null);
    }
}
