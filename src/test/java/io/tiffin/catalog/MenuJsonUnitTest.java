package io.tiffin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MenuJsonUnitTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesAMenuInTheImportFormatWithoutDerivedFields() {
        String written = json.writeValueAsString(
                new MenuSnapshot("m1", 3, Instant.parse("2026-01-01T00:00:00Z"), Menus.sample()));

        assertThat(written)
                .contains("\"version\":3", "\"default\":true", "\"price\":19900")
                .doesNotContain("singleChoice", "selectedByDefault");
    }

    @Test
    void readsBackWhatItWrites() {
        Menu read = json.readValue(json.writeValueAsString(Menus.sample()), Menu.class);

        Menu.OptionGroup size = read.item("pizza").orElseThrow().group("size").orElseThrow();
        assertThat(size.isSingleChoice()).isTrue();
        assertThat(size.defaults()).extracting(Menu.Option::id).containsExactly("medium");
        assertThat(read.item("pizza").orElseThrow().aliases()).containsExactly("pie", "pizzas");
    }

    @Test
    void readsTheImportFormat() {
        Menu read = json.readValue("""
                {"currency":"INR","categories":[{"name":"Breads","items":[
                  {"id":"naan","name":"Naan","price":5000,"optionGroups":[{"id":"extra","name":"Extra","min":0,"max":1,
                    "options":[{"id":"butter","name":"Butter","price":1000,"default":true}]}]}]}]}
                """, Menu.class);

        assertThat(read.item("naan").orElseThrow().group("extra").orElseThrow().defaults())
                .extracting(Menu.Option::id)
                .containsExactly("butter");
    }
}
