package io.tiffin.ordering;

import java.util.List;

/**
 * A request to turn a confirmed cart into an order; prices are computed by the server.
 * {@code language} is the BCP-47 tag the customer was spoken to in ("en", "hi"), so the updates
 * that follow speak it too; absent or unreadable, it is English. {@code payment} is how the customer
 * chose to pay; absent, or a way the merchant does not take, it is the merchant's first accepted way
 * (cash when it takes cash).
 */
public record PlaceOrder(
        String merchantId,
        String channel,
        Order.Customer customer,
        List<LineRequest> lines,
        Order.FulfilmentType fulfilment,
        Order.Address deliveryAddress,
        String placementKey,
        String language,
        Order.PaymentMethod payment) {

    public PlaceOrder(
            String merchantId,
            String channel,
            Order.Customer customer,
            List<LineRequest> lines,
            Order.FulfilmentType fulfilment,
            Order.Address deliveryAddress,
            String placementKey,
            String language) {
        this(merchantId, channel, customer, lines, fulfilment, deliveryAddress, placementKey, language, null);
    }

    public PlaceOrder {
        language = Order.languageTag(language);
    }

    /** An order with no language of its own (an API client, an older caller): English. */
    public PlaceOrder(
            String merchantId,
            String channel,
            Order.Customer customer,
            List<LineRequest> lines,
            Order.FulfilmentType fulfilment,
            Order.Address deliveryAddress,
            String placementKey) {
        this(merchantId, channel, customer, lines, fulfilment, deliveryAddress, placementKey, null, null);
    }
}
