package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions about the demo menu: answered from it, the cart never changed, each item offered to add. */
class MenuAnswersUnitTest {

    @Test
    void howMuchIsBiryaniAnswersThePricesAndAddsNothing() {
        Chat chat = new Chat();
        chat.say("2 garlic naan");

        List<OutboundMessage> replies = chat.send("how much is biryani?");

        assertThat(chat.cart()).isEqualTo("2 garlic-naan");
        assertThat(replies.get(0).text()).contains("Chicken Biryani: ₹319", "Veg Biryani: ₹269");
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Chicken Biryani", "Veg Biryani");
        chat.tap(replies.get(0).buttons().get(1));
        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 1 veg-biryani");
    }

    @Test
    void priceOfGarlicNaan() {
        Chat chat = new Chat();

        assertThat(chat.say("price of garlic naan?")).contains("Garlic Naan: ₹70");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void whatsVegetarianListsTheItemsTaggedVeg() {
        Chat chat = new Chat();

        String reply = chat.say("what's vegetarian?");

        assertThat(reply)
                .contains("vegetarian", "Paneer Tikka", "Dal Makhani", "Garlic Naan")
                .doesNotContain("Butter Chicken", "Chicken Biryani");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aTagNoItemHasIsSaid() {
        Chat chat = new Chat();

        assertThat(chat.say("what's vegan?")).contains("nothing on our menu is marked vegan");
    }

    @Test
    void isAnItemVegetarian() {
        Chat chat = new Chat();

        assertThat(chat.say("is the paneer tikka veg?")).contains("Yes, *Paneer Tikka* is vegetarian");
        assertThat(chat.say("is butter chicken vegetarian")).contains("No, *Butter Chicken*");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void whatAnItemComesWith() {
        Chat chat = new Chat();

        String reply = chat.say("what comes with the chicken biryani");

        assertThat(reply).contains("Dum-cooked with basmati rice", "Size: Regular or Large", "Raita");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void whatIsSpicyWhenTheMenuTagsNothingSpicy() {
        Chat chat = new Chat();

        assertThat(chat.say("is there anything spicy?")).contains("nothing on our menu is marked spicy");
    }

    @Test
    void aQuestionAboutSomethingNotOnTheMenuSaysSo() {
        Chat chat = new Chat();

        assertThat(chat.say("how much is a sprite?")).contains("We have no *sprite*");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void howMuchIsTheTotalShowsTheCart() {
        Chat chat = new Chat();
        chat.say("1 masala chai");

        assertThat(chat.say("how much is the total")).contains("1 × Masala Chai", "Total: ₹49");
    }

    @Test
    void whatIsAvailable() {
        Chat chat = new Chat();

        assertThat(chat.say("do you have garlic naan")).contains("Yes, *Garlic Naan* is available: ₹70");
        assertThat(chat.say("what's available now?")).contains("Butter Chicken", "Malai Kulfi");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aHindiQuestionIsAnsweredInHindi() {
        Chat chat = new Chat();

        String reply = chat.say("garlic naan kitne ka hai");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(reply).contains("Garlic Naan: ₹70", "जोड़ने");
    }
}
