package io.tiffin.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menus;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class MenuCsvReaderUnitTest {

    private final MenuCsvReader reader = new MenuCsvReader();

    private static final String SAMPLE = """
            currency,category,item_id,item_name,price,aliases,tags,available,description,group_id,group_name,group_min,group_max,group_qualifiers,option_id,option_name,option_price,option_default,option_aliases
            INR,Pizza,pizza,Pizza,19900,pie|pizzas,veg,true,"Hand-stretched, wood-fired",,,,,,,,,,
            ,,pizza,,,,,,,size,Size,1,1,,small,Small,0,,personal|personal size
            ,,pizza,,,,,,,size,,,,,medium,Medium,8000,true,
            ,,pizza,,,,,,,size,,,,,large,Large,16000,,big
            ,,pizza,,,,,,,toppings,Toppings,0,12,extra|light|no,cheese,Cheese,0,true,mozzarella
            ,,pizza,,,,,,,toppings,,,,,onions,Onions,2000,,onion
            ,,pizza,,,,,,,toppings,,,,,pepperoni,Pepperoni,4000,,
            """;

    @Test
    void readsTheSampleOfTheFormatExactly() {
        assertThat(reader.read(SAMPLE, null)).isEqualTo(Menus.sample());
    }

    @Test
    void takesTheFallbackCurrencyWhenNoRowNamesOne() {
        Menu menu = reader.read("""
                category,item_id,item_name,price
                Breads,garlic_naan,Garlic Naan,7000
                Breads,butter_naan,Butter Naan,6000
                Drinks,coke,Coke,6000
                """, "INR");
        assertThat(menu.currency()).isEqualTo("INR");
        assertThat(menu.categories()).extracting(Menu.Category::name).containsExactly("Breads", "Drinks");
        assertThat(menu.items()).extracting(Menu.Item::id).containsExactly("garlic_naan", "butter_naan", "coke");
        assertThat(menu.item("coke").orElseThrow().price()).isEqualTo(6000L);
    }

    @Test
    void letsTheItemFieldsSitOnItsFirstOptionRow() {
        Menu menu = reader.read("""
                category,item_id,item_name,price,available,group_id,group_name,group_min,group_max,option_id,option_name,option_price,option_available
                Mains,biryani,Chicken Biryani,30000,yes,portion,Portion,1,1,half,Half,0,
                ,biryani,,,,portion,,,,full,Full,12000,no
                """, "INR");
        Menu.OptionGroup portion =
                menu.item("biryani").orElseThrow().group("portion").orElseThrow();
        assertThat(portion.isSingleChoice()).isTrue();
        assertThat(portion.options()).extracting(Menu.Option::id).containsExactly("half", "full");
        assertThat(portion.option("full").orElseThrow().isAvailable()).isFalse();
        assertThat(menu.item("biryani").orElseThrow().price()).isEqualTo(30000L);
    }

    @Test
    void reportsBadValuesWithTheirLine() {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> reader.read("""
                category,item_id,item_name,price,available
                Breads,naan,Naan,sixty,
                Breads,roti,Roti,3000,maybe
                """, "INR"));
        assertThat(thrown.problems())
                .containsExactly(
                        new Problem("line 2.price", "must be a whole number in minor units (paise, cents)"),
                        new Problem("line 3.available", "must be true or false"));
    }

    @Test
    void reportsMissingAndUnknownColumns() {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> reader.read("""
                category,item_id,name,price
                Breads,naan,Naan,6000
                """, "INR"));
        assertThat(thrown.problems())
                .extracting(Problem::path)
                .containsExactlyInAnyOrder("line 1.name", "line 1.item_name");
    }

    @Test
    void reportsConflictingRowsOfOneItem() {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> reader.read("""
                category,item_id,item_name,price,group_id,option_id,option_name
                Breads,naan,Naan,6000,,,
                Breads,naan,Naan,7000,extra,butter,Butter
                """, "INR"));
        assertThat(thrown.problems()).extracting(Problem::path).containsExactly("line 3.price");
    }

    @Test
    void reportsAnOptionRowWithoutItsOptionId() {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> reader.read("""
                category,item_id,item_name,price,group_id,option_id
                Breads,naan,Naan,6000,extras,
                """, "INR"));
        assertThat(thrown.problems()).extracting(Problem::path).containsExactly("line 2.option_id");
    }

    @Test
    void reportsAnUnterminatedQuote() {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> reader.read("""
                category,item_id,item_name,price
                Breads,naan,"Naan,6000
                """, "INR"));
        assertThat(thrown.problems()).extracting(Problem::path).containsExactly("csv");
    }

    @Test
    void reportsAnEmptyFile() {
        var thrown = catchThrowableOfType(
                InvalidInputException.class, () -> reader.read("category,item_id,item_name,price\n", "INR"));
        assertThat(thrown.problems()).extracting(Problem::path).isEqualTo(List.of("line 2"));
    }
}
