package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.OutboundMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Edits against the cart on the demo menu, read by the real parser: the cart each one leaves. */
class CartEditsUnitTest {

    @Test
    void makeTheNaanFourChangesTheGarlicNaanInTheCart() {
        Chat chat = new Chat();
        chat.say("2 butter chicken and 3 garlic naan");

        String reply = chat.say("make the naan 4");

        assertThat(chat.cart()).isEqualTo("2 butter-chicken, 4 garlic-naan");
        assertThat(reply).contains("4 × Garlic Naan").doesNotContain("Plain Naan");
    }

    @Test
    void removeTheLassiRemovesTheMangoLassiInTheCart() {
        Chat chat = new Chat();
        chat.say("1 chicken biryani and 1 mango lassi");

        String reply = chat.say("remove the lassi");

        assertThat(chat.cart()).isEqualTo("1 chicken-biryani");
        assertThat(reply).contains("Removed Mango Lassi").doesNotContain("in your cart.");
    }

    @Test
    void changeCokeToDietCokeReplacesIt() {
        Chat chat = new Chat();
        chat.say("2 coke bottle and 1 veg biryani");

        chat.say("change coke to diet coke");

        assertThat(chat.cart()).isEqualTo("2 diet-coke(container=bottle), 1 veg-biryani");
    }

    @Test
    void twoLinesThatFitAreAskedAboutAndTheTapEditsTheOneChosen() {
        Chat chat = new Chat();
        chat.say("2 garlic naan and 1 butter naan");

        List<OutboundMessage> replies = chat.send("make the naan 4");

        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 1 butter-naan");
        OutboundMessage question = replies.get(0);
        assertThat(question.text()).contains("Which one do you mean", "2 × Garlic Naan", "1 × Butter Naan");
        assertThat(question.buttons()).hasSize(2);
        chat.tap(question.buttons().get(1));
        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 4 butter-naan");
    }

    @Test
    void aPizzaTheMenuDoesNotHaveIsAskedAboutNeverSwappedForAStarter() {
        Chat chat = new Chat();

        String reply = chat.say("one large paneer tikka pizza extra cheese");

        assertThat(chat.cart()).isEmpty();
        assertThat(reply).contains("We have no *paneer tikka pizza*", "Did you mean", "Margherita Pizza");
    }

    @Test
    void aReplacementTheMenuDoesNotHaveLeavesTheCartAlone() {
        Chat chat = new Chat();
        chat.say("1 coke can and 1 chole");

        String reply = chat.say("instead of the coke, a sprite");

        assertThat(chat.cart()).isEqualTo("1 coke(container=can), 1 chole");
        assertThat(reply).contains("sprite");
    }

    @Test
    void twoChaiLessSugarIsANoteNotARemoval() {
        Chat chat = new Chat();

        chat.say("2 masala chai less sugar and a paneer tikka well done");

        assertThat(chat.cart()).isEqualTo("2 masala-chai, 1 paneer-tikka");
        assertThat(chat.lines().get(0).notes()).isEqualTo("less sugar");
    }

    @Test
    void anEditOfSomethingNotInTheCartSaysSoAndChangesNothing() {
        Chat chat = new Chat();
        chat.say("1 chole");

        String reply = chat.say("change the coke to a diet coke");

        assertThat(chat.cart()).isEqualTo("1 chole");
        assertThat(reply).contains("I don't see Coca-Cola in your cart");
    }

    @Test
    void removingSomeOfALineSaysHowMany() {
        Chat chat = new Chat();
        chat.say("2 butter chicken and 3 garlic naan");

        String reply = chat.say("please remove 1 butter chicken");

        assertThat(chat.cart()).isEqualTo("1 butter-chicken, 3 garlic-naan");
        assertThat(reply).contains("Removed 1 × Butter Chicken");
    }

    @Test
    void aCountInAReplacementMovesOnlyThatManyUnits() {
        Chat chat = new Chat();
        chat.say("2 coke can and 1 veg biryani");

        String reply = chat.say("change one coke to diet coke");

        assertThat(chat.cart()).isEqualTo("1 coke(container=can), 1 diet-coke(container=can), 1 veg-biryani");
        assertThat(reply).contains("1 × Coca-Cola", "1 × Diet Coke");
    }

