package io.tiffin.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Line;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Notes for the kitchen, read against the demo menu (spice levels on tikkas, none on butter chicken). */
class LineNotesUnitTest {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final MenuSnapshot MENU = Menus.snapshot(demoMenu());

    private static Menu demoMenu() {
        try (InputStream in = LineNotesUnitTest.class.getResourceAsStream("/demo/menu.json")) {
            return JsonMapper.builder().build().readValue(in, Menu.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParseResult parse(String utterance) {
        return PARSER.parse(utterance, MENU);
    }

    @Test
    void keepsWhatFollowsALineAsItsNote() {
        assertThat(parse("2 masala chai less sugar").lines())
                .containsExactly(new Line("masala-chai", 2, List.of(), "less sugar"));
        assertThat(parse("a coke no ice").lines()).containsExactly(new Line("coke", 1, List.of(), "no ice"));
        assertThat(parse("paneer tikka well done please").lines())
                .containsExactly(new Line("paneer-tikka", 1, List.of(), "well done"));
        assertThat(parse("butter chicken, make it spicy").lines())
                .containsExactly(new Line("butter-chicken", 1, List.of(), "make it spicy"));
    }

    @Test
    void howADishIsCookedReachesTheKitchenInTheCustomersWords() {
        assertThat(parse("paneer tikka medium well please").lines())
                .containsExactly(new Line("paneer-tikka", 1, List.of(), "medium well"));
        assertThat(parse("2 hara bhara kebab medium rare and a coke").lines())
                .extracting(Line::notes)
                .contains("medium rare");
    }

    @Test
    void choosesTheSpiceOptionInsteadOfANoteWhenTheItemHasOne() {
        assertThat(parse("paneer tikka, make it spicy").lines())
                .containsExactly(new Line("paneer-tikka", 1, List.of(new ChosenOption("spice", "hot", null)), null));
        assertThat(parse("2 chicken 65 extra spicy").lines())
                .containsExactly(new Line("chicken-65", 2, List.of(new ChosenOption("spice", "hot", null)), null));
    }

    @Test
    void aNoteStaysWithItsOwnLineInAList() {
        assertThat(parse("3 garlic naan well done and 2 dal makhani").lines())
                .containsExactly(
                        new Line("garlic-naan", 3, List.of(), "well done"),
                        new Line("dal-makhani", 2, List.of(), null));
        assertThat(parse("a sweet lassi and a mango lassi with less ice").lines())
                .containsExactly(
                        new Line("sweet-lassi", 1, List.of(), null), new Line("mango-lassi", 1, List.of(), "less ice"));
    }

    @Test
    void aDishNameSaidWithNoIsPartOfTheNoteButAWholeDishIsNot() {
        // "garlic" is a word of Garlic Naan, "onion" a pizza topping: on a dal both are the kitchen's business
        assertThat(parse("1 dal makhani, no onion no garlic").lines())
                .containsExactly(new Line("dal-makhani", 1, List.of(), "no onion no garlic"));
        assertThat(parse("2 butter naan, no coke").lines())
                .containsExactly(new Line("butter-naan", 2, List.of(), null));
    }

    @Test
    void chatterAfterALineIsNoNote() {
        assertThat(parse("2 butter naan thanks").lines()).containsExactly(new Line("butter-naan", 2, List.of(), null));
        assertThat(parse("1 chole ok confirm").lines().getFirst().notes()).isNull();
    }

    @Test
    void keepsTheNoteOfAnAmbiguousDishForTheQuestion() {
        ParseResult result = parse("one biryani extra spicy");

        assertThat(result.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.candidates()).containsExactlyInAnyOrder("chicken-biryani", "veg-biryani");
            assertThat(u.note()).isEqualTo("extra spicy");
        });
    }

    @Test
    void aMessageThatIsOnlyANoteSaysSo() {
        assertThat(parse("less sugar please").note()).isEqualTo("less sugar");
        assertThat(parse("make it spicy").note()).isEqualTo("make it spicy");
        assertThat(parse("no thanks").note()).isNull();
        assertThat(parse("cancel").intent()).isEqualTo(Intent.CANCEL);
        assertThat(parse("no, cancel").intent()).isEqualTo(Intent.CANCEL);
    }
}
