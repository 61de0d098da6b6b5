package io.tiffin.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menu.Category;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import io.tiffin.ordering.LineRequest.OptionRequest;
import io.tiffin.ordering.LineRequest.Qualifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingUnitTest {

    // the example of MENU-FORMAT.md
    static final Menu MENU = new Menu(
            "INR",
            List.of(new Category(
                    "Pizza",
                    List.of(
                            new Item(
                                    "pizza",
                                    "Pizza",
                                    List.of("pie"),
                                    null,
                                    19900L,
                                    List.of("veg"),
                                    true,
                                    List.of(
                                            new OptionGroup(
                                                    "size",
                                                    "Size",
                                                    1,
                                                    1,
                                                    List.of(),
                                                    List.of(
                                                            new Option("small", "Small", 0L, List.of(), null, null),
                                                            new Option(
                                                                    "medium", "Medium", 8000L, List.of(), true, null),
                                                            new Option(
                                                                    "large", "Large", 16000L, List.of(), null, null))),
                                            new OptionGroup(
                                                    "toppings",
                                                    "Toppings",
                                                    0,
                                                    12,
                                                    List.of("extra", "light", "no"),
                                                    List.of(
                                                            new Option("cheese", "Cheese", 0L, List.of(), true, null),
                                                            new Option(
                                                                    "onions", "Onions", 2000L, List.of(), null, null),
                                                            new Option(
                                                                    "pepperoni",
                                                                    "Pepperoni",
                                                                    4000L,
                                                                    List.of(),
                                                                    null,
                                                                    false))))),
                            new Item(
                                    "crust",
                                    "Crust",
                                    List.of(),
                                    null,
                                    5000L,
                                    List.of(),
                                    true,
                                    List.of(new OptionGroup(
                                            "kind",
                                            "Kind",
                                            1,
                                            1,
                                            List.of(),
                                            List.of(
                                                    new Option("thin", "Thin", 0L, List.of(), null, null),
                                                    new Option("thick", "Thick", 1000L, List.of(), null, null))))),
                            new Item("soda", "Soda", List.of(), null, 6000L, List.of(), false, List.of())))));

    @Test
    void appliesDefaultsWhenTheCustomerSaysNothing() {
        PricedCart cart = Pricing.price(MENU, List.of(new LineRequest("pizza", 2, List.of(), null)));

        assertThat(cart.total()).isEqualTo(2 * (19900 + 8000));
        assertThat(cart.lines().get(0).optionSummary()).isEmpty();
    }

    @Test
    void chosenSizeReplacesTheDefaultAndExtraCountsTwice() {
        var line = new LineRequest(
                "pizza",
                1,
                List.of(
                        new OptionRequest("size", "large", null),
                        new OptionRequest("toppings", "onions", Qualifier.EXTRA)),
                null);

        var priced = Pricing.priceLine(MENU, line);

        assertThat(priced.unitPrice()).isEqualTo(19900 + 16000 + 2 * 2000);
        assertThat(priced.optionSummary()).isEqualTo("Large, extra Onions");
    }

    @Test
    void removingADefaultOptionShowsItAndCostsNothing() {
        var line = new LineRequest("pizza", 1, List.of(new OptionRequest("toppings", "cheese", Qualifier.NO)), null);

        var priced = Pricing.priceLine(MENU, line);

        assertThat(priced.unitPrice()).isEqualTo(19900 + 8000);
        assertThat(priced.optionSummary()).isEqualTo("no Cheese");
    }

    @Test
    void refusingAnOptionThePizzaDoesNotHaveStillReachesTheTicketAndCostsNothing() {
        // "no onions, no pepperoni": an allergy note the kitchen must read, pepperoni even sold out
        var line = new LineRequest(
                "pizza",
                1,
                List.of(
                        new OptionRequest("toppings", "onions", Qualifier.NO),
                        new OptionRequest("toppings", "pepperoni", Qualifier.NO)),
                null);

        var priced = Pricing.priceLine(MENU, line);

        assertThat(priced.unitPrice()).isEqualTo(19900 + 8000);
        assertThat(priced.optionSummary()).isEqualTo("no Onions, no Pepperoni");
    }

    @Test
    void refusesUnavailableItemsAndOptions() {
        assertThatThrownBy(() -> Pricing.priceLine(MENU, new LineRequest("soda", 1, List.of(), null)))
                .isInstanceOfSatisfying(
                        PricingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PricingException.Reason.UNAVAILABLE_ITEM));
        assertThatThrownBy(() -> Pricing.priceLine(
                        MENU,
                        new LineRequest("pizza", 1, List.of(new OptionRequest("toppings", "pepperoni", null)), null)))
                .isInstanceOfSatisfying(
                        PricingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PricingException.Reason.UNAVAILABLE_OPTION));
    }

    @Test
    void asksForARequiredChoiceWithoutDefault() {
        assertThatThrownBy(() -> Pricing.priceLine(MENU, new LineRequest("crust", 1, List.of(), null)))
                .isInstanceOfSatisfying(
                        PricingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PricingException.Reason.MISSING_CHOICE));
    }

    @Test
    void refusesIdsTheMenuDoesNotHave() {
        assertThatThrownBy(() -> Pricing.priceLine(MENU, new LineRequest("sushi", 1, List.of(), null)))
                .isInstanceOfSatisfying(
                        PricingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PricingException.Reason.UNKNOWN_ITEM));
        assertThatThrownBy(() -> Pricing.priceLine(
                        MENU, new LineRequest("pizza", 1, List.of(new OptionRequest("size", "huge", null)), null)))
                .isInstanceOfSatisfying(
                        PricingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PricingException.Reason.UNKNOWN_OPTION));
    }

    @Test
    void refusesQualifiersTheGroupDoesNotOffer() {
        assertThatThrownBy(() -> Pricing.priceLine(
                        MENU,
                        new LineRequest(
                                "pizza", 1, List.of(new OptionRequest("size", "large", Qualifier.EXTRA)), null)))
                .isInstanceOf(PricingException.class);
    }
}
