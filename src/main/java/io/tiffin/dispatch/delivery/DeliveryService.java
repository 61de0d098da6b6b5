package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.DeliveryTracking;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.fleet.Driver;
import io.tiffin.dispatch.fleet.FleetService;
import io.tiffin.dispatch.planning.Redispatch;
import io.tiffin.dispatch.planning.StopKind;
import io.tiffin.identity.CurrentUser;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.platform.ConflictException;
import io.tiffin.platform.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Deliveries from the order's acceptance to the door: creating and cancelling them as the order
 * changes, the driver's taps on their stops, and the merchant's hand-offs (pin a driver, place a
 * drop-off on the map, retry or give up a failed one). Every change is saved with its events in one
 * document write; a concurrent change (the planner, another tap) is retried on the fresh document.
 */
@Service
public class DeliveryService implements DeliveryTracking {

    static final Set<DeliveryStatus> OPEN = EnumSet.of(
            DeliveryStatus.WAITING,
            DeliveryStatus.ASSIGNED,
            DeliveryStatus.AT_PICKUP,
            DeliveryStatus.PICKED_UP,
            DeliveryStatus.AT_DROPOFF);
    static final Set<DeliveryStatus> ON_A_ROUTE = EnumSet.of(
            DeliveryStatus.ASSIGNED, DeliveryStatus.AT_PICKUP, DeliveryStatus.PICKED_UP, DeliveryStatus.AT_DROPOFF);
    // what the board shows: everything not finished, failed ones included until the merchant decides
    static final Set<DeliveryStatus> ON_THE_BOARD = EnumSet.of(
            DeliveryStatus.WAITING,
            DeliveryStatus.ASSIGNED,
            DeliveryStatus.AT_PICKUP,
            DeliveryStatus.PICKED_UP,
            DeliveryStatus.AT_DROPOFF,
            DeliveryStatus.FAILED);
    private static final int ATTEMPTS = 4;

