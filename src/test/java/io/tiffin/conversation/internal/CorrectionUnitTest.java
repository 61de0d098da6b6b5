package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menu.Category;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Corrections read with the real parser against a small menu: which line changes and how. */
class CorrectionUnitTest {

    private static final EditPhrases PHRASES = EditPhrases.load();
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final Menu MENU = new Menu("INR", List.of(new Category("Mains", List.of(
            biryani("chicken-biryani", "Chicken Biryani"), biryani("veg-biryani", "Veg Biryani"),
            new Item("garlic-naan", "Garlic Naan", List.of(), null, 7000L, List.of(), true, List.of()),
            new Item("butter-naan", "Butter Naan", List.of(), null, 6000L, List.of(), true, List.of())))));
    private static final MenuSnapshot SNAPSHOT = Menus.snapshot(MENU);

    private static final LineRequest BIRYANI = new LineRequest("chicken-biryani", 1, List.of(), null);
    private static final LineRequest NAAN = new LineRequest("garlic-naan", 2, List.of(), null);

    @Test
    void aCountChangesTheQuantityOfTheLastLine() {
        List<LineRequest> cart = List.of(BIRYANI, NAAN);
        for (String text : List.of("make it 3", "3 instead of 2", "actually make that 3", "make it three")) {
            Optional<Correction> correction = correction(text, cart);
            assertThat(correction).as(text).isPresent();
            assertThat(correction.get().index()).as(text).isEqualTo(1);
            assertThat(correction.get().line()).as(text).isEqualTo(NAAN.withQuantity(3));
        }
    }

    @Test
    void aNamedItemIsTheLineThatChanges() {
        Optional<Correction> correction = correction("make the biryani 2", List.of(BIRYANI, NAAN));

        assertThat(correction).isPresent();
        assertThat(correction.get().index()).isZero();
        assertThat(correction.get().line().quantity()).isEqualTo(2);
    }

    @Test
    void anOptionChangesTheLastLineThatOffersIt() {
        for (String text : List.of("make it large", "make the biryani large")) {
            Optional<Correction> correction = correction(text, List.of(BIRYANI, NAAN));
            assertThat(correction).as(text).isPresent();
            assertThat(correction.get().index()).as(text).isZero();
            assertThat(correction.get().line()).as(text).isEqualTo(new LineRequest("chicken-biryani", 1,
                    List.of(new OptionRequest("size", "large", null)), null));
        }
    }

    @Test
    void aNewChoiceReplacesTheOldOne() {
        LineRequest large = new LineRequest("chicken-biryani", 2, List.of(new OptionRequest("size", "large", null)), null);

        Optional<Correction> correction = correction("actually make it regular", List.of(large));

        assertThat(correction.get().line().options()).containsExactly(new OptionRequest("size", "regular", null));
        assertThat(correction.get().line().quantity()).isEqualTo(2);
    }

    @Test
    void plainOrdersAndEmptyCartsAreNoCorrections() {
        assertThat(correction("2 butter naan", List.of(BIRYANI))).isEmpty();
        assertThat(correction("make it 3", List.of())).isEmpty();
        // a named item that is not in the cart is ordered, not corrected
        assertThat(correction("actually make that 2 butter naan", List.of(BIRYANI))).isEmpty();
    }

    @Test
    void theOldCountOfInsteadIsNotTheNewOne() {
        assertThat(PHRASES.quantity("instead of 2 make it 4")).hasValue(4);
        assertThat(PHRASES.quantity("make it a large")).isEmpty();
    }

    private static Optional<Correction> correction(String text, List<LineRequest> cart) {
        return Correction.of(text, PARSER.parse(text, SNAPSHOT), cart, MENU, PHRASES);
    }

    private static Item biryani(String id, String name) {
        return new Item(id, name, List.of(), null, 31900L, List.of(), true, List.of(new OptionGroup("size", "Size", 1, 1,
                List.of(), List.of(new Option("regular", "Regular", 0L, List.of(), true, true),
                        new Option("large", "Large", 10000L, List.of(), null, true)))));
    }
}
