package io.tiffin.ordering;

/** Stored with a new order; tablets, payment and dispatch react to it. */
public record OrderPlaced(String orderId, String merchantId, String number, long total, String currency)
        implements OrderEvent {}
