package io.tiffin.dispatch.delivery;

import static io.tiffin.dispatch.delivery.DeliveryStatus.AT_DROPOFF;
import static io.tiffin.dispatch.delivery.DeliveryStatus.AT_PICKUP;
import static io.tiffin.dispatch.delivery.DeliveryStatus.DELIVERED;
import static io.tiffin.dispatch.delivery.DeliveryStatus.FAILED;
import static io.tiffin.dispatch.delivery.DeliveryStatus.PICKED_UP;
import static io.tiffin.dispatch.delivery.StopAction.ARRIVE_DROPOFF;
import static io.tiffin.dispatch.delivery.StopAction.ARRIVE_PICKUP;
import static io.tiffin.dispatch.delivery.StopAction.DELIVER;
import static io.tiffin.dispatch.delivery.StopAction.FAIL;
import static io.tiffin.dispatch.delivery.StopAction.PICK_UP;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one table of a driver's taps. Each (status, action) either moves the delivery, is already done
 * (the phone replays a tap it made offline: answered with the current state, nothing changes), or is
 * out of order (409). Arriving is optional: "picked up" straight from ASSIGNED is fine.
 */
public final class DeliveryLifecycle {

    public sealed interface Outcome {}

    public record Move(DeliveryStatus to) implements Outcome {}

    public record AlreadyDone() implements Outcome {}

    public record OutOfOrder() implements Outcome {}

    private static final Map<DeliveryStatus, Map<StopAction, Outcome>> TABLE = new EnumMap<>(DeliveryStatus.class);
    private static final Outcome DONE = new AlreadyDone();
    private static final Outcome REFUSED = new OutOfOrder();

    static {
        on(DeliveryStatus.ASSIGNED, ARRIVE_PICKUP, new Move(AT_PICKUP));
        on(DeliveryStatus.ASSIGNED, PICK_UP, new Move(PICKED_UP));
        on(AT_PICKUP, ARRIVE_PICKUP, DONE);
        on(AT_PICKUP, PICK_UP, new Move(PICKED_UP));
        on(PICKED_UP, ARRIVE_PICKUP, DONE);
        on(PICKED_UP, PICK_UP, DONE);
        on(PICKED_UP, ARRIVE_DROPOFF, new Move(AT_DROPOFF));
        on(PICKED_UP, DELIVER, new Move(DELIVERED));
        on(PICKED_UP, FAIL, new Move(FAILED));
        on(AT_DROPOFF, ARRIVE_PICKUP, DONE);
        on(AT_DROPOFF, PICK_UP, DONE);
        on(AT_DROPOFF, ARRIVE_DROPOFF, DONE);
        on(AT_DROPOFF, DELIVER, new Move(DELIVERED));
        on(AT_DROPOFF, FAIL, new Move(FAILED));
        on(DELIVERED, ARRIVE_PICKUP, DONE);
        on(DELIVERED, PICK_UP, DONE);
        on(DELIVERED, ARRIVE_DROPOFF, DONE);
        on(DELIVERED, DELIVER, DONE);
        on(FAILED, ARRIVE_PICKUP, DONE);
        on(FAILED, PICK_UP, DONE);
        on(FAILED, ARRIVE_DROPOFF, DONE);
        on(FAILED, FAIL, DONE);
    }

    private DeliveryLifecycle() {}

    private static void on(DeliveryStatus status, StopAction action, Outcome outcome) {
        TABLE.computeIfAbsent(status, s -> new EnumMap<>(StopAction.class)).put(action, outcome);
    }

    /** What the action does from that status; anything not in the table is out of order. */
    public static Outcome of(DeliveryStatus status, StopAction action) {
        return TABLE.getOrDefault(status, Map.of()).getOrDefault(action, REFUSED);
    }
}
