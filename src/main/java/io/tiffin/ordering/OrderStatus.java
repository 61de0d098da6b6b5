package io.tiffin.ordering;

public enum OrderStatus {
    AWAITING_PAYMENT,
    PLACED,
    ACCEPTED,
    PREPARING,
    READY,
    PICKED_UP,
    DELIVERED,
    REJECTED,
    CANCELLED
}
