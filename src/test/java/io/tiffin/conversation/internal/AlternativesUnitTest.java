package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dishes joined by "or". In a question ("is the biryani or the naan spicy?") each dish is answered
 * on its own row, in the order asked, and the cart stays as it was. In an order ("a coke or a
 * sprite, whichever") the customer wants one of them: which one is asked, with a button each, and
 * nothing is added until one is tapped; the rest of the message is ordered as said.
 */
class AlternativesUnitTest {

    @Test
    void isTheBiryaniOrTheNaanSpicyAnswersEachDishInOneReply() {
        Chat chat = new Chat();
        chat.say("1 butter chicken");

        List<OutboundMessage> replies = chat.send("is the biryani or the naan spicy?");

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("""
                        • No, *Chicken Biryani* (₹319) isn't marked spicy
                        • No, *Veg Biryani* (₹269) isn't marked spicy
                        • No, *Plain Naan* (₹50) isn't marked spicy
                        Tap one to add it, or tell me what you'd like.""");
        assertThat(chat.cart()).isEqualTo("1 butter-chicken");
    }

    @Test
    void doYouHaveMangoLassiOrSweetLassiSaysYesToEach() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("do you have mango lassi or sweet lassi");

        assertThat(replies.get(0).text()).startsWith("""
                        • Yes, *Mango Lassi*: ₹99
                        • Yes, *Sweet Lassi*: ₹89""");
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Mango Lassi", "Sweet Lassi");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void whichIsCheaperTheNaanOrTheRotiPricesEachAndAddsNothing() {
        Chat chat = new Chat();

        String reply = chat.say("which is cheaper, the naan or the roti");

        assertThat(reply).isEqualTo("""
                        • *Plain Naan*: ₹50
                        • *Tandoori Roti*: ₹35
                        Tap one to add it, or tell me what you'd like.""");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void aHindiOrQuestionIsAnsweredPerDishInHindi() {
        Chat chat = new Chat();

        String reply = chat.say("garlic naan ya butter naan kitne ka hai");

        assertThat(reply).contains("• *Garlic Naan*: ₹70", "• *Butter Naan*:", "जोड़ने");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void twoDrinksOfferedAsAlternativesAreAskedAboutNotBothAdded() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("a mango lassi or a sweet lassi");

        assertThat(chat.cart()).isEmpty();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("Which one would you like, Mango Lassi or Sweet Lassi? Tap one.");
        assertThat(replies.get(0).buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Mango Lassi", "Sweet Lassi");

        chat.tap(replies.get(0).buttons().get(1));
        assertThat(chat.cart()).isEqualTo("1 sweet-lassi");
    }

    @Test
    void theRestOfTheOrderIsAddedAndTheAlternativesAsked() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("2 garlic naan and a coke or a mango lassi");

        assertThat(chat.cart()).isEqualTo("2 garlic-naan");
        assertThat(replies.getLast().text()).isEqualTo("Which one would you like, Coca-Cola or Mango Lassi? Tap one.");
    }

    @Test
    void whicheverOfADrinkTheMenuDoesNotSellOffersTheOneItSells() {
        Chat chat = new Chat();

        List<OutboundMessage> replies = chat.send("a coke or a sprite, whichever");

        assertThat(chat.cart()).isEmpty();
        assertThat(replies.getLast().text()).isEqualTo("We have no *sprite*. Did you mean Coca-Cola?");
        assertThat(replies.getLast().buttons())
                .extracting(OutboundMessage.Choice::title)
                .containsExactly("Coca-Cola");
    }

    @Test
    void optionsOfOneDishJoinedByOrAreNotAlternativeDishes() {
        Chat chat = new Chat();

        chat.say("a large margherita pizza with no onion or capsicum");

        assertThat(chat.cart()).startsWith("1 margherita-pizza");
    }
}
