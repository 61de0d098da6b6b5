package io.tiffin.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.Order.PaymentState;
import io.tiffin.payment.PaymentEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What wins when Razorpay's events come twice or out of order; each case asserts the stored events. */
class PaymentUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static Payment linked() {
        Payment payment = new Payment("o1", "m1", "12", 45000, "INR", "WHATSAPP", "919700000000", "en", NOW);
        assertThat(payment.linkReady("plink_1", "https://rzp.io/i/x", NOW.plusSeconds(900), NOW))
                .isTrue();
        return payment;
    }

    @Test
    void aLinkIsSentOnceHoweverOftenItIsReported() {
        Payment payment = linked();
        assertThat(payment.linkReady("plink_2", "https://rzp.io/i/y", NOW, NOW)).isFalse();
        assertThat(payment.linkId()).isEqualTo("plink_1");
        assertThat(payment.pendingEvents()).hasSize(2).first().isInstanceOf(PaymentEvent.LinkReady.class);
    }

    @Test
    void theRightAmountPlacesTheOrderAndACaptureOfTheSamePaymentChangesNothing() {
        Payment payment = linked();
        assertThat(payment.received("pay_1", 45000, "INR", NOW)).isTrue();
        assertThat(payment.received("pay_1", 45000, "INR", NOW)).isFalse();
        assertThat(payment.status()).isEqualTo(Payment.Status.PAID);
        assertThat(types(payment))
                .containsExactly(
                        PaymentEvent.LinkReady.class,
                        PaymentStep.NoteOnOrder.class,
                        PaymentStep.PlaceOrder.class,
                        PaymentEvent.Received.class);
    }

    @Test
    void anotherAmountOrCurrencyIsFlaggedAndNeverPlaced() {
        Payment payment = linked();
        assertThat(payment.received("pay_1", 40000, "INR", NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(Payment.Status.MISMATCH);
        assertThat(types(payment)).doesNotContain(PaymentStep.PlaceOrder.class);
        assertThat(payment.pendingEvents().getLast())
                .isInstanceOfSatisfying(
                        PaymentStep.NoteOnOrder.class,
                        note -> assertThat(note.state()).isEqualTo(PaymentState.MISMATCH));

        Payment dollars = linked();
        dollars.received("pay_2", 45000, "USD", NOW);
        assertThat(dollars.status()).isEqualTo(Payment.Status.MISMATCH);
    }

    @Test
    void paidAfterExpiredIsRefundedAndTheOrderStaysCancelled() {
        Payment payment = linked();
        assertThat(payment.expired(NOW)).isTrue();
        assertThat(payment.received("pay_1", 45000, "INR", NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(Payment.Status.EXPIRED);
        assertThat(types(payment))
                .containsSubsequence(PaymentStep.CancelOrder.class, PaymentStep.Refund.class)
                .doesNotContain(PaymentStep.PlaceOrder.class);
    }

    @Test
    void expiredOrFailedAfterPaidChangesNothing() {
        Payment payment = linked();
        payment.received("pay_1", 45000, "INR", NOW);
        int events = payment.pendingEvents().size();
        assertThat(payment.expired(NOW)).isFalse();
        assertThat(payment.failed(NOW)).isFalse();
        assertThat(payment.pendingEvents()).hasSize(events);
    }

    @Test
    void aClosedOrderRefundsEachPaymentOnceAndASecondPaymentIsRefundedToo() {
        Payment payment = linked();
        payment.received("pay_1", 45000, "INR", NOW);
        assertThat(payment.received("pay_2", 45000, "INR", NOW)).isTrue();
        assertThat(payment.orderClosed(NOW)).isTrue();
        assertThat(payment.orderClosed(NOW)).isFalse();
        assertThat(payment.refunds()).extracting(Payment.RefundEntry::paymentId).containsExactly("pay_2", "pay_1");
        assertThat(payment.pendingEvents().stream().filter(PaymentStep.Refund.class::isInstance))
                .hasSize(2);
    }

    @Test
    void closingAnUnpaidOrderCancelsItsLinkOnce() {
        Payment payment = linked();
        assertThat(payment.orderClosed(NOW)).isTrue();
        assertThat(payment.orderClosed(NOW)).isFalse();
        assertThat(payment.status()).isEqualTo(Payment.Status.CLOSED);
        assertThat(payment.pendingEvents().stream().filter(PaymentStep.CancelLink.class::isInstance))
                .hasSize(1);
        assertThat(payment.expired(NOW)).isFalse();
    }

    @Test
    void aRefundIsSettledOnce() {
        Payment payment = linked();
        payment.received("pay_1", 45000, "INR", NOW);
        payment.orderClosed(NOW);
        assertThat(payment.refundRequested("pay_1", "rfnd_1", NOW)).isTrue();
        assertThat(payment.refundSettled("pay_1", true, NOW)).isTrue();
        assertThat(payment.refundSettled("pay_1", true, NOW)).isFalse();
        assertThat(payment.refundSettled("pay_1", false, NOW)).isFalse();
        assertThat(payment.pendingEvents().getLast())
                .isInstanceOfSatisfying(
                        PaymentEvent.Refund.class,
                        refund -> assertThat(refund.processed()).isTrue());
    }

    @Test
    void failedAttemptsAreNumbered() {
        Payment payment = linked();
        payment.failed(NOW);
        payment.failed(NOW);
        assertThat(payment.pendingEvents().stream()
                        .filter(PaymentEvent.Failed.class::isInstance)
                        .map(e -> ((PaymentEvent.Failed) e).attempt()))
                .containsExactly(1, 2);
    }

    private static List<Class<?>> types(Payment payment) {
        return payment.pendingEvents().stream().<Class<?>>map(Object::getClass).toList();
    }
}
