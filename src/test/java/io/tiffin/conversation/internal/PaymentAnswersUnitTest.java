package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typed answers to how to pay and to the email question: read by the parser, decided by the conversation. */
class PaymentAnswersUnitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cash | CASH",
                "COD | CASH",
                "cash on delivery | CASH",
                "i will pay by cash please | CASH",
                "nakad | CASH",
                "नकद | CASH",
                "2 | CASH",
                "the second one | CASH",
                "pay online | ONLINE",
                "upi | ONLINE",
                "UPI se | ONLINE",
                "gpay | ONLINE",
                "ऑनलाइन | ONLINE",
                "1 | ONLINE",
                "first | ONLINE"
            })
    void aTypedWayToPayPlacesTheOrderPaidThatWay(String answer, Order.PaymentMethod method) {
        Chat chat = new Chat().payingEitherWay();
        chat.say("2 garlic naan");
        chat.say("confirm");
        assertThat(chat.say("pickup")).contains("How would you like to pay");

        chat.say(answer);

        assertThat(chat.orders())
                .singleElement()
                .satisfies(o -> assertThat(o.payment().method()).isEqualTo(method));
    }

    @Test
    void somethingElseWhileAskedIsReadAsUsual() {
        Chat chat = new Chat().payingEitherWay();
        chat.say("2 garlic naan");
        chat.say("confirm");
        chat.say("pickup");

        chat.say("one more naan");

        assertThat(chat.orders()).isEmpty();
        assertThat(chat.cart()).isEqualTo("3 garlic-naan");
    }

    @Test
    void cashSaidWhenNobodyAskedPlacesNothing() {
        Chat chat = new Chat();
        chat.say("2 garlic naan");

        chat.say("cash");

        assertThat(chat.orders()).isEmpty();
        assertThat(chat.cart()).isEqualTo("2 garlic-naan");
    }

    @Test
    void theEmailQuestionTakesAnAddressOrASkipInAnyLanguage() {
        Chat withEmail = new Chat().offeringReceipts();
        withEmail.say("1 chole");
        withEmail.say("confirm");
        withEmail.say("pickup");
        withEmail.say("Asha@Example.com");
        assertThat(withEmail.orders())
                .singleElement()
                .satisfies(o -> assertThat(o.customer().email()).isEqualTo("asha@example.com"));

        Chat skipping = new Chat().offeringReceipts();
        skipping.say("1 chole");
        skipping.say("confirm");
        skipping.say("pickup");
        skipping.say("nahi");
        assertThat(skipping.orders())
                .singleElement()
                .satisfies(o -> assertThat(o.customer().email()).isNull());
    }
}
