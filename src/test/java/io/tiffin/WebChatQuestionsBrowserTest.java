package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Questions about several dishes at once, on a phone in the real web chat page: "do you have gulab
 * jamun and kulfi?" and "is the biryani or the naan spicy?" are each one reply with a row per dish,
 * in the order asked, a button for each dish that can be had, nothing wider than the screen, and the
 * cart untouched; "a mango lassi or a sweet lassi" asks which one. Screenshots go to
 * target/screenshots/questions-390-*.png for a person to look at.
 */
class WebChatQuestionsBrowserTest extends BrowserTestSupport {

    @Test
    void questionsAboutSeveralDishesReadAsOneRowPerDishOnAPhone() {
        TestMerchant merchant = newMerchant("Questions Web Kitchen");
        String slug = enableWebChat(merchant);

        try (WebChatPage chat =
                WebChatPage.open(browser, port, slug, WebChatPage.Screen.PHONE, "203.0.113.231", "Meera")) {
            List<String> each = chat.say("do you have gulab jamun and kulfi?");
            chat.screenshot("questions-390-each.png");
            assertThat(each).hasSize(1);
            assertThat(each.get(0).lines().toList())
                    .containsExactly(
                            "• Yes, Gulab Jamun (2 pcs): ₹79",
                            "• Sorry, Malai Kulfi is sold out",
                            "Tap one to add it, or tell me what you'd like.");
            assertThat(chat.newestChoices()).containsExactly("Gulab Jamun (2 pcs)");
            assertThat(chat.overflowing()).isEmpty();
            assertThat(chat.scrolledToNewest()).isTrue();

            List<String> or = chat.say("is the biryani or the naan spicy?");
            chat.screenshot("questions-390-or.png");
            assertThat(or).hasSize(1);
            assertThat(or.get(0).lines().toList())
                    .containsExactly(
                            "• No, Chicken Biryani (₹319) isn't marked spicy",
                            "• No, Veg Biryani (₹269) isn't marked spicy",
                            "• No, Plain Naan (₹50) isn't marked spicy",
                            "Tap one to add it, or tell me what you'd like.");
            assertThat(chat.newestChoices()).containsExactly("Chicken Biryani", "Veg Biryani", "Plain Naan");
            assertThat(chat.overflowing()).isEmpty();

            List<String> either = chat.say("a mango lassi or a sweet lassi");
            chat.screenshot("questions-390-either.png");
            assertThat(either).containsExactly("Which one would you like, Mango Lassi or Sweet Lassi? Tap one.");
            assertThat(chat.newestChoices()).containsExactly("Mango Lassi", "Sweet Lassi");
            assertThat(chat.shownCart()).isEmpty();
            assertThat(chat.overflowing()).isEmpty();

            List<String> picked = chat.tap("Sweet Lassi");
            assertThat(String.join("\n", picked))
                    .contains("1 × Sweet Lassi: ₹89")
                    .doesNotContain("Mango Lassi");
            assertThat(chat.errors).isEmpty();
        }
    }
}
