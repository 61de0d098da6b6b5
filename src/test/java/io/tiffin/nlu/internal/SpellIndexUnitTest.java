package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellIndexUnitTest {

    private static final SpellIndex MENU_WORDS = new SpellIndex(
            List.of("tuna", "ham", "thin", "small", "large", "peppers", "pepperoni", "cheese", "tea", "extra", "hold"));

    @ParameterizedTest
    @CsvSource({
        "tyna, tuna", // a neighbouring key
        "hma, ham", // two letters swapped
        "smallll, small", // a key held down
        "pepers, peppers", // one of a double letter dropped
        "lsrge, large",
        "lagr, large", // a swap and a dropped letter in a five-letter word
        "peppoeni, pepperoni",
        "hokdd, hold",
        "thn, thin"
    })
    void readsTheSlipsOfAHurriedThumb(String typed, String meant) {
        assertThat(MENU_WORDS.closest(typed))
                .isNotNull()
                .extracting(SpellIndex.Match::word)
                .isEqualTo(meant);
    }

    @ParameterizedTest
    @CsvSource({"come", "ice", "sea", "hat", "extraordinary", "toma"})
    void leavesWordsTooFarFromAnyMenuWord(String typed) {
        assertThat(MENU_WORDS.closest(typed)).isNull();
    }

    @Test
    void neighbouringKeysCostLessThanOthers() {
        assertThat(SpellIndex.cost("tyna", "tuna", 5)).isLessThan(SpellIndex.cost("tona", "tuna", 5));
        assertThat(SpellIndex.cost("pizzza", "pizza", 5)).isLessThan(SpellIndex.cost("pizxza", "pizza", 5));
        assertThat(SpellIndex.cost("tuna", "ham", 1)).isEqualTo(-1);
    }

    @Test
    void aSecondSlipInAShortWordOnlyWhenOneWordIsThatNear() {
        assertThat(MENU_WORDS.onlyWithin("toma", 0.6))
                .isNotNull()
                .extracting(SpellIndex.Match::word)
                .isEqualTo("tuna");
        // "tma" is as near to tea as to tuna: no reading
        assertThat(MENU_WORDS.onlyWithin("tma", 0.6)).isNull();
    }
}
