package io.tiffin.dispatch;

import java.time.Instant;
import java.util.Optional;

/** What other modules may ask about a delivery in progress, e.g. the conversation's "where is my order". */
public interface DeliveryTracking {

    /** The planned drop-off time of the order's open delivery; empty when it has none (yet). */
    Optional<Instant> etaOf(String merchantId, String orderId);
}
