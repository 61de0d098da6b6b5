package io.tiffin.payment.internal;

import io.tiffin.ordering.Ordering;
import io.tiffin.platform.events.DurableEventHandler;
import org.springframework.stereotype.Component;

/**
 * Runs what a payment decision left to do, from the payment's outbox, at least once. Each step is
 * safe to repeat: ordering ignores a payment or cancellation it already applied, and a refund is
 * looked up at Razorpay before one is made, so a retry after a timeout never refunds twice.
 */
@Component
class PaymentSteps implements DurableEventHandler<PaymentStep> {

    private final Ordering ordering;
    private final RazorpayClient razorpay;
    private final PaymentDecisions decisions;

    PaymentSteps(Ordering ordering, RazorpayClient razorpay, PaymentDecisions decisions) {
        this.ordering = ordering;
        this.razorpay = razorpay;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "payment.steps";
    }

    @Override
    public Class<PaymentStep> eventType() {
        return PaymentStep.class;
    }

    @Override
    public void handle(PaymentStep step) {
        switch (step) {
            // an order cancelled meanwhile stays cancelled: its OrderStatusChanged refunds the payment
            case PaymentStep.PlaceOrder place -> ordering.paid(place.merchantId(), place.orderId());
            case PaymentStep.CancelOrder cancel ->
                ordering.cancelUnpaid(cancel.merchantId(), cancel.orderId(), cancel.reason());
            case PaymentStep.NoteOnOrder note ->
                ordering.notePayment(note.merchantId(), note.orderId(), note.state(), note.note());
            case PaymentStep.Refund refund -> refund(refund);
            case PaymentStep.CancelLink cancel -> cancelLink(cancel);
        }
    }

    /**
     * Razorpay refuses to cancel a link that is paid, expired or cancelled already: then the link's own
     * state is applied (a payment that beat the cancellation is refunded, as any late payment).
     */
    private void cancelLink(PaymentStep.CancelLink step) {
        try {
            razorpay.cancelLink(step.linkId());
        } catch (RazorpayClient.RazorpayException refused) {
            RazorpayClient.Link link = razorpay.fetchLink(step.linkId());
            if ("paid".equals(link.status()) && link.paymentId() != null) {
                decisions.apply(
                        step.orderId(),
                        (p, now) -> p.received(link.paymentId(), link.amountPaid(), link.currency(), now));
            } else if (!"cancelled".equals(link.status()) && !"expired".equals(link.status())) {
                throw refused;
            }
        }
    }

    private void refund(PaymentStep.Refund step) {
        Payment payment = decisions.find(step.orderId()).orElse(null);
        if (payment == null
                || payment.refunds().stream()
                        .noneMatch(
                                r -> r.paymentId().equals(step.paymentId()) && r.state() == Payment.RefundState.DUE)) {
            return; // requested (or settled) already
        }
        RazorpayClient.Refund refund = razorpay.findRefund(step.paymentId())
                .orElseGet(() -> razorpay.refund(step.paymentId(), step.amount(), step.orderId()));
        decisions.apply(step.orderId(), (p, now) -> p.refundRequested(step.paymentId(), refund.id(), now));
        if ("processed".equals(refund.status())) {
            decisions.apply(step.orderId(), (p, now) -> p.refundSettled(step.paymentId(), true, now));
        }
    }
}
