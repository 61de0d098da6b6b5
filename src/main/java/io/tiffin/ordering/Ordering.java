package io.tiffin.ordering;

import java.util.Optional;

/** The ordering module's API for the conversation. */
public interface Ordering {

    /** Prices the lines from the merchant's current menu and stores the order; idempotent by placement key. */
    Order place(PlaceOrder request);

    /** The customer's most recent order with this merchant on this channel. */
    Optional<Order> latestOf(String merchantId, String channel, String customerId);

    /**
     * The customer's most recent order with this merchant on this channel or, when the channel
     * vouches for their phone number (E.164), on any channel that knew the same number: a customer
     * of WhatsApp and SMS is one customer.
     */
    Optional<Order> latestOf(String merchantId, String channel, String customerId, String verifiedPhone);

    /**
     * Where the customer's most recent delivery from this merchant went, found as {@link #latestOf(String,
     * String, String, String)} finds orders (their phone number on any channel that vouched for it), so a
     * caller can be offered it instead of saying it again.
     */
    Optional<Order.Address> lastDeliveryAddress(
            String merchantId, String channel, String customerId, String verifiedPhone);

    /** One order of a merchant, for modules acting on the platform's behalf (no caller check). */
    Optional<Order> find(String merchantId, String orderId);

    /**
     * The delivery's driver collected the order. Repeating it on an order already picked up (or
     * delivered) changes nothing; from any other status it is {@link IllegalTransitionException}.
     */
    Order pickedUpByDriver(String merchantId, String orderId);

    /** The driver handed it over with the customer's code; repeating it changes nothing. */
    Order deliveredByDriver(String merchantId, String orderId);

    /** The merchant gave up on a delivery that failed at the door; repeating it changes nothing. */
    Order cancelUndelivered(String merchantId, String orderId, String reason);

    /**
     * The online payment of an order arrived (payment checked the amount): it is placed and goes to the
     * board. Answers the order; still not PLACED when it had stopped waiting for payment (cancelled).
     */
    Order paid(String merchantId, String orderId);

    /** Shows where the payment stands on the board and, with a note, on the timeline. */
    Order notePayment(String merchantId, String orderId, Order.PaymentState state, String note);

    /**
     * An update about the order could not reach the customer (provider refusal, now or reported
     * later): the order keeps the reason for the board and notes it on its timeline. Repeating it
     * with the same reason changes nothing.
     */
    Order noteCustomerNotTold(String merchantId, String orderId, String reason);

    /** Cancels an order still waiting for its payment (the link expired); repeating it changes nothing. */
    Order cancelUnpaid(String merchantId, String orderId, String reason);

    /** A merchant's orders created in [from, to), for summaries (no caller check). */
    java.util.List<Order> createdBetween(String merchantId, java.time.Instant from, java.time.Instant to);
}
