package io.tiffin.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.merchant.StoreRules;
import io.tiffin.merchant.StoreRules.DeliveryFee;
import io.tiffin.merchant.StoreRules.DeliveryFee.Band;
import io.tiffin.ordering.PricedCart.Charge;
import io.tiffin.ordering.PricedCart.Charge.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charges the server adds to a cart from the merchant's store rules. */
class ChargesUnitTest {

    // a pizza with its default medium size: 19900 + 8000
    private static final List<LineRequest> PIZZA = List.of(new LineRequest("pizza", 1, List.of(), null));
    private static final StoreRules RULES = new StoreRules(
            null,
            0,
            new DeliveryFee(null, List.of(new Band(3, 2000), new Band(6, 4000))),
            6.0,
            1000,
            new BigDecimal("5"));

    @Test
    void addsPackagingDeliveryByDistanceAndTaxOnItemsAndPackaging() {
        PricedCart cart = Pricing.price(PricingUnitTest.MENU, PIZZA, RULES, Order.FulfilmentType.DELIVERY, 4.2);

        assertThat(cart.subtotal()).isEqualTo(27900);
        assertThat(cart.charges())
                .containsExactly(
                        new Charge(Kind.PACKAGING, "Packaging", 1000),
                        new Charge(Kind.DELIVERY, "Delivery", 4000),
                        new Charge(Kind.TAX, "Tax 5%", 1445)); // 5% of 28900; delivery is not taxed
        assertThat(cart.total()).isEqualTo(27900 + 1000 + 4000 + 1445);
    }

    @Test
    void pickupPaysNoDeliveryFee() {
        PricedCart cart = Pricing.price(PricingUnitTest.MENU, PIZZA, RULES, Order.FulfilmentType.PICKUP, null);

        assertThat(cart.charges()).extracting(Charge::kind).containsExactly(Kind.PACKAGING, Kind.TAX);
        assertThat(cart.total()).isEqualTo(27900 + 1000 + 1445);
    }

    @Test
    void beforeTheAddressABandedFeeIsLeftOutAndAFlatFeeShown() {
        PricedCart banded = Pricing.price(PricingUnitTest.MENU, PIZZA, RULES, null, null);
        StoreRules flat = new StoreRules(null, 0, new DeliveryFee(3000L, null), null, 0, BigDecimal.ZERO);
        PricedCart flatFee = Pricing.price(PricingUnitTest.MENU, PIZZA, flat, null, null);

        assertThat(banded.charges()).extracting(Charge::kind).doesNotContain(Kind.DELIVERY);
        assertThat(flatFee.charges()).containsExactly(new Charge(Kind.DELIVERY, "Delivery", 3000));
        assertThat(flatFee.total()).isEqualTo(30900);
    }

    @Test
    void aDeliveryWithoutCoordinatesPaysTheHighestBand() {
        PricedCart cart = Pricing.price(PricingUnitTest.MENU, PIZZA, RULES, Order.FulfilmentType.DELIVERY, null);

        assertThat(cart.charges()).contains(new Charge(Kind.DELIVERY, "Delivery", 4000));
    }

    @Test
    void noRulesMeansNoCharges() {
        PricedCart cart =
                Pricing.price(PricingUnitTest.MENU, PIZZA, StoreRules.NONE, Order.FulfilmentType.DELIVERY, 3.0);

        assertThat(cart.charges()).isEmpty();
        assertThat(cart.total()).isEqualTo(27900);
    }

    @Test
    void notesAreOneLineOfPlainTextWithinTheLimit() {
        assertThat(new LineRequest("pizza", 1, List.of(), "  no ice\n\tplease ").notes())
                .isEqualTo("no ice please");
        assertThat(new LineRequest("pizza", 1, List.of(), " ").notes()).isNull();
        assertThat(new LineRequest("pizza", 1, List.of(), "x".repeat(500)).notes())
                .hasSize(LineRequest.MAX_NOTE_LENGTH);
        assertThat(new LineRequest("pizza", 1, List.of(), "no ice")
                        .sameChoiceAs(new LineRequest("pizza", 2, List.of(), null)))
                .isFalse();
    }
}
