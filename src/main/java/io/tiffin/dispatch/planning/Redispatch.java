package io.tiffin.dispatch.planning;

/**
 * Asks for a merchant's deliveries to be planned again. Requests are debounced: many within a moment
 * give one plan. Never throws: a planner failure leaves deliveries as they were and the next request
 * tries again.
 */
public interface Redispatch {

    void request(String merchantId, String reason);
}
