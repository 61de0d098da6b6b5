package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A question about several dishes at once ("do you have gulab jamun and kulfi?"): each dish named is
 * answered on its own row from the menu, one the menu does not have is said so, the cart stays as
 * it was, and each dish that can be had is a button to add it.
 */
class MultiItemQuestionsUnitTest {

    @Test
    void doYouHaveTwoDessertsAnswersEachOneSoldOutAmongThem() {
        Chat chat = new Chat();
        chat.say("2 garlic naan");

        List<OutboundMessage> replies = chat.send("do you have gulab jamun and kulfi?");

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("""
                        • Yes, *Gulab Jamun (2 pcs)*: ₹79
                        • Sorry, *Malai Kulfi* is sold out
                        Tap one to add it, or tell me what you'd like.""");
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Gulab Jamun (2 pcs)");
        assertThat(chat.cart()).isEqualTo("2 garlic-naan");

        chat.tap(replies.get(0).buttons().get(0));
        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 1 gulab-jamun");
    }

    @Test
    void howMuchAreTheBiryaniAndTheNaanPricesEachInTheOrderAsked() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("how much are the biryani and the naan");

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("""
                        • *Chicken Biryani*: ₹319
                        • *Veg Biryani*: ₹269
                        • *Plain Naan*: ₹50
                        Tap one to add it, or tell me what you'd like.""");
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Chicken Biryani", "Veg Biryani", "Plain Naan");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void isThePaneerTikkaAndTheDalVegetarianAnswersEach() {
        Chat chat = new Chat();
        chat.say("1 butter chicken");

        String reply = chat.say("is the paneer tikka and the dal vegetarian?");

        assertThat(reply).isEqualTo("""
                        • Yes, *Paneer Tikka* (₹249) is vegetarian
                        • Yes, *Dal Makhani* (₹249) is vegetarian
                        Tap one to add it, or tell me what you'd like.""");
        assertThat(chat.cart()).isEqualTo("1 butter-chicken");
    }

    @Test
    void aDishNotTaggedIsSaidNoOnItsOwnRow() {
        Chat chat = new Chat();

        String reply = chat.say("are the butter chicken and the chole vegetarian?");

        assertThat(reply)
                .contains(
                        "• No, *Butter Chicken* (₹349) isn't marked vegetarian", "• Yes, *Chole* (₹199) is vegetarian");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aDishTheMenuDoesNotHaveIsSaidSoBesideTheOnesItHas() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("how much are the rasmalai and the sushi?");

        assertThat(replies.get(0).text()).contains("• *Rasmalai*: ₹99", "• We have no *sushi*.");
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Rasmalai");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void threeDishesInAListWithCommas() {
        Chat chat = new Chat();

        String reply = chat.say("how much are the samosa, the chai and the mango lassi?");

        assertThat(reply)
                .contains("• *Veg Samosa (2 pcs)*: ₹79", "• *Masala Chai*: ₹49", "• *Mango Lassi*: ₹99")
                .doesNotContain("Sweet Lassi");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aHindiQuestionAboutTwoDishesIsAnsweredInHindi() {
        Chat chat = new Chat();

        String reply = chat.say("garlic naan aur mango lassi kitne ka hai");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(reply).contains("• *Garlic Naan*: ₹70", "• *Mango Lassi*: ₹99", "जोड़ने");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aDishWithAndInItsNameIsOneDish() {
        Chat chat = new Chat(menu("""
                {"currency":"INR","categories":[{"name":"Mains","items":[
                  {"id":"mac-and-cheese","name":"Mac and Cheese","price":24900,"tags":["veg"]},
                  {"id":"fish-and-chips","name":"Fish and Chips","price":29900},
                  {"id":"lemonade","name":"Lemonade","price":9900,"tags":["veg"]}]}]}
                """));

        assertThat(chat.say("how much is the mac and cheese?"))
                .contains("Mac and Cheese: ₹249")
                .doesNotContain("We have no");
        assertThat(chat.say("is the mac and cheese vegetarian?")).contains("Yes, *Mac and Cheese* is vegetarian");
        assertThat(chat.cart()).isEmpty();
    }

    private static io.tiffin.catalog.Menu menu(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, io.tiffin.catalog.Menu.class);
    }

    @Test
    void anOrderOfTwoDishesIsStillAnOrder() {
        Chat chat = new Chat();

        chat.say("gulab jamun and rasmalai");

        assertThat(chat.cart()).isEqualTo("1 gulab-jamun, 1 rasmalai");
    }
}
