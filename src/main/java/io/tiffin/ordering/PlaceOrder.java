package io.tiffin.ordering;

import java.util.List;

/** A request to turn a confirmed cart into an order; prices are computed by the server. */
public record PlaceOrder(String merchantId, String channel, Order.Customer customer, List<LineRequest> lines,
        Order.FulfilmentType fulfilment, Order.Address deliveryAddress, String placementKey) {
}
