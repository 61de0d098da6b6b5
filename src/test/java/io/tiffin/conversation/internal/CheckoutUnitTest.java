package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import org.junit.jupiter.api.Test;

/** Checking out and the last order, with the real parser and an in-memory ordering. */
class CheckoutUnitTest {

    @Test
    void confirmAsksWhereAndPickupPlacesTheEditedCart() {
        Chat chat = new Chat();
        chat.say("2 butter chicken and 3 garlic naan");
        chat.say("make the naan 4");

        assertThat(chat.say("confirm")).contains("Where should we deliver");
        String placed = chat.say("pickup");

        assertThat(placed).contains("Your order *#1* is placed", "4 × Garlic Naan");
        Order order = chat.orders().getFirst();
        assertThat(order.fulfilment()).isEqualTo(Order.FulfilmentType.PICKUP);
        assertThat(order.items())
                .extracting(i -> i.quantity() + " " + i.itemId())
                .containsExactly("2 butter-chicken", "4 garlic-naan");
        assertThat(chat.cart()).isEmpty();
    }

    @Test
    void pickupWhenNoAddressIsAskedForOrdersNothing() {
        Chat chat = new Chat();
        chat.say("1 chole");

        chat.say("pickup");

        assertThat(chat.orders()).isEmpty();
        assertThat(chat.cart()).isEqualTo("1 chole");
    }

    @Test
    void sameAgainRefillsTheCartAndWhereIsMyOrderAnswers() {
        Chat chat = new Chat();
        assertThat(chat.say("same again")).contains("no orders");
        chat.say("1 veg biryani large and 2 coke can");
        chat.say("confirm");
        chat.say("pickup");

        chat.say("same again");

        assertThat(chat.cart()).isEqualTo("1 veg-biryani(size=large), 2 coke(container=can)");
        assertThat(chat.say("where is my order")).contains("*#1*", "waiting for the restaurant");
    }

    @Test
    void aTypedAddressAfterConfirmIsAnAddressNotAnEdit() {
        Chat chat = new Chat();
        chat.say("2 garlic naan");
        chat.say("confirm");

        chat.say("actually 42 Residency Road, Bengaluru");
        chat.say("42 Residency Road, Bengaluru");

        assertThat(chat.orders()).singleElement().satisfies(o -> {
            assertThat(o.items().getFirst().quantity()).isEqualTo(2);
            assertThat(o.deliveryAddress().text()).isEqualTo("42 Residency Road, Bengaluru");
        });
    }
}
