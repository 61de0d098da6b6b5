package io.tiffin.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Money as a customer reads it: grouped the way the currency's country groups, whole amounts without ".00". */
class MoneyTextUnitTest {

    @Test
    void rupeesGroupInTheIndianSystem() {
        assertThat(MoneyText.format(0, "INR")).isEqualTo("₹0");
        assertThat(MoneyText.format(9_900, "INR")).isEqualTo("₹99");
        assertThat(MoneyText.format(102_600, "INR")).isEqualTo("₹1,026");
        assertThat(MoneyText.format(10_260_000, "INR")).isEqualTo("₹1,02,600");
        assertThat(MoneyText.format(1_234_567_800, "INR")).isEqualTo("₹1,23,45,678");
    }

    @Test
    void paiseAreShownOnlyWhenThereAreSome() {
        assertThat(MoneyText.format(19_950, "INR")).isEqualTo("₹199.50");
        assertThat(MoneyText.format(102_605, "INR")).isEqualTo("₹1,026.05");
        assertThat(MoneyText.format(19_900, "INR")).isEqualTo("₹199");
    }

    @Test
    void hindiKeepsTheRupeeSignDigitsAndLakhs() {
        assertThat(MoneyText.format(10_260_000, "INR", "hi")).isEqualTo("₹1,02,600");
        assertThat(MoneyText.format(102_600, "INR", "hi-IN")).isEqualTo("₹1,026");
    }

    @Test
    void otherCurrenciesFollowTheirOwnCountry() {
        assertThat(MoneyText.format(1_250, "USD")).isEqualTo("$12.50");
        assertThat(MoneyText.format(10_260_000, "USD")).isEqualTo("$102,600");
        assertThat(MoneyText.format(1_026, "JPY")).isEqualTo("¥1,026");
    }

    @Test
    void aLanguageWithoutARegionOrNoneAtAllStillFormats() {
        assertThat(MoneyText.format(102_600, "INR", null)).isEqualTo("₹1,026");
        assertThat(MoneyText.format(102_600, "inr", "")).isEqualTo("₹1,026");
    }
}
