package io.tiffin.ordering;

import java.util.Optional;

/** The ordering module's API for the conversation. */
public interface Ordering {

    /** Prices the lines from the merchant's current menu and stores the order; idempotent by placement key. */
    Order place(PlaceOrder request);

    /** The customer's most recent order with this merchant on this channel. */
    Optional<Order> latestOf(String merchantId, String channel, String customerId);
}