    @Test
    void theSecondOfOneLineIsOneUnitOfIt() {
        Chat chat = new Chat();
        chat.say("2 medium margherita pizza");

        chat.say("make the second one large");

        assertThat(chat.cart()).isEqualTo("1 margherita-pizza(size=medium), 1 margherita-pizza(size=large)");
    }

    @Test
    void oneOfTheLinesUnitsJoinsALineThatIsAlreadyTheSame() {
        Chat chat = new Chat();
        chat.say("3 coke can and 1 diet coke can");

        chat.say("swap one coke for a diet coke");

        assertThat(chat.cart()).isEqualTo("2 coke(container=can), 2 diet-coke(container=can)");
    }

    @Test
    void severalEditsInOneMessageAreEachApplied() {
        Chat chat = new Chat();
        chat.say("1 chicken biryani and 2 coke can");

        String reply = chat.say("remove the coke and add a lassi");

        assertThat(chat.cart()).isEqualTo("1 chicken-biryani, 1 sweet-lassi");
        assertThat(reply).contains("Removed Coca-Cola", "1 × Sweet Lassi");
    }

    @Test
    void aSecondClauseWithoutAVerbBorrowsTheFirstOnes() {
        Chat chat = new Chat();
        chat.say("3 garlic naan and 1 sweet lassi");

        chat.say("make the naan 4 and the lassi mango");

        assertThat(chat.cart()).isEqualTo("4 garlic-naan, 1 mango-lassi");
    }

    @Test
    void anAmbiguousPartOfSeveralEditsAsksFirstAndChangesNothingUntilTapped() {
        Chat chat = new Chat();
        chat.say("2 garlic naan and 1 butter naan and 1 sweet lassi");

        List<OutboundMessage> replies = chat.send("make the lassi mango and the naan 3");

        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 1 butter-naan, 1 sweet-lassi");
        OutboundMessage question = replies.get(0);
        assertThat(question.text()).contains("2 × Garlic Naan", "1 × Butter Naan");
        chat.tap(question.buttons().get(0));
        assertThat(chat.cart()).isEqualTo("3 garlic-naan, 1 butter-naan, 1 mango-lassi");
    }

    @Test
    void twoAmbiguousPartsAreAskedOneAfterTheOther() {
        Chat chat = new Chat();
        chat.say("2 garlic naan and 1 butter naan and 1 chicken biryani and 1 veg biryani");

        OutboundMessage naan =
                chat.send("make the naan 4 and the biryani large").get(0);
        OutboundMessage biryani = chat.send(naan.buttons().get(1)).get(0);
        assertThat(biryani.text()).contains("1 × Chicken Biryani", "1 × Veg Biryani");
        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 1 butter-naan, 1 chicken-biryani, 1 veg-biryani");
        chat.tap(biryani.buttons().get(1));

        assertThat(chat.cart()).isEqualTo("2 garlic-naan, 4 butter-naan, 1 chicken-biryani, 1 veg-biryani(size=large)");
    }

    @Test
    void aReplacementTheMenuDoesNotHaveNeverReplacesOneUnitEither() {
        Chat chat = new Chat();
        chat.say("2 coke can");

        String reply = chat.say("change one coke to a sprite");

        assertThat(chat.cart()).isEqualTo("2 coke(container=can)");
        assertThat(reply).contains("sprite");
    }

