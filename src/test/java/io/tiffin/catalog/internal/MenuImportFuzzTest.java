package io.tiffin.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A menu upload, JSON or CSV, is either refused with its problems or stored: never a crash, and a
 * menu the validator passes is one the order parser can read. Corpus runs in every build;
 * {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class MenuImportFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MenuCsvReader csv = new MenuCsvReader();
    private final MenuValidator validator = new MenuValidator();

    @FuzzTest(maxDuration = "10m")
    void anyJsonMenuIsRefusedOrUsable(byte[] body) {
        Menu menu;
        try {
            menu = JSON.readValue(body, Menu.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException refused) {
            // the web layer answers these with 400; NullPointerException only from record guards
            return;
        }
        usableIfValid(menu);
    }

    @FuzzTest(maxDuration = "10m")
    void anyCsvMenuIsRefusedOrUsable(String text) {
        Menu menu;
        try {
            menu = csv.read(text, "INR");
        } catch (InvalidInputException refused) {
            assertThat(refused.problems()).isNotEmpty();
            return;
        }
        usableIfValid(menu);
    }

    private void usableIfValid(Menu menu) {
        if (validator.problems(menu).isEmpty()) {
            assertThatCode(() -> new DeterministicOrderParser()
                            .parse("2 of the first one and a large", Menus.snapshot(menu)))
                    .doesNotThrowAnyException();
        }
    }
}
