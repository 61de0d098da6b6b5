package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a message does besides ordering, as the parser reads it: language, edits, questions, pickup, repeat. */
class TurnReaderUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot MENU = Menus.snapshot(Menus.indianRestaurant());

    @Test
    void devanagariAndHinglishAreHindiAndOtherTextSaysNothing() {
        assertThat(parse("एक पनीर टिक्का").language()).isEqualTo("hi");
        assertThat(parse("ek paneer tikka aur do butter naan").language()).isEqualTo("hi");
        assertThat(parse("bhaiya mera order kya hua").language()).isEqualTo("hi");
        assertThat(parse("what do you have").language()).isNull();
        assertThat(parse("2 butter naan").language()).isNull();
    }

    @Test
    void anEditSaysWhatItDoesAndWhichLineAsSaid() {
        ParseResult naan = parse("make the naan 4");
        assertThat(naan.intent()).isEqualTo(Intent.SET_QUANTITY);
        assertThat(naan.edit().quantity()).isEqualTo(4);
        // no item of this menu is just "naan": the cart decides which one is meant
        assertThat(naan.edit().target().looseItemIds())
                .containsExactlyInAnyOrder("garlic_naan", "butter_naan", "plain_naan");

        ParseResult coke = parse("change coke to mango lassi");
        assertThat(coke.intent()).isEqualTo(Intent.CHANGE);
        assertThat(coke.edit().target().itemIds()).containsExactly("coke");
        assertThat(coke.edit().replacement().lines())
                .extracting(ParseResult.Line::itemId)
                .containsExactly("mango_lassi");

        assertThat(parse("change the second one to large").edit().target().position())
                .isEqualTo(2);
        assertThat(parse("remove it").edit().target().isPronoun()).isTrue();
        assertThat(parse("one more naan").intent()).isEqualTo(Intent.ADD);
        assertThat(parse("remove the lassi and the coke").edit().targets()).hasSize(2);
    }

    @Test
    void aCountInAReferenceSaysHowManyOfTheLinesUnits() {
        ParseResult one = parse("change one coke to mango lassi");
        assertThat(one.edit().target().units()).isEqualTo(1);
        assertThat(one.edit().target().itemIds()).containsExactly("coke");
        assertThat(parse("make one of them large").edit().target()).satisfies(t -> {
            assertThat(t.units()).isEqualTo(1);
            assertThat(t.isPronoun()).isTrue();
        });
        assertThat(parse("change the coke to mango lassi").edit().target().units())
                .isNull();
        assertThat(parse("change the second one to mango lassi").edit().target().units())
                .isNull();
    }

    @Test
    void aMessageOfSeveralEditsIsReadClauseByClause() {
        ParseResult two = parse("remove the coke and add a mango lassi");
        assertThat(two.parts()).extracting(ParseResult::intent).containsExactly(Intent.REMOVE, Intent.ORDER);
        assertThat(two.parts().get(1).lines())
                .extracting(ParseResult.Line::itemId)
                .containsExactly("mango_lassi");

        ParseResult borrowed = parse("make the naan 4 and the chai 2");
        assertThat(borrowed.parts())
                .extracting(ParseResult::intent)
                .containsExactly(Intent.SET_QUANTITY, Intent.SET_QUANTITY);
        assertThat(borrowed.parts().get(1).edit().target().itemIds()).containsExactly("masala_chai");

        // one removal of a list, and plain orders, are one thing each
        assertThat(parse("remove the coke and the chai").parts()).isEmpty();
        assertThat(parse("2 butter chicken and 3 garlic naan").parts()).isEmpty();
        assertThat(parse("add 2 coke and 3 garlic naan").parts()).isEmpty();
    }

    @Test
    void misspeltAndHindiEditWordsAreRead() {
        assertThat(parse("chnage the coke to mango lassi").intent()).isEqualTo(Intent.CHANGE);
        assertThat(parse("swpa the coke for mango lassi").intent()).isEqualTo(Intent.CHANGE);
        ParseResult ko = parse("naan ko 4 kar do");
        assertThat(ko.intent()).isEqualTo(Intent.SET_QUANTITY);
        assertThat(ko.edit().quantity()).isEqualTo(4);
        assertThat(parse("नान को चार कर दो").edit().quantity()).isEqualTo(4);
        ParseResult more = parse("दो नान और");
        assertThat(more.intent()).isEqualTo(Intent.ADD);
        assertThat(more.edit().quantity()).isEqualTo(2);
    }

    @Test
    void whatAMessageWouldAnswerToAQuestionWithChoices() {
        assertThat(parse("cash").answer().payment()).isEqualTo(ParseResult.Payment.CASH);
        assertThat(parse("COD please").answer().payment()).isEqualTo(ParseResult.Payment.CASH);
        assertThat(parse("नकद").answer().payment()).isEqualTo(ParseResult.Payment.CASH);
        assertThat(parse("i will pay online").answer().payment()).isEqualTo(ParseResult.Payment.ONLINE);
        assertThat(parse("upi se").answer().payment()).isEqualTo(ParseResult.Payment.ONLINE);
        assertThat(parse("2").answer().number()).isEqualTo(2);
        assertThat(parse("the first one").answer().number()).isEqualTo(1);
        assertThat(parse("no thanks").answer().skip()).isTrue();
        assertThat(parse("asha@example.com").answer().email()).isEqualTo("asha@example.com");
        // inside an order, "cash" answers nothing
        assertThat(parse("2 butter chicken, cash on delivery").answer()).isNull();
        assertThat(parse("2 butter chicken").answer()).isNull();
    }

    @Test
    void plainOrdersAreNoEdits() {
        for (String order : List.of(
                "2 butter chicken and 3 garlic naan",
                "i want 2 butter naan",
                "make me 2 butter chicken",
                "2 masala chai less sugar")) {
            assertThat(parse(order).intent()).as(order).isEqualTo(Intent.ORDER);
            assertThat(parse(order).edit()).as(order).isNull();
        }
    }

    @Test
    void questionsAboutTheMenu() {
        ParseResult price = parse("how much is the butter chicken?");
        assertThat(price.intent()).isEqualTo(Intent.QUESTION);
        assertThat(price.question().topic()).isEqualTo(Topic.PRICE);
        assertThat(price.question().subject().itemIds()).containsExactly("butter_chicken");

        ParseResult veg = parse("what's vegetarian?");
        assertThat(veg.question().topic()).isEqualTo(Topic.TAG);
        assertThat(veg.question().tagSpellings()).contains("veg", "vegetarian");

        assertThat(parse("do you have 2 garlic naan").intent()).isEqualTo(Intent.ORDER);
        assertThat(parse("what do you have").intent()).isEqualTo(Intent.MENU);
    }

    @Test
    void pickupAndTheLastOrderAgain() {
        assertThat(parse("pickup").intent()).isEqualTo(Intent.PICKUP);
        assertThat(parse("I'll pick it up").intent()).isEqualTo(Intent.PICKUP);
        assertThat(parse("same again").intent()).isEqualTo(Intent.REPEAT);
        assertThat(parse("phir se").intent()).isEqualTo(Intent.REPEAT);
    }

    @Test
    void namesThatRunIntoOtherItemsAreAskedAboutNotOrdered() {
        ParseResult pizza = parse("one large paneer tikka pizza");

        assertThat(pizza.lines()).isEmpty();
        assertThat(pizza.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.span()).isEqualTo("paneer tikka pizza");
            assertThat(u.reason()).isEqualTo(ParseResult.Reason.UNKNOWN_ITEM);
            assertThat(u.candidates()).contains("paneer_tikka", "margherita_pizza");
        });
    }

    private static ParseResult parse(String text) {
        return PARSER.parse(text, MENU);
    }

    @Test
    void aMultiplierIsCarriedForTheCartToApply() {
        ParseResult doubled = parse("double the garlic naan");
        assertThat(doubled.intent()).isEqualTo(Intent.SET_QUANTITY);
        assertThat(doubled.edit().times()).isEqualTo(2);
        assertThat(doubled.edit().quantity()).isNull();
        assertThat(doubled.edit().target().itemIds()).containsExactly("garlic_naan");
        assertThat(doubled.edit().countFor(2)).isEqualTo(4);
        assertThat(parse("triple it").edit().times()).isEqualTo(3);
        assertThat(parse("twice as many butter naans").edit().target().itemIds())
                .containsExactly("butter_naan");
        assertThat(parse("make the coke double").edit().times()).isEqualTo(2);
        ParseResult round = parse("another round of the same");
        assertThat(round.edit().times()).isEqualTo(2);
        assertThat(round.edit().target().every()).isTrue();
        // "double cheese" is an option said twice, not a line's count
        assertThat(parse("a margherita pizza with double cheese").edit()).isNull();
    }

    @Test
    void theOtherOneTooAsksForTheLastEditAgain() {
        ParseResult other = parse("the other one too");
        assertThat(other.edit().again()).isTrue();
        assertThat(other.edit().target().other()).isTrue();
        assertThat(parse("same for the coke").edit().target().itemIds()).containsExactly("coke");
        assertThat(parse("that one as well").edit().again()).isTrue();
        assertThat(parse("both").edit().target().every()).isTrue();
        // an order said with "too" is an order
        assertThat(parse("a coke too").edit()).isNull();
        assertThat(parse("2 garlic naan as well").edit()).isNull();
    }

    @Test
    void aHindiVerbAfterADishIsNoDish() {
        ParseResult more = parse("ek aur naan daal do");
        assertThat(more.intent()).isEqualTo(Intent.ADD);
        assertThat(more.edit().target().looseItemIds()).doesNotContain("dal_makhani");
        assertThat(parse("2 garlic naan bhej do").lines())
                .extracting(ParseResult.Line::itemId, ParseResult.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("garlic_naan", 2));
        assertThat(parse("garlic naan bhej do").language()).isEqualTo("hi");
        // "ek dal do": one dal, please
        assertThat(parse("ek dal do").lines())
                .extracting(ParseResult.Line::itemId)
                .containsExactly("dal_makhani");
    }
}
