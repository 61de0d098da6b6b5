package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;

/**
 * Whatever a customer types, the parser answers, and every line it proposes names an item and
 * options that are on the menu. Corpus runs in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class OrderParserFuzzTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot MENU = Menus.snapshot(Menus.indianRestaurant());

    @FuzzTest(maxDuration = "10m")
    void anyTextParsesToLinesOnTheMenu(String text) {
        ParseResult result = PARSER.parse(text, MENU);
        assertThat(result.intent()).isNotNull();
        assertThat(result.confidence()).isBetween(0.0, 1.0);
        for (ParseResult.Line line : result.lines()) {
            Menu.Item item = MENU.menu().item(line.itemId()).orElseThrow();
            for (ParseResult.ChosenOption option : line.options()) {
                assertThat(item.group(option.groupId()).orElseThrow().options())
                        .anyMatch(o -> o.id().equals(option.optionId()));
            }
        }
    }
}
