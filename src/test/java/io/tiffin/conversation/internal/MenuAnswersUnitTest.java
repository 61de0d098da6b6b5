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
                .contains("vegetarian", "Paneer Tikka", "Dal Makhani", "Chole", "and 16 more")
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

    @Test
    void whichDessertsIsAListOfTheCategoryWithPricesAndHowToAdd() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("which desserts do you have?");

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("""
                        *Desserts*
                        • Gulab Jamun (2 pcs): ₹79
                        • Rasmalai: ₹99
                        • Malai Kulfi (sold out)
                        Reply with a dish to add it.""");
        // the sold-out kulfi is listed but cannot be tapped
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Gulab Jamun (2 pcs)", "Rasmalai");
        chat.tap(replies.get(0).buttons().get(1));
        assertThat(chat.cart()).isEqualTo("1 rasmalai");
    }

    @Test
    void severalDishesTheWordsFitAreOneListNotAYesEach() {
        Chat chat = new Chat();

        String reply = chat.say("do you have biryani");

        assertThat(reply)
                .startsWith("Here's what we have:")
                .contains("• Chicken Biryani: ₹319", "• Veg Biryani: ₹269")
                .doesNotContain("is available");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aLongListStopsAtEightRowsAndCountsTheRest() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("what's vegetarian?");
        String reply = replies.get(0).text();

        assertThat(reply.lines().filter(l -> l.startsWith("• "))).hasSize(MenuAnswers.LIST_ROWS);
        assertThat(reply).contains("…and 16 more: send *menu* to see everything.", "Reply with a dish to add it.");
        assertThat(replies.get(0).buttons()).hasSize(MenuAnswers.LIST_ROWS);
    }

    @Test
    void aHindiListIsInHindi() {
        Chat chat = new Chat();

        String reply = chat.say("kya veg hai");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(reply).contains("शाकाहारी", "• Paneer Tikka: ₹249", "…और 16 आइटम", "जोड़ने के लिए");
    }
}
