package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextNormalizerUnitTest {

    private final TextNormalizer normalizer = new TextNormalizer(Map.of("👍", "ok"));

    @Test
    void lowercasesAndStripsPunctuationAndUnknownEmoji() {
        assertThat(normalizer.tokens("  Two   BUTTER-chicken!!! 🍗 ")).containsExactly("two", "butter", "chicken");
    }

    @Test
    void turnsKnownEmojiIntoWords() {
        assertThat(normalizer.tokens("👍👍")).containsExactly("ok", "ok");
    }

    @Test
    void foldsCompatibilityFormsAndDropsApostrophes() {
        assertThat(normalizer.tokens("ｐａｎｅｅｒ What's")).containsExactly("paneer", "whats");
    }

    @Test
    void splitsDigitsFromLettersAndKeepsAmpersand() {
        assertThat(normalizer.tokens("2x naan&3coke")).containsExactly("2", "x", "naan", "&", "3", "coke");
    }

    @Test
    void readsSymbolsAndSlashedShortFormsAsWords() {
        var typed = new TextNormalizer(Map.of("+", "plus", "w/", "with", "w/o", "without"));
        assertThat(typed.tokens("Burger w/o onions + fries w/cheese"))
                .containsExactly("burger", "without", "onions", "plus", "fries", "with", "cheese");
        // a slash elsewhere is still only a space, and a "w" without one is a letter
        assertThat(typed.tokens("salt/pepper w onions")).containsExactly("salt", "pepper", "w", "onions");
    }

    @Test
    void keepsDevanagariWordsWhole() {
        assertThat(normalizer.tokens("दो नान")).containsExactly("दो", "नान");
    }

    @Test
    void singularizesCommonPlurals() {
        assertThat(TextNormalizer.singular("naans")).isEqualTo("naan");
        assertThat(TextNormalizer.singular("curries")).isEqualTo("curry");
        assertThat(TextNormalizer.singular("sandwiches")).isEqualTo("sandwich");
        assertThat(TextNormalizer.singular("glass")).isEqualTo("glass");
        assertThat(TextNormalizer.singular("hummus")).isEqualTo("hummus");
        assertThat(TextNormalizer.singular("gas")).isEqualTo("gas");
    }
}