    private final Deliveries deliveries;
    private final Ordering ordering;
    private final MerchantDirectory merchants;
    private final FleetService fleet;
    private final Redispatch redispatch;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DeliveryService(
            Deliveries deliveries,
            Ordering ordering,
            MerchantDirectory merchants,
            FleetService fleet,
            Redispatch redispatch,
            DeliveryProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.ordering = ordering;
        this.merchants = merchants;
        this.fleet = fleet;
        this.redispatch = redispatch;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- reactions to the order

    /** The merchant accepted a delivery order: its delivery exists once, however often this is called. */
    public Optional<Delivery> createFor(String merchantId, String orderId) {
        Optional<Delivery> existing = deliveries.findByOrderId(orderId);
        if (existing.isPresent()) {
            return existing;
        }
        Order order = ordering.find(merchantId, orderId).orElse(null);
        Merchant merchant = merchants.byId(merchantId).orElse(null);
        if (order == null || merchant == null || order.fulfilment() != Order.FulfilmentType.DELIVERY) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant readyAt = order.readyAt() != null ? order.readyAt() : now;
        Order.Address address = order.deliveryAddress();
        GeoPoint dropoffPoint = address != null && address.lat() != null && address.lng() != null
                ? new GeoPoint(address.lat(), address.lng())
                : null;
        GeoPoint pickupPoint = merchant.location() == null
                ? null
                : new GeoPoint(merchant.location().lat(), merchant.location().lng());
        String firstName = order.customer() == null || order.customer().name() == null
                ? ""
                : order.customer().name().strip().split("\\s+", 2)[0];
        int items = order.items().stream().mapToInt(line -> line.quantity()).sum();
        Delivery delivery = new Delivery(
                UUID.randomUUID().toString(),
                orderId,
                merchantId,
                order.number(),
                new Delivery.Customer(
                        order.customer() == null ? null : order.customer().id(),
                        firstName,
                        order.channel(),
                        order.language()),
                new Delivery.Place(merchant.name(), merchant.address(), pickupPoint),
                new Delivery.Place(firstName, address == null ? null : address.text(), dropoffPoint),
                readyAt,
                readyAt.plus(properties.promise()),
                items,
                order.amountToCollect(),
                order.currency(),
                newCode(),
                newToken(),
                now);
        try {
            delivery = deliveries.insert(delivery);
        } catch (DuplicateKeyException twice) {
            return deliveries.findByOrderId(orderId);
        }
        redispatch.request(merchantId, "delivery created");
        return Optional.of(delivery);
    }

    public void orderCancelled(String orderId) {
        deliveries.findByOrderId(orderId).ifPresent(d -> {
            if (change(d.id(), x -> x.cancel(clock.instant())).changed()) {
                redispatch.request(d.merchantId(), "order cancelled");
            }
        });
    }

    public void orderReady(String orderId, Instant readyAt) {
        deliveries.findByOrderId(orderId).ifPresent(d -> {
            if (change(d.id(), x -> x.readyAt(readyAt)).changed()) {
                redispatch.request(d.merchantId(), "order ready");
            }
        });
    }

    // ---- the driver

    public List<Delivery> routeOf(CurrentUser driver) {
        return deliveries.findByDriverIdAndStatusIn(driver.userId(), ON_A_ROUTE).stream()
                .filter(d -> driver.merchantId().equals(d.merchantId()))
                .toList();
    }

    /** Arrived, picked up: the taps with no code. */
    public Delivery act(String stopId, StopAction action) {
        CurrentUser driver = fleet.requireDriver();
        StopRef ref = StopRef.parse(stopId);
        Delivery delivery = ownStop(driver, ref);
        requireKind(ref, action);
        if (action == StopAction.PICK_UP
                && DeliveryLifecycle.of(delivery.status(), action) instanceof DeliveryLifecycle.Move) {
            // the order first: a tap replayed after a crash between the two finds the order already moved
            ordering.pickedUpByDriver(delivery.merchantId(), delivery.orderId());
        }
        Changed result = change(delivery.id(), d -> {
            requireOwn(driver, d);
            return d.act(action, clock.instant());
        });
        if (result.changed() && action == StopAction.PICK_UP) {
            redispatch.request(delivery.merchantId(), "stop done");
        }
        return result.delivery();
    }

    public Delivery deliver(String stopId, String code, Long cashCollected) {
        CurrentUser driver = fleet.requireDriver();
        StopRef ref = StopRef.parse(stopId);
        Delivery delivery = ownStop(driver, ref);
        requireKind(ref, StopAction.DELIVER);
        DeliveryLifecycle.Outcome outcome = DeliveryLifecycle.of(delivery.status(), StopAction.DELIVER);
        if (outcome instanceof DeliveryLifecycle.AlreadyDone) {
            return delivery;
        }
        if (!(outcome instanceof DeliveryLifecycle.Move) || delivery.status() == DeliveryStatus.CANCELLED) {
            delivery.act(StopAction.DELIVER, clock.instant()); // throws the 409 with its reason
        }
        if (delivery.locked()) {
            throw new WrongCodeException(0);
        }
        if (delivery.matches(code)) {
            ordering.deliveredByDriver(delivery.merchantId(), delivery.orderId());
        }
        Delivery.CodeCheck[] check = new Delivery.CodeCheck[1];
        Changed result = change(delivery.id(), d -> {
            requireOwn(driver, d);
            if (DeliveryLifecycle.of(d.status(), StopAction.DELIVER) instanceof DeliveryLifecycle.AlreadyDone) {
                check[0] = Delivery.CodeCheck.RIGHT;
                return false;
            }
            check[0] = d.deliver(code, cashCollected, clock.instant());
            return true;
        });
        if (check[0] != Delivery.CodeCheck.RIGHT) {
            throw new WrongCodeException(result.delivery().codeAttemptsLeft());
        }
        redispatch.request(delivery.merchantId(), "stop done");
        return result.delivery();
    }

    public Delivery fail(String stopId, String reason) {
        CurrentUser driver = fleet.requireDriver();
        StopRef ref = StopRef.parse(stopId);
        Delivery delivery = ownStop(driver, ref);
        requireKind(ref, StopAction.FAIL);
        Changed result = change(delivery.id(), d -> {
            requireOwn(driver, d);
            return d.fail(reason, clock.instant());
        });
        if (result.changed()) {
            redispatch.request(delivery.merchantId(), "stop done");
        }
        return result.delivery();
    }

    // ---- the merchant (callers check the user's role)

    public List<Delivery> onBoard(String merchantId) {
        return deliveries.findByMerchantIdAndStatusIn(merchantId, ON_THE_BOARD);
    }

    public List<Delivery> open(String merchantId) {
        return deliveries.findByMerchantIdAndStatusIn(merchantId, OPEN);
    }

    public Delivery ofOrder(String merchantId, String orderId) {
        return deliveries
                .findByOrderId(orderId)
                .filter(d -> d.merchantId().equals(merchantId))
                .orElseThrow(() -> new NotFoundException("delivery of order " + orderId));
    }

    public Delivery pin(String merchantId, String orderId, String driverId) {
        Delivery delivery = ofOrder(merchantId, orderId);
        Driver driver = fleet.fleetOf(merchantId).stream()
                .filter(d -> d.id().equals(driverId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("driver " + driverId));
        return byHand(delivery, "manual assignment", d -> d.pin(driver.id(), driver.firstName(), clock.instant()));
    }

    public Delivery locate(String merchantId, String orderId, GeoPoint location) {
        return byHand(ofOrder(merchantId, orderId), "delivery located", d -> d.locate(location, clock.instant()));
    }

    public Delivery retry(String merchantId, String orderId) {
        return byHand(ofOrder(merchantId, orderId), "delivery retried", d -> d.retry(clock.instant()));
    }

    /** A change a person made to the delivery: the plan is redone around it. */
    private Delivery byHand(Delivery delivery, String why, Consumer<Delivery> action) {
        Delivery changed = change(delivery.id(), d -> {
                    action.accept(d);
                    return true;
                })
                .delivery();
        redispatch.request(delivery.merchantId(), why);
        return changed;
    }

    /** Gives up a delivery that failed or locked at the door: the order is cancelled with the reason. */
    public Delivery giveUp(String merchantId, String orderId, String reason) {
        Delivery delivery = ofOrder(merchantId, orderId);
        if (delivery.status() != DeliveryStatus.FAILED && !delivery.locked()) {
            throw new ConflictException("only a failed or locked delivery is given up here; cancel the order instead");
        }
        ordering.cancelUndelivered(merchantId, orderId, reason);
        Delivery cancelled =
                change(delivery.id(), d -> d.cancel(clock.instant())).delivery();
        redispatch.request(merchantId, "order cancelled");
        return cancelled;
    }

    // ---- customers

    /** The delivery behind a tracking link, while the link works (until an hour after the end). */
    public Optional<Delivery> tracked(String token) {
        if (token == null || token.length() < 16 || token.length() > 64) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return deliveries
                .findByTrackingToken(token)
                .filter(d -> d.closedAt() == null
                        || d.status() == DeliveryStatus.FAILED
                        || d.closedAt().plus(properties.trackingFor()).isAfter(now));
    }

    @Override
    public Optional<Instant> etaOf(String merchantId, String orderId) {
        return deliveries
                .findByOrderId(orderId)
                .filter(d -> d.merchantId().equals(merchantId) && d.status().open())
                .map(Delivery::eta);
    }

    // ----

    record Changed(Delivery delivery, boolean changed) {}

    /** Applies a change to a fresh copy and saves it; true from the change means "save". Retried on a lost race. */
    Changed change(String deliveryId, Function<Delivery, Boolean> command) {
        for (int attempt = 1; ; attempt++) {
            Delivery delivery = deliveries.findById(deliveryId).orElseThrow(() -> new NotFoundException("delivery"));
            if (!command.apply(delivery)) {
                return new Changed(delivery, false);
            }
            try {
                return new Changed(deliveries.save(delivery), true);
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Delivery ownStop(CurrentUser driver, StopRef ref) {
        Delivery delivery = deliveries.findById(ref.deliveryId()).orElseThrow(StopRef::notFound);
        requireOwn(driver, delivery);
        return delivery;
    }

    /** Another driver's stop, another merchant's, or one taken off this driver: all look like no stop at all. */
    private static void requireOwn(CurrentUser driver, Delivery delivery) {
        if (!driver.merchantId().equals(delivery.merchantId())
                || !driver.userId().equals(delivery.driverId())) {
            throw StopRef.notFound();
        }
    }

    private static void requireKind(StopRef ref, StopAction action) {
        if (ref.kind() != action.kind()) {
            throw new ConflictException(
                    "a " + ref.kind().name().toLowerCase(java.util.Locale.ROOT) + " stop cannot take "
                            + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    private String newCode() {
        return String.format("%04d", random.nextInt(10_000));
    }

    /** 144 random bits, URL-safe: a tracking link nobody can guess. */
    private String newToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A stop id is its delivery's id and {@code .p} (pickup) or {@code .d} (drop-off). */
    record StopRef(String deliveryId, StopKind kind) {

        static StopRef parse(String stopId) {
            if (stopId == null
                    || stopId.length() < 3
                    || stopId.length() > 80
                    || stopId.charAt(stopId.length() - 2) != '.') {
                throw notFound();
            }
            char kind = stopId.charAt(stopId.length() - 1);
            if (kind != 'p' && kind != 'd') {
                throw notFound();
            }
            return new StopRef(
                    stopId.substring(0, stopId.length() - 2), kind == 'p' ? StopKind.PICKUP : StopKind.DROPOFF);
        }

        static NotFoundException notFound() {
            return new NotFoundException("no such stop");
        }
    }
}
