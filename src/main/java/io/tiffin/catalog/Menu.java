package io.tiffin.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A merchant's menu in the import format of MENU-FORMAT.md. Money is an integer in the currency's
 * minor unit. Values are validated by {@code MenuValidator} before a menu is stored.
 */
public record Menu(String currency, List<Category> categories) {

    public Menu {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public record Category(String name, List<Item> items) {
        public Category {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Item(
            String id,
            String name,
            List<String> aliases,
            String description,
            Long price,
            List<String> tags,
            Boolean available,
            List<OptionGroup> optionGroups) {

        public Item {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            tags = tags == null ? List.of() : List.copyOf(tags);
            optionGroups = optionGroups == null ? List.of() : List.copyOf(optionGroups);
        }

        public boolean isAvailable() {
            return available == null || available;
        }

        public Optional<OptionGroup> group(String groupId) {
            return optionGroups.stream().filter(g -> g.id().equals(groupId)).findFirst();
        }
    }

    public record OptionGroup(
            String id, String name, Integer min, Integer max, List<String> qualifiers, List<Option> options) {

        public OptionGroup {
            qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** A choice the customer must make: exactly one option (a size, a crust). */
        @JsonIgnore
        public boolean isSingleChoice() {
            return minOrZero() == 1 && max != null && max == 1;
        }

        public int minOrZero() {
            return min == null ? 0 : min;
        }

        public Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }

        public List<Option> defaults() {
            return options.stream().filter(Option::isDefault).toList();
        }
    }

    public record Option(
            String id,
            String name,
            Long price,
            List<String> aliases,
            @JsonProperty("default") @Field("default") Boolean selectedByDefault,
            Boolean available) {

        public Option {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public boolean isDefault() {
            return selectedByDefault != null && selectedByDefault;
        }

        public boolean isAvailable() {
            return available == null || available;
        }

        public long priceOrZero() {
            return price == null ? 0 : price;
        }
    }

    public Stream<Item> items() {
        return categories.stream().flatMap(c -> c.items().stream());
    }

    public Optional<Item> item(String itemId) {
        return items().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
