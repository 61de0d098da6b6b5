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
        assertThat(naan.edit().target().looseItemIds()).containsExactlyInAnyOrder("garlic_naan", "butter_naan", "plain_naan");

        ParseResult coke = parse("change coke to mango lassi");
        assertThat(coke.intent()).isEqualTo(Intent.CHANGE);
        assertThat(coke.edit().target().itemIds()).containsExactly("coke");
        assertThat(coke.edit().replacement().lines()).extracting(ParseResult.Line::itemId).containsExactly("mango_lassi");

        assertThat(parse("change the second one to large").edit().target().position()).isEqualTo(2);
        assertThat(parse("remove it").edit().target().isPronoun()).isTrue();
        assertThat(parse("one more naan").intent()).isEqualTo(Intent.ADD);
        assertThat(parse("remove the lassi and the coke").edit().targets()).hasSize(2);
    }

    @Test
    void plainOrdersAreNoEdits() {
        for (String order : List.of("2 butter chicken and 3 garlic naan", "i want 2 butter naan", "make me 2 butter chicken",
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
}
