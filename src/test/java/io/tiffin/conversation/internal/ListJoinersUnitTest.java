package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The "or" and "and" inside a reply's lists are the customer's language's, from the templates' {@code lists.*}. */
class ListJoinersUnitTest {

    @Test
    void aHindiCustomerIsAskedWhichLassiAndToldWhatWasRemovedWithHindiJoiners() {
        Chat chat = new Chat();
        chat.say("ek sweet lassi aur ek mango lassi aur ek chole");

        String question = chat.say("lassi hata do");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(question).contains("1 × Sweet Lassi या 1 × Mango Lassi").doesNotContain(" or ");

        String removed = chat.say("dono");

        assertThat(chat.cart()).isEqualTo("1 chole");
        assertThat(removed)
                .contains("Sweet Lassi और Mango Lassi आपके कार्ट से हटा दिया गया है")
                .doesNotContain(" and ");
    }

    @Test
    void anEnglishCustomerReadsEnglishJoiners() {
        Chat chat = new Chat();
        chat.say("1 sweet lassi and 1 mango lassi and 1 chole");

        String question = chat.say("remove the lassi");

        assertThat(chat.language()).isEqualTo("en");
        assertThat(question).contains("1 × Sweet Lassi or 1 × Mango Lassi").doesNotContain(" या ");

        String removed = chat.say("both");

        assertThat(chat.cart()).isEqualTo("1 chole");
        assertThat(removed).contains("Removed Sweet Lassi and Mango Lassi").doesNotContain(" और ");
    }

    @Test
    void aHindiCustomerReadsAQualifiedOptionInHindi() {
        Chat chat = new Chat();
        chat.say("ek margherita pizza extra cheese ke saath");

        String cart = chat.say("ek chole bhi");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(cart).contains("एक्स्ट्रा").doesNotContain("extra ");
    }
}
