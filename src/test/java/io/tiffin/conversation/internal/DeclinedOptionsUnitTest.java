package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import io.tiffin.ordering.LineRequest.Qualifier;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.PricedCart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refused extra ("no extra cheese") stays on the cart line, shows in the cart and the order, and reaches the kitchen. */
class DeclinedOptionsUnitTest {

    private static final OptionRequest NO_EXTRA_CHEESE = new OptionRequest("toppings", "cheese", Qualifier.EXTRA);

    @Test
    void aRefusedExtraIsOnTheLineInTheCartAndOnThePlacedOrder() {
        Chat chat = new Chat();

        String cart = chat.say("1 large margherita pizza no extra cheese");

        assertThat(chat.lines()).singleElement().satisfies(line -> {
            assertThat(line.declined()).containsExactly(NO_EXTRA_CHEESE);
            assertThat(line.options()).noneMatch(o -> o.optionId().equals("cheese"));
            assertThat(line.notes()).isNull();
        });
        assertThat(cart).contains("1 × Margherita Pizza (Large)", "🚫 no extra Cheese");

        chat.say("confirm");
        String placed = chat.say("pickup");

        assertThat(placed).contains("🚫 no extra Cheese");
        Order order = chat.orders().getFirst();
        assertThat(order.items())
                .singleElement()
                .satisfies(line -> assertThat(line.declined())
                        .extracting(
                                PricedCart.PricedOption::optionId,
                                PricedCart.PricedOption::name,
                                PricedCart.PricedOption::qualifier)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("cheese", "Cheese", Qualifier.EXTRA)));
        assertThat(order.items().getFirst().lineTotal())
                .isEqualTo(chat.orders().getFirst().items().getFirst().unitPrice());
    }

    @Test
    void aHindiCustomerReadsTheRefusalInHindi() {
        Chat chat = new Chat();
        chat.say("namaste bhaiya");

        String cart = chat.say("ek large margherita pizza no extra cheese");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(cart).contains("🚫 एक्स्ट्रा Cheese नहीं");
    }

    @Test
    void theRefusalSurvivesEditsAndANoteButNotAReplacementItem() {
        Chat chat = new Chat();
        chat.say("2 large margherita pizza no extra cheese");

        chat.say("make one of them medium");
        assertThat(chat.lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.declined()).containsExactly(NO_EXTRA_CHEESE));

        chat.say("well done please");
        assertThat(chat.lines().getLast().declined()).containsExactly(NO_EXTRA_CHEESE);

        chat.say("change the first one to a large chicken tikka pizza");
        assertThat(chat.lines().getFirst()).satisfies(line -> {
            assertThat(line.itemId()).isEqualTo("chicken-tikka-pizza");
            assertThat(line.declined()).isEmpty();
        });
    }

    @Test
    void aChoiceButtonCarriesTheRefusalAndTheQualifiedOptions() {
        LineRequest line = new LineRequest(
                "margherita-pizza",
                2,
                List.of(
                        new OptionRequest("toppings", "onion", Qualifier.NO),
                        new OptionRequest("toppings", "olives", Qualifier.EXTRA)),
                "well done",
                List.of(NO_EXTRA_CHEESE));

        ChoiceIds.Selection tapped = ChoiceIds.parse(ChoiceIds.of(line, "size", "large"));

        assertThat(CartSteps.toRequest(tapped.line()))
                .isEqualTo(new LineRequest(
                        "margherita-pizza",
                        2,
                        List.of(
                                new OptionRequest("toppings", "onion", Qualifier.NO),
                                new OptionRequest("toppings", "olives", Qualifier.EXTRA),
                                new OptionRequest("size", "large", null)),
                        "well done",
                        List.of(NO_EXTRA_CHEESE)));
        assertThat(ChoiceIds.parse("item:margherita-pizza:1:!toppings=cheese"))
                .as("a refusal says what it refused")
                .isNull();
    }
}
