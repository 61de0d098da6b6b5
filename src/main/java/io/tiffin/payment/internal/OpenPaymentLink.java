package io.tiffin.payment.internal;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderAwaitingPayment;
import io.tiffin.platform.events.DurableEventHandler;
import java.time.Clock;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes the payment link of an order paid online. Idempotent across retries: the payment document is
 * created once (its id is the order id), and Razorpay is asked for a link with our reference before one
 * is made, so a call that timed out after Razorpay made the link finds it instead of making a second.
 * While Razorpay is down this throws and the relay retries with backoff; the board shows "payment link
 * pending" meanwhile.
 */
@Component
class OpenPaymentLink implements DurableEventHandler<OrderAwaitingPayment> {

    private final Payments payments;
    private final PaymentDecisions decisions;
    private final RazorpayClient razorpay;
    private final RazorpayProperties properties;
    private final Clock clock;

    OpenPaymentLink(
            Payments payments,
            PaymentDecisions decisions,
            RazorpayClient razorpay,
            RazorpayProperties properties,
            Clock clock) {
        this.payments = payments;
        this.decisions = decisions;
        this.razorpay = razorpay;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "payment.open-link";
    }

    @Override
    public Class<OrderAwaitingPayment> eventType() {
        return OrderAwaitingPayment.class;
    }

    @Override
    public void handle(OrderAwaitingPayment event) {
        String customerId = event.customer() == null ? null : event.customer().id();
        try {
            payments.insert(new Payment(
                    event.orderId(),
                    event.merchantId(),
                    event.number(),
                    event.total(),
                    event.currency(),
                    event.channel(),
                    customerId,
                    event.language(),
                    clock.instant()));
        } catch (DuplicateKeyException again) {
            // a retry: the payment exists, maybe with its link
        }
        Payment payment = payments.findById(event.orderId()).orElseThrow();
        if (payment.status() != Payment.Status.OPEN) {
            return;
        }
        RazorpayClient.Link link = razorpay.findLink(event.orderId())
                .orElseGet(() -> razorpay.createLink(new RazorpayClient.NewLink(
                        event.orderId(),
                        event.total(),
                        event.currency(),
                        clock.instant().plus(properties.linkExpiry()),
                        "Order #" + event.number(),
                        event.customer() == null ? null : event.customer().name(),
                        contact(event),
                        Map.of("tiffin_order_id", event.orderId(), "tiffin_merchant_id", event.merchantId()))));
        java.time.Instant expires = link.expireBy() > 0
                ? java.time.Instant.ofEpochSecond(link.expireBy())
                : clock.instant().plus(properties.linkExpiry());
        decisions.apply(event.orderId(), (p, now) -> p.linkReady(link.id(), link.url(), expires, now));
    }

    /** The phone to prefill: the one the customer gave, or their WhatsApp number (which is their id there). */
    static String contact(OrderAwaitingPayment event) {
        Order.Customer customer = event.customer();
        if (customer == null) {
            return null;
        }
        String phone =
                customer.phone() != null ? customer.phone() : "WHATSAPP".equals(event.channel()) ? customer.id() : null;
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 8 ? null : "+" + digits;
    }
}
