package io.tiffin.payment.internal;

import io.tiffin.ordering.Order.PaymentState;
import io.tiffin.payment.PaymentEvent;
import io.tiffin.platform.events.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The money side of one order paid online, keyed by the order id. Every webhook, reconciliation and
 * order change is decided here, on one document with a version check, and the decision's events are
 * stored in the same write ({@code outbox}). What wins when Razorpay's events come out of order:
 * <ul>
 * <li>a payment already recorded (same payment id) is not recorded again: "captured twice" is a no-op;
 * <li>paid wins over a later "failed" or "expired";
 * <li>a payment after the link expired or the order was closed cannot re-open the order: it is refunded;
 * <li>a second, different payment of a paid order is refunded;
 * <li>a payment of another amount or currency is kept, shown to the merchant, and never places the order;
 *     if the order is then cancelled, it is refunded.
 * </ul>
 * Each payment is refunded at most once: {@link #refunds} is keyed by payment id.
 */
@Document(Payment.COLLECTION)
class Payment {

    static final String COLLECTION = "payments";

    enum Status {
        /** Waiting for Razorpay to make the link (it may be down). */
        OPEN,
        LINK_SENT,
        PAID,
        /** A payment of another amount arrived: the merchant decides. */
        MISMATCH,
        EXPIRED,
        /** The order was rejected or cancelled before it was paid. */
        CLOSED
    }

    enum RefundState {
        DUE,
        REQUESTED,
        PROCESSED,
        FAILED
    }

    record RefundEntry(String paymentId, long amount, RefundState state, String refundId) {}

    @Id
    private String orderId;

    private String merchantId;
    private String number;
    private long amount;
    private String currency;
    private String channel;
    private String customerId;
    private String language;
    private Status status;

    @Indexed(sparse = true)
    private String linkId;

    private String linkUrl;
    private Instant expiresAt;

    @Indexed(sparse = true)
    private String paymentId;

    private long paidAmount;
    private int failures;
    private List<RefundEntry> refunds = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Payment() {}

    Payment(
            String orderId,
            String merchantId,
            String number,
            long amount,
            String currency,
            String channel,
            String customerId,
            String language,
            Instant now) {
        this.orderId = orderId;
        this.merchantId = merchantId;
        this.number = number;
        this.amount = amount;
        this.currency = currency;
        this.channel = channel;
        this.customerId = customerId;
        this.language = language;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String orderId() {
        return orderId;
    }

    String merchantId() {
        return merchantId;
    }

    String number() {
        return number;
    }

    long amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    Status status() {
        return status;
    }

    String linkId() {
        return linkId;
    }

    String linkUrl() {
        return linkUrl;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    String paymentId() {
        return paymentId;
    }

    List<RefundEntry> refunds() {
        return List.copyOf(refunds);
    }

    /** Razorpay made (or had already made) the link: the customer gets it. Repeating it changes nothing. */
    boolean linkReady(String id, String url, Instant expires, Instant now) {
        if (linkId != null || status != Status.OPEN) {
            return false;
        }
        linkId = id;
        linkUrl = url;
        expiresAt = expires;
        status = Status.LINK_SENT;
        record(
                new PaymentEvent.LinkReady(
                        orderId, merchantId, number, channel, customerId, language, url, amount, currency, expires),
                now);
        record(new PaymentStep.NoteOnOrder(orderId, merchantId, PaymentState.LINK_SENT, null), now);
        return true;
    }

    /** A captured payment of {@code paid} in {@code paidCurrency}; see the class comment for what wins. */
    boolean received(String id, long paid, String paidCurrency, Instant now) {
        if (id == null
                || id.equals(paymentId)
                || refunds.stream().anyMatch(r -> r.paymentId().equals(id))) {
            return false;
        }
        switch (status) {
            case PAID, MISMATCH ->
                refund(id, paid, "a second payment of " + paid + " " + paidCurrency + " is refunded", now);
            case EXPIRED, CLOSED -> {
                paymentId = id;
                paidAmount = paid;
                refund(id, paid, "paid after the order was closed: refunded", now);
            }
            case OPEN, LINK_SENT -> {
                paymentId = id;
                paidAmount = paid;
                if (paid != amount || !currency.equalsIgnoreCase(paidCurrency)) {
                    status = Status.MISMATCH;
                    record(
                            new PaymentStep.NoteOnOrder(
                                    orderId,
                                    merchantId,
                                    PaymentState.MISMATCH,
                                    "paid " + paid + " " + paidCurrency + " instead of " + amount + " " + currency
                                            + ": not placed"),
                            now);
                } else {
                    status = Status.PAID;
                    record(new PaymentStep.PlaceOrder(orderId, merchantId), now);
                    record(
                            new PaymentEvent.Received(
                                    orderId, merchantId, number, channel, customerId, language, amount, currency),
                            now);
                }
            }
        }
        return true;
    }

    /** A failed attempt while the link works: the customer may try again with it. */
    boolean failed(Instant now) {
        if (status != Status.LINK_SENT) {
            return false;
        }
        failures++;
        record(
                new PaymentEvent.Failed(orderId, merchantId, number, channel, customerId, language, linkUrl, failures),
                now);
        return true;
    }

    /** The link expired (or was cancelled) unpaid: the order is cancelled. After a payment it changes nothing. */
    boolean expired(Instant now) {
        if (status != Status.OPEN && status != Status.LINK_SENT) {
            return false;
        }
        status = Status.EXPIRED;
        record(new PaymentStep.CancelOrder(orderId, merchantId, "the payment link expired"), now);
        return true;
    }

    /** The order was rejected or cancelled: what was paid goes back; an unpaid link is no longer wanted. */
    boolean orderClosed(Instant now) {
        return switch (status) {
            case OPEN, LINK_SENT -> {
                status = Status.CLOSED;
                if (linkId != null) {
                    record(new PaymentStep.CancelLink(orderId, merchantId, linkId), now);
                }
                updatedAt = now;
                yield true;
            }
            case PAID, MISMATCH ->
                refund(paymentId, paidAmount, "refund of " + paidAmount + " " + currency + " started", now);
            case EXPIRED, CLOSED -> false;
        };
    }

    private boolean refund(String id, long paid, String note, Instant now) {
        if (refunds.stream().anyMatch(r -> r.paymentId().equals(id))) {
            return false;
        }
        refunds.add(new RefundEntry(id, paid, RefundState.DUE, null));
        record(new PaymentStep.Refund(orderId, merchantId, id, paid), now);
        record(new PaymentStep.NoteOnOrder(orderId, merchantId, PaymentState.REFUND_PENDING, note), now);
        return true;
    }

    /** Razorpay took the refund request (or had it already). */
    boolean refundRequested(String id, String refundId, Instant now) {
        return replaceRefund(
                id,
                r -> r.state() == RefundState.DUE
                        ? new RefundEntry(r.paymentId(), r.amount(), RefundState.REQUESTED, refundId)
                        : null,
                now);
    }

    /** The refund of this payment was processed or failed; each is recorded once. */
    boolean refundSettled(String id, boolean processed, Instant now) {
        RefundState to = processed ? RefundState.PROCESSED : RefundState.FAILED;
        RefundEntry[] changed = new RefundEntry[1];
        boolean done = replaceRefund(
                id,
                r -> r.state() == RefundState.PROCESSED || r.state() == to
                        ? null
                        : (changed[0] = new RefundEntry(r.paymentId(), r.amount(), to, r.refundId())),
                now);
        if (done) {
            long refunded = changed[0].amount();
            record(
                    new PaymentStep.NoteOnOrder(
                            orderId,
                            merchantId,
                            processed ? PaymentState.REFUNDED : PaymentState.REFUND_FAILED,
                            processed
                                    ? "refund of " + refunded + " " + currency + " processed"
                                    : "refund of " + refunded + " " + currency + " failed: refund it by hand"),
                    now);
            record(
                    new PaymentEvent.Refund(
                            orderId, merchantId, number, channel, customerId, language, refunded, currency, processed),
                    now);
        }
        return done;
    }

    private boolean replaceRefund(String id, java.util.function.UnaryOperator<RefundEntry> change, Instant now) {
        for (int i = 0; i < refunds.size(); i++) {
            if (refunds.get(i).paymentId().equals(id)) {
                RefundEntry next = change.apply(refunds.get(i));
                if (next == null) {
                    return false;
                }
                refunds.set(i, next);
                updatedAt = now;
                return true;
            }
        }
        return false;
    }

    /** Events stored with the payment and not yet delivered, oldest first. */
    List<Object> pendingEvents() {
        return outbox == null
                ? List.of()
                : outbox.stream().map(OutboxEntry::event).toList();
    }

    private void record(Object event, Instant now) {
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.add(OutboxEntry.of(event, now));
        updatedAt = now;
    }
}
