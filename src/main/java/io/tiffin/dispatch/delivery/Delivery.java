package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.DeliveryAssigned;
import io.tiffin.dispatch.DeliveryCompleted;
import io.tiffin.dispatch.DeliveryUpdated;
import io.tiffin.dispatch.DeliveryUpdated.Change;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.planning.StopKind;
import io.tiffin.platform.ConflictException;
import io.tiffin.platform.events.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order's trip from the kitchen to the door: a pickup stop and a drop-off stop, the driver who
 * carries it, the customer's delivery code (kept only as a hash) and tracking token, and the cash to
 * collect. Every change that others must hear of is written to {@code outbox} in the same save.
 */
@Document("deliveries")
@CompoundIndex(name = "merchant_status", def = "{'merchantId': 1, 'status': 1}")
@CompoundIndex(name = "driver_status", def = "{'driverId': 1, 'status': 1}")
public class Delivery {

    public static final int CODE_ATTEMPTS = 5;
    // an ETA that moved less than this is not news for the board or the customer
    static final Duration ETA_NEWS = Duration.ofMinutes(2);

    public record Place(String name, String address, GeoPoint location) {}

    /** A stop as planned: its id ({@code <deliveryId>.p} or {@code .d}), ETA and place in the driver's route. */
    public record Stop(String id, StopKind kind, Instant eta, Integer sequence, Instant arrivedAt, Instant doneAt) {

        Stop planned(Instant newEta, Integer newSequence) {
            return new Stop(id, kind, newEta, newSequence, arrivedAt, doneAt);
        }

        Stop arrived(Instant at) {
            return new Stop(id, kind, eta, sequence, arrivedAt == null ? at : arrivedAt, doneAt);
        }

        Stop done(Instant at) {
            return new Stop(id, kind, eta, sequence, arrivedAt, at);
        }
    }

    /** Who the customer is, as far as a driver may know: first name, and the phone for the active stop only. */
    public record Customer(String id, String firstName, String channel, String language) {}

    @Id
    private String id;

    @Indexed(unique = true)
    private String orderId;

    private String merchantId;
    private String orderNumber;
    private Customer customer;
    private Place pickup;
    private Place dropoff;
    private Instant readyAt;
    private Instant dueBy;
    private int itemsCount;
    private long cashToCollect;
    private String currency;
    private Long cashCollected;
    private String codeHash;
    // the code itself is kept only until the first assignment's event carries it to the customer
    private String pendingCode;
    private int wrongCodes;
    private boolean locked;

    @Indexed(unique = true)
    private String trackingToken;

    private DeliveryStatus status;
    private String driverId;
    private String driverName;
    private boolean pinned;
    private Stop pickupStop;
    private Stop dropoffStop;
    private String failureReason;
    private Instant createdAt;
    private Instant closedAt;
    private List<OutboxEntry> outbox = new ArrayList<>();

    @Version
    private Long version;

    protected Delivery() {}

