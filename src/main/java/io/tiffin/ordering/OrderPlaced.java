package io.tiffin.ordering;

/** Published once an order exists; tablets, payment and dispatch react to it. */
public record OrderPlaced(String orderId, String merchantId, String number, long total, String currency) {
}
