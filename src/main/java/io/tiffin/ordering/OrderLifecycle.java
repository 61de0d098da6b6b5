package io.tiffin.ordering;

import static io.tiffin.ordering.OrderCommand.ACCEPT;
import static io.tiffin.ordering.OrderCommand.CANCEL;
import static io.tiffin.ordering.OrderCommand.CANCEL_UNDELIVERED;
import static io.tiffin.ordering.OrderCommand.DELIVER;
import static io.tiffin.ordering.OrderCommand.DRIVER_PICK_UP;
import static io.tiffin.ordering.OrderCommand.HAND_OVER;
import static io.tiffin.ordering.OrderCommand.MARK_READY;
import static io.tiffin.ordering.OrderCommand.REJECT;
import static io.tiffin.ordering.OrderCommand.START_PREPARING;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of allowed transitions. An order waiting for its online payment cannot be accepted
 * (it becomes PLACED only when paid), only rejected or cancelled. A kitchen may go straight from ACCEPTED to READY (small
 * orders skip the PREPARING tap); once food has left (PICKED_UP) only delivery remains, or, when the
 * delivery failed at the door, the merchant's cancellation; REJECTED, CANCELLED and DELIVERED are final.
 * A driver may collect a delivery from ACCEPTED on (the kitchen does not always tap "ready").
 */
public final class OrderLifecycle {

    private static final Map<OrderStatus, Map<OrderCommand, OrderStatus>> TABLE = new EnumMap<>(OrderStatus.class);

    static {
        allow(OrderStatus.AWAITING_PAYMENT, REJECT, OrderStatus.REJECTED);
        allow(OrderStatus.AWAITING_PAYMENT, CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.PLACED, ACCEPT, OrderStatus.ACCEPTED);
        allow(OrderStatus.PLACED, REJECT, OrderStatus.REJECTED);
        allow(OrderStatus.PLACED, CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.ACCEPTED, START_PREPARING, OrderStatus.PREPARING);
        allow(OrderStatus.ACCEPTED, MARK_READY, OrderStatus.READY);
        allow(OrderStatus.ACCEPTED, CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.PREPARING, MARK_READY, OrderStatus.READY);
        allow(OrderStatus.PREPARING, CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.READY, HAND_OVER, OrderStatus.PICKED_UP);
        allow(OrderStatus.READY, CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.PICKED_UP, DELIVER, OrderStatus.DELIVERED);
        allow(OrderStatus.ACCEPTED, DRIVER_PICK_UP, OrderStatus.PICKED_UP);
        allow(OrderStatus.PREPARING, DRIVER_PICK_UP, OrderStatus.PICKED_UP);
        allow(OrderStatus.READY, DRIVER_PICK_UP, OrderStatus.PICKED_UP);
        allow(OrderStatus.PICKED_UP, CANCEL_UNDELIVERED, OrderStatus.CANCELLED);
    }

    private OrderLifecycle() {}

    private static void allow(OrderStatus from, OrderCommand command, OrderStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(OrderCommand.class)).put(command, to);
    }

    /** Where the command leads from that status, or empty when it is not allowed there. */
    public static Optional<OrderStatus> next(OrderStatus from, OrderCommand command) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(command));
    }

    /** The commands a board may offer for an order in this status. */
    public static java.util.Set<OrderCommand> allowed(OrderStatus from) {
        return java.util.Set.copyOf(TABLE.getOrDefault(from, Map.of()).keySet());
    }
}