    /**
     * A delivery for an accepted order. Without a drop-off location it waits for the merchant to place
     * one on the map ({@link #needsLocation()}); the planner does not see it until then.
     */
    public Delivery(
            String id,
            String orderId,
            String merchantId,
            String orderNumber,
            Customer customer,
            Place pickup,
            Place dropoff,
            Instant readyAt,
            Instant dueBy,
            int itemsCount,
            long cashToCollect,
            String currency,
            String code,
            String trackingToken,
            Instant now) {
        this.id = Objects.requireNonNull(id);
        this.orderId = orderId;
        this.merchantId = merchantId;
        this.orderNumber = orderNumber;
        this.customer = customer;
        this.pickup = pickup;
        this.dropoff = dropoff;
        this.readyAt = readyAt;
        this.dueBy = dueBy;
        this.itemsCount = itemsCount;
        this.cashToCollect = cashToCollect;
        this.currency = currency;
        this.trackingToken = trackingToken;
        this.codeHash = hash(trackingToken, code);
        this.pendingCode = code;
        this.status = DeliveryStatus.WAITING;
        this.pickupStop = new Stop(id + ".p", StopKind.PICKUP, null, null, null, null);
        this.dropoffStop = new Stop(id + ".d", StopKind.DROPOFF, null, null, null, null);
        this.createdAt = now;
        updated(Change.CREATED, null, now);
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public Customer customer() {
        return customer;
    }

    public Place pickup() {
        return pickup;
    }

    public Place dropoff() {
        return dropoff;
    }

    public Instant readyAt() {
        return readyAt;
    }

    public Instant dueBy() {
        return dueBy;
    }

    public int itemsCount() {
        return itemsCount;
    }

    public long cashToCollect() {
        return cashToCollect;
    }

    public String currency() {
        return currency;
    }

    public Long cashCollected() {
        return cashCollected;
    }

    public int codeAttemptsLeft() {
        return Math.max(0, CODE_ATTEMPTS - wrongCodes);
    }

    public boolean locked() {
        return locked;
    }

    public String trackingToken() {
        return trackingToken;
    }

    public DeliveryStatus status() {
        return status;
    }

    public String driverId() {
        return driverId;
    }

    public String driverName() {
        return driverName;
    }

    public boolean pinned() {
        return pinned;
    }

    public Stop pickupStop() {
        return pickupStop;
    }

    public Stop dropoffStop() {
        return dropoffStop;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    public boolean needsLocation() {
        return dropoff == null || dropoff.location() == null;
    }

    public Stop stop(StopKind kind) {
        return kind == StopKind.PICKUP ? pickupStop : dropoffStop;
    }

    /** The drop-off's planned time, the one the customer cares about. */
    public Instant eta() {
        return dropoffStop.eta();
    }

    /**
     * The planner's word for this delivery: a driver, ETAs and places in the driver's route. A stop
     * the driver has started, or a driver the merchant pinned, is not the planner's to change: only
     * the ETAs of the same driver are taken then. True when anything changed.
     */
    public boolean plan(
            String newDriverId,
            String newDriverName,
            Instant pickupEta,
            Integer pickupSequence,
            Instant dropoffEta,
            Integer dropoffSequence,
            Instant now) {
        if (!status.open() || needsLocation()) {
            return false;
        }
        boolean sameDriver = Objects.equals(newDriverId, driverId);
        if (!sameDriver && (pinned || status.started())) {
            return false;
        }
        Instant oldEta = dropoffStop.eta();
        Stop newPickup = status.carried() ? pickupStop : pickupStop.planned(pickupEta, pickupSequence);
        Stop newDropoff = dropoffStop.planned(dropoffEta, dropoffSequence);
        boolean changed = !sameDriver || !newPickup.equals(pickupStop) || !newDropoff.equals(dropoffStop);
        if (!changed) {
            return false;
        }
        pickupStop = newPickup;
        dropoffStop = newDropoff;
        if (!sameDriver) {
            assign(newDriverId, newDriverName, now);
        } else if (etaMoved(oldEta, dropoffEta)) {
            updated(Change.ETA, null, now);
        }
        return true;
    }

    /** The merchant chose the driver by hand; the planner keeps it until the delivery ends. */
    public void pin(String newDriverId, String newDriverName, Instant now) {
        if (!status.open()) {
            throw new ConflictException("the delivery is " + status);
        }
        if (status.started() && !newDriverId.equals(driverId)) {
            throw new ConflictException("the driver has already started this delivery");
        }
        pinned = true;
        if (!newDriverId.equals(driverId)) {
            pickupStop = pickupStop.planned(null, null);
            dropoffStop = dropoffStop.planned(null, null);
            assign(newDriverId, newDriverName, now);
        }
    }

    /**
     * The driver the merchant chose left their shift before starting it: the pin is given up so the
     * planner can give the delivery to someone who is there. True when this call released it.
     */
    public boolean releasePin() {
        if (!pinned || status.started() || !status.open()) {
            return false;
        }
        pinned = false;
        return true;
    }

    /** Nobody could take it in the last plan: back to waiting, visible on the board. */
    public boolean unassign(Instant now) {
        if (status != DeliveryStatus.ASSIGNED || pinned) {
            return false;
        }
        String previous = driverId;
        driverId = null;
        driverName = null;
        status = DeliveryStatus.WAITING;
        pickupStop = pickupStop.planned(null, null);
        dropoffStop = dropoffStop.planned(null, null);
        updated(Change.UNASSIGNED, previous, now);
        return true;
    }

    private void assign(String newDriverId, String newDriverName, Instant now) {
        String previous = driverId;
        driverId = newDriverId;
        driverName = newDriverName;
        if (status == DeliveryStatus.WAITING) {
            status = DeliveryStatus.ASSIGNED;
        }
        outbox.add(OutboxEntry.of(
                new DeliveryAssigned(
                        id,
                        orderId,
                        merchantId,
                        orderNumber,
                        customer.channel(),
                        customer.id(),
                        customer.language(),
                        driverId,
                        driverName,
                        dropoffStop.eta(),
                        trackingToken,
                        pendingCode,
                        now),
                now));
        pendingCode = null;
        updated(Change.ASSIGNED, previous, now);
    }

    /**
     * A driver's tap other than the code check. Answers false for a repeat of what is already done
     * (nothing changes); an action out of order is a {@link ConflictException}.
     */
    public boolean act(StopAction action, Instant now) {
        if (status == DeliveryStatus.CANCELLED) {
            throw new ConflictException("the order was cancelled");
        }
        DeliveryLifecycle.Outcome outcome = DeliveryLifecycle.of(status, action);
        if (outcome instanceof DeliveryLifecycle.AlreadyDone) {
            return false;
        }
        if (!(outcome instanceof DeliveryLifecycle.Move move)) {
            throw new ConflictException(
                    "cannot " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " a delivery that is " + status);
        }
        switch (action) {
            case ARRIVE_PICKUP -> pickupStop = pickupStop.arrived(now);
            case PICK_UP -> pickupStop = pickupStop.arrived(now).done(now);
            case ARRIVE_DROPOFF -> dropoffStop = dropoffStop.arrived(now);
            case DELIVER, FAIL -> dropoffStop = dropoffStop.arrived(now).done(now);
        }
        status = move.to();
        updated(Change.STOP, null, now);
        return true;
    }

    public enum CodeCheck {
        RIGHT,
        WRONG,
        LOCKED
    }

    /**
     * The customer's code at the door. Right: delivered, with the cash collected. Wrong: one attempt
     * less; the fifth wrong one locks the delivery for the merchant to resolve (and alerts the board).
     * Check {@link #act} first for order and repeats.
     */
    public CodeCheck deliver(String code, Long collected, Instant now) {
        if (locked) {
            return CodeCheck.LOCKED;
        }
        if (!matches(code)) {
            wrongCodes++;
            if (wrongCodes >= CODE_ATTEMPTS) {
                locked = true;
                updated(Change.LOCKED, null, now);
            }
            return locked ? CodeCheck.LOCKED : CodeCheck.WRONG;
        }
        act(StopAction.DELIVER, now);
        cashCollected = collected != null ? collected : cashToCollect;
        closedAt = now;
        outbox.add(OutboxEntry.of(
                new DeliveryCompleted(
                        id,
                        orderId,
                        merchantId,
                        orderNumber,
                        customer.channel(),
                        customer.id(),
                        customer.language(),
                        now),
                now));
        return CodeCheck.RIGHT;
    }

    /** Could not hand it over; the merchant decides (retry or cancel). */
    public boolean fail(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        if (!act(StopAction.FAIL, now)) {
            return false;
        }
        String stripped = reason.strip();
        failureReason = stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
        closedAt = now;
        updated(Change.FAILED, null, now);
        return true;
    }

    /** The merchant sends the driver to the door again: a failed or locked drop-off is open once more. */
    public void retry(Instant now) {
        if (status == DeliveryStatus.FAILED) {
            status = DeliveryStatus.PICKED_UP;
            dropoffStop = new Stop(dropoffStop.id(), StopKind.DROPOFF, null, null, null, null);
            failureReason = null;
            closedAt = null;
        } else if (!(locked && status.carried())) {
            throw new ConflictException("only a failed or locked delivery can be retried");
        }
        locked = false;
        wrongCodes = 0;
        updated(Change.RESOLVED, null, now);
    }

    /** The order was cancelled or rejected; true when this call ended the delivery. */
    public boolean cancel(Instant now) {
        if (status == DeliveryStatus.CANCELLED || status == DeliveryStatus.DELIVERED) {
            return false;
        }
        status = DeliveryStatus.CANCELLED;
        closedAt = now;
        updated(Change.CANCELLED, driverId, now);
        return true;
    }

    /** The merchant placed a delivery that had no coordinates on the map. */
    public void locate(GeoPoint location, Instant now) {
        if (!status.open() || status.carried()) {
            throw new ConflictException("the delivery is " + status);
        }
        dropoff = new Place(
                dropoff == null ? null : dropoff.name(), dropoff == null ? null : dropoff.address(), location);
        updated(Change.LOCATED, null, now);
    }

    /** The kitchen marked the order ready earlier (or later) than promised. */
    public boolean readyAt(Instant ready) {
        if (ready == null || ready.equals(readyAt) || !status.open()) {
            return false;
        }
        readyAt = ready;
        return true;
    }

    public boolean matches(String code) {
        return code != null
                && MessageDigest.isEqual(
                        hash(trackingToken, code).getBytes(StandardCharsets.US_ASCII),
                        codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    private void updated(Change change, String previousDriverId, Instant now) {
        outbox.add(OutboxEntry.of(
                new DeliveryUpdated(
                        id,
                        orderId,
                        merchantId,
                        orderNumber,
                        status.name(),
                        driverId,
                        previousDriverId,
                        dropoffStop.eta(),
                        change,
                        now),
                now));
    }

    private static boolean etaMoved(Instant before, Instant after) {
        if (before == null || after == null) {
            return before != after;
        }
        return Duration.between(before, after).abs().compareTo(ETA_NEWS) >= 0;
    }

    static String hash(String salt, String code) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