    @Test
    void hindiAndDevanagariEditsChangeTheLineInTheCart() {
        Chat chat = new Chat();
        chat.say("2 butter chicken half and 3 garlic naan");

        chat.say("naan ko 4 kar do");
        assertThat(chat.cart()).isEqualTo("2 butter-chicken(portion=half), 4 garlic-naan");
        chat.say("दो नान और");
        assertThat(chat.cart()).isEqualTo("2 butter-chicken(portion=half), 6 garlic-naan");
        chat.say("नान को दो कर दो");
        assertThat(chat.cart()).isEqualTo("2 butter-chicken(portion=half), 2 garlic-naan");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("phrasings")
    void editPhrasings(String before, String edit, String cart) {
        Chat chat = new Chat();
        for (String message : before.split(" / ")) {
            chat.say(message);
        }

        chat.say(edit);

        assertThat(chat.cart()).as(edit).isEqualTo(cart);
    }

    /** What was ordered (messages split by " / "), the edit, the cart it must leave. */
    static Stream<Arguments> phrasings() {
        String naans = "2 butter chicken half and 3 garlic naan";
        String drinks = "1 chicken biryani and 2 coke can and 1 mango lassi";
        return Stream.of(
                Arguments.of(naans, "actually make that 2", "2 butter-chicken(portion=half), 2 garlic-naan"),
                Arguments.of(naans, "make it 5", "2 butter-chicken(portion=half), 5 garlic-naan"),
                Arguments.of(naans, "one more naan", "2 butter-chicken(portion=half), 4 garlic-naan"),
                Arguments.of(naans, "2 more naans please", "2 butter-chicken(portion=half), 5 garlic-naan"),
                Arguments.of(naans, "another garlic naan", "2 butter-chicken(portion=half), 4 garlic-naan"),
                Arguments.of(naans, "one less naan", "2 butter-chicken(portion=half), 2 garlic-naan"),
                Arguments.of(naans, "remove one naan", "2 butter-chicken(portion=half), 2 garlic-naan"),
                Arguments.of(naans, "make the butter chicken 3", "3 butter-chicken(portion=half), 3 garlic-naan"),
                Arguments.of(naans, "make the butter chicken full", "2 butter-chicken(portion=full), 3 garlic-naan"),
                Arguments.of(naans, "change the first one to full", "2 butter-chicken(portion=full), 3 garlic-naan"),
                Arguments.of(naans, "make the first one 1", "1 butter-chicken(portion=half), 3 garlic-naan"),
                Arguments.of(naans, "remove the last one", "2 butter-chicken(portion=half)"),
                Arguments.of(naans, "sorry, 4 naan", "2 butter-chicken(portion=half), 4 garlic-naan"),
                Arguments.of(naans, "just 1 naan", "2 butter-chicken(portion=half), 1 garlic-naan"),
                Arguments.of(
                        naans, "swap the garlic naan for butter naan", "2 butter-chicken(portion=half), 3 butter-naan"),
                Arguments.of(
                        naans, "can you change the naan to plain naan", "2 butter-chicken(portion=half), 3 plain-naan"),
                Arguments.of(naans, "naan hatao", "2 butter-chicken(portion=half)"),
                Arguments.of(drinks, "drop the coke", "1 chicken-biryani, 1 mango-lassi"),
                Arguments.of(drinks, "no lassi anymore", "1 chicken-biryani, 2 coke(container=can)"),
                Arguments.of(drinks, "i dont want the lassi", "1 chicken-biryani, 2 coke(container=can)"),
                Arguments.of(drinks, "remove the coke and the lassi", "1 chicken-biryani"),
                Arguments.of(drinks, "take off the lassi from my order", "1 chicken-biryani, 2 coke(container=can)"),
                Arguments.of(
                        drinks,
                        "change the second one to bottle",
                        "1 chicken-biryani, 2 coke(container=bottle), 1 mango-lassi"),
                Arguments.of(
                        drinks,
                        "instead of the coke, a diet coke",
                        "1 chicken-biryani, 2 diet-coke(container=can), 1 mango-lassi"),
                Arguments.of(
                        drinks,
                        "diet coke instead of coke",
                        "1 chicken-biryani, 2 diet-coke(container=can), 1 mango-lassi"),
                Arguments.of(
                        drinks,
                        "replace the mango lassi with a sweet lassi",
                        "1 chicken-biryani, 2 coke(container=can), 1 sweet-lassi"),
                Arguments.of(
                        drinks,
                        "make the biryani large",
                        "1 chicken-biryani(size=large), 2 coke(container=can), 1 mango-lassi"),
                Arguments.of(drinks, "make the lassi 3", "1 chicken-biryani, 2 coke(container=can), 3 mango-lassi"),
                Arguments.of(drinks, "make it 2", "1 chicken-biryani, 2 coke(container=can), 2 mango-lassi"),
                Arguments.of(drinks, "one more coke", "1 chicken-biryani, 3 coke(container=can), 1 mango-lassi"),
                Arguments.of(drinks, "remove it", "1 chicken-biryani, 2 coke(container=can)"),
                Arguments.of(drinks, "oops, only 1 coke", "1 chicken-biryani, 1 coke(container=can), 1 mango-lassi"),
                Arguments.of("1 veg biryani", "make it large", "1 veg-biryani(size=large)"),
                Arguments.of(
                        "1 veg biryani / 1 garlic naan", "make it large", "1 veg-biryani(size=large), 1 garlic-naan"),
                Arguments.of("1 masala chai", "another one", "2 masala-chai"),
                Arguments.of(drinks, "a diet coke instead", "1 chicken-biryani, 2 coke(container=can), 1 diet-coke"),
                Arguments.of("1 chole / 2 coke can", "a diet coke instead", "1 chole, 2 diet-coke(container=can)"),
                Arguments.of(
                        drinks,
                        "coke ki jagah diet coke",
                        "1 chicken-biryani, 2 diet-coke(container=can), 1 mango-lassi"),
                Arguments.of(naans, "get rid of the naan", "2 butter-chicken(portion=half)"),
                Arguments.of(naans, "take the naan off", "2 butter-chicken(portion=half)"),
                Arguments.of(naans, "change the naan quantity to 5", "2 butter-chicken(portion=half), 5 garlic-naan"),
                Arguments.of(
                        naans,
                        "change butter chicken to paneer butter masala",
                        "2 paneer-butter-masala(portion=half), 3 garlic-naan"),
                Arguments.of("1 coke", "make it a bottle", "1 coke(container=bottle)"),
                Arguments.of("1 chicken biryani and 1 veg biryani", "remove the chicken one", "1 veg-biryani"),
                Arguments.of(naans, "3 instead of 2", "2 butter-chicken(portion=half), 3 garlic-naan"),
                Arguments.of(naans, "no, 1 butter chicken", "1 butter-chicken(portion=half), 3 garlic-naan"),
                Arguments.of("1 paneer tikka", "ek aur paneer tikka", "2 paneer-tikka"),
                // a count moves only that many units
                Arguments.of(
                        "2 coke can",
                        "change one coke to diet coke",
                        "1 coke(container=can), 1 diet-coke(container=can)"),
                Arguments.of(
                        "2 coke can",
                        "change the second one to diet coke",
                        "1 coke(container=can), 1 diet-coke(container=can)"),
                Arguments.of(
                        "2 plain naan and 1 dal makhani",
                        "swap one naan for a garlic naan",
                        "1 plain-naan, 1 garlic-naan, 1 dal-makhani"),
                Arguments.of(
                        "2 medium margherita pizza",
                        "make one of the pizzas large",
                        "1 margherita-pizza(size=medium), 1 margherita-pizza(size=large)"),
                Arguments.of("3 garlic naan", "change 2 naan to butter naan", "1 garlic-naan, 2 butter-naan"),
                Arguments.of("2 veg biryani", "make one of them large", "1 veg-biryani, 1 veg-biryani(size=large)"),
                Arguments.of(
                        naans,
                        "change one of the naans to plain naan",
                        "2 butter-chicken(portion=half), 2 garlic-naan, 1 plain-naan"),
                Arguments.of(naans, "change 3 naan to butter naan", "2 butter-chicken(portion=half), 3 butter-naan"),
                // several edits in one message
                Arguments.of(
                        naans, "make it 2 butter chicken and 2 naan", "2 butter-chicken(portion=half), 2 garlic-naan"),
                Arguments.of(
                        naans, "make it 1 butter chicken and 5 naan", "1 butter-chicken(portion=half), 5 garlic-naan"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "remove the coke and add a lassi",
                        "1 chicken-biryani, 1 sweet-lassi"),
                Arguments.of(
                        "3 garlic naan and 1 sweet lassi",
                        "make the naan 4 and the lassi mango",
                        "4 garlic-naan, 1 mango-lassi"),
                Arguments.of(
                        "2 butter chicken half and 2 garlic naan",
                        "actually 3 naan not 2",
                        "2 butter-chicken(portion=half), 3 garlic-naan"),
                Arguments.of(
                        drinks,
                        "change the coke to diet coke and the lassi to sweet lassi",
                        "1 chicken-biryani, 2 diet-coke(container=can), 1 sweet-lassi"),
                Arguments.of(
                        naans,
                        "one more naan and a coke can",
                        "2 butter-chicken(portion=half), 4 garlic-naan, 1 coke(container=can)"),
                Arguments.of(
                        drinks,
                        "drop the lassi and make the biryani large",
                        "1 chicken-biryani(size=large), 2 coke(container=can)"),
                Arguments.of(
                        drinks,
                        "make the coke 1, and the lassi 2",
                        "1 chicken-biryani, 1 coke(container=can), 2 mango-lassi"),
                Arguments.of(
                        naans,
                        "remove one naan and add 2 coke can",
                        "2 butter-chicken(portion=half), 2 garlic-naan, 2 coke(container=can)"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "coke hatao aur lassi add karo",
                        "1 chicken-biryani, 1 sweet-lassi"),
                Arguments.of(
                        naans, "actually 3 naan and 1 butter chicken", "1 butter-chicken(portion=half), 3 garlic-naan"),
                Arguments.of(naans, "butter chicken aur naan hatao", ""),
                Arguments.of(
                        "2 medium margherita pizza",
                        "make the 2nd pizza large",
                        "1 margherita-pizza(size=medium), 1 margherita-pizza(size=large)"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "replace one coke with a mango lassi",
                        "1 chicken-biryani, 1 coke(container=can), 1 mango-lassi"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "make one coke a bottle",
                        "1 chicken-biryani, 1 coke(container=can), 1 coke(container=bottle)"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "add a mango lassi and remove the coke",
                        "1 chicken-biryani, 1 mango-lassi"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "change the coke to diet coke and 2 naan",
                        "1 chicken-biryani, 2 diet-coke(container=can), 2 plain-naan"),
                Arguments.of(
                        "1 chicken biryani and 2 coke can",
                        "swap the coke for a sprite and add a lassi",
                        "1 chicken-biryani, 2 coke(container=can), 1 sweet-lassi"),
                Arguments.of(
                        naans,
                        "remove the paneer tikka and add a coke can",
                        "2 butter-chicken(portion=half), 3 garlic-naan, 1 coke(container=can)"),
                // misspelt, romanised and Devanagari edits
                Arguments.of(naans, "chnage the naan to butter naan", "2 butter-chicken(portion=half), 3 butter-naan"),
                Arguments.of(naans, "make the garlik naan 4", "2 butter-chicken(portion=half), 4 garlic-naan"),
                Arguments.of(naans, "remvoe the naan", "2 butter-chicken(portion=half)"),
                Arguments.of(
                        naans,
                        "change butter chiken to paneer butter masala",
                        "2 paneer-butter-masala(portion=half), 3 garlic-naan"),
                Arguments.of(naans, "naan ko 4 kar do", "2 butter-chicken(portion=half), 4 garlic-naan"),
                Arguments.of(naans, "naan char kar do", "2 butter-chicken(portion=half), 4 garlic-naan"),
                Arguments.of(naans, "दो नान और", "2 butter-chicken(portion=half), 5 garlic-naan"),
                Arguments.of(
                        drinks,
                        "coke ko diet coke kar do",
                        "1 chicken-biryani, 2 diet-coke(container=can), 1 mango-lassi"),
                // failures: nothing changes that the customer did not name
                Arguments.of(
                        drinks,
                        "change the coke to a sprite",
                        "1 chicken-biryani, 2 coke(container=can), 1 mango-lassi"),
                Arguments.of(
                        "2 garlic naan and 1 butter naan",
                        "change one naan to plain naan",
                        "2 garlic-naan, 1 butter-naan"),
                Arguments.of(
                        drinks, "make the pizza large", "1 chicken-biryani, 2 coke(container=can), 1 mango-lassi"));
    }
}
