package io.tiffin.ordering.internal;

import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.merchant.StoreRules;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderRefusedException;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.ordering.PricedCart;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import io.tiffin.platform.NotFoundException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

@Service
class OrderService implements Ordering {

    private final Orders orders;
    private final OrderNumbers numbers;
    private final Catalog catalog;
    private final MerchantDirectory merchants;
    private final TenantAccess access;
    private final Clock clock;

    OrderService(
            Orders orders,
            OrderNumbers numbers,
            Catalog catalog,
            MerchantDirectory merchants,
            TenantAccess access,
            Clock clock) {
        this.orders = orders;
        this.numbers = numbers;
        this.catalog = catalog;
        this.merchants = merchants;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Order place(PlaceOrder request) {
        if (request.placementKey() != null) {
            Optional<Order> earlier = orders.findByPlacementKey(request.placementKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        MenuSnapshot menu = catalog.current(request.merchantId())
                .orElseThrow(() ->
                        new PricingException(PricingException.Reason.UNKNOWN_ITEM, null, "the merchant has no menu"));
        Merchant merchant = merchants
                .byId(request.merchantId())
                .orElseThrow(() -> new NotFoundException("merchant " + request.merchantId()));
        StoreRules rules = merchant.rules();
        if (merchant.suspended()) {
            throw new OrderRefusedException(OrderRefusedException.Reason.CLOSED, merchant.name() + " is suspended");
        }
        if (!rules.isOpen(clock.instant(), merchant.zone())) {
            throw new OrderRefusedException(OrderRefusedException.Reason.CLOSED, merchant.name() + " is closed");
        }
        Double distanceKm = distanceKm(merchant, request);
        if (request.fulfilment() == Order.FulfilmentType.DELIVERY && !rules.delivers(distanceKm)) {
            throw new OrderRefusedException(
                    OrderRefusedException.Reason.OUT_OF_RANGE, "the address is outside the delivery radius");
        }
        PricedCart cart = Pricing.price(menu.menu(), request.lines(), rules, request.fulfilment(), distanceKm);
        if (cart.subtotal() < rules.minimumOrder()) {
            throw new OrderRefusedException(OrderRefusedException.Reason.BELOW_MINIMUM, "below the minimum order");
        }
        Order order = new Order(
                request.merchantId(),
                numbers.next(request.merchantId()),
                request.channel(),
                request.customer(),
                cart,
                request.fulfilment(),
                request.deliveryAddress(),
                request.placementKey(),
                request.language(),
                paymentMethod(merchant, request.payment()),
                clock.instant());
        try {
            // the order carries its OrderPlaced in its outbox: stored together, or not at all
            return orders.insert(order);
        } catch (DuplicateKeyException e) {
            return orders.findByPlacementKey(request.placementKey()).orElseThrow(() -> e);
        }
    }

    /** The way the customer chose when the merchant takes it, else the merchant's first: cash, then online. */
    static Order.PaymentMethod paymentMethod(Merchant merchant, Order.PaymentMethod chosen) {
        Merchant.Payments accepted = merchant.payments();
        if (chosen == Order.PaymentMethod.ONLINE && accepted.online()
                || chosen == Order.PaymentMethod.CASH && accepted.cashOnDelivery()) {
            return chosen;
        }
        return accepted.cashOnDelivery() ? Order.PaymentMethod.CASH : Order.PaymentMethod.ONLINE;
    }

    /** How far the drop-off is from the merchant, when both have coordinates. */
    static Double distanceKm(Merchant merchant, PlaceOrder request) {
        Order.Address address = request.deliveryAddress();
        if (request.fulfilment() != Order.FulfilmentType.DELIVERY
                || address == null
                || address.lat() == null
                || address.lng() == null
                || merchant.location() == null) {
            return null;
        }
        return merchant.location().distanceKm(address.lat(), address.lng());
    }

    @Override
    public Optional<Order> latestOf(String merchantId, String channel, String customerId) {
        return orders.findFirstByMerchantIdAndChannelAndCustomerIdOrderByCreatedAtDesc(merchantId, channel, customerId);
    }

    @Override
    public Optional<Order> latestOf(String merchantId, String channel, String customerId, String verifiedPhone) {
        Optional<Order> here = latestOf(merchantId, channel, customerId);
        if (verifiedPhone == null || verifiedPhone.isBlank()) {
            return here;
        }
        Optional<Order> byPhone = orders.findFirstByMerchantIdAndCustomerPhoneAndCustomerVerifiedOrderByCreatedAtDesc(
                merchantId, verifiedPhone, true);
        if (here.isEmpty() || byPhone.isEmpty()) {
            return here.isPresent() ? here : byPhone;
        }
        return byPhone.get().createdAt().isAfter(here.get().createdAt()) ? byPhone : here;
    }

    @Override
    public Optional<Order.Address> lastDeliveryAddress(
            String merchantId, String channel, String customerId, String verifiedPhone) {
        Optional<Order> here = orders.findFirstByMerchantIdAndChannelAndCustomerIdAndFulfilmentOrderByCreatedAtDesc(
                merchantId, channel, customerId, Order.FulfilmentType.DELIVERY);
        Optional<Order> byPhone = verifiedPhone == null || verifiedPhone.isBlank()
                ? Optional.empty()
                : orders.findFirstByMerchantIdAndCustomerPhoneAndCustomerVerifiedAndFulfilmentOrderByCreatedAtDesc(
                        merchantId, verifiedPhone, true, Order.FulfilmentType.DELIVERY);
        return java.util.stream.Stream.of(here, byPhone)
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(Order::createdAt))
                .map(Order::deliveryAddress)
                .filter(a -> a.text() != null && !a.text().isBlank());
    }

    @Override
    public Optional<Order> find(String merchantId, String orderId) {
        return orders.findByIdAndMerchantId(orderId, merchantId);
    }

    @Override
    public Order pickedUpByDriver(String merchantId, String orderId) {
        return onBehalf(
                merchantId,
                orderId,
                Set.of(OrderStatus.PICKED_UP, OrderStatus.DELIVERED),
                (order, now) -> order.pickUpByDriver(now));
    }

    @Override
    public Order deliveredByDriver(String merchantId, String orderId) {
        return onBehalf(merchantId, orderId, Set.of(OrderStatus.DELIVERED), (order, now) -> order.deliver(now));
    }

    @Override
    public Order cancelUndelivered(String merchantId, String orderId, String reason) {
        return onBehalf(
                merchantId,
                orderId,
                Set.of(OrderStatus.CANCELLED),
                (order, now) -> order.cancelUndelivered(reason, now));
    }

    @Override
    public List<Order> createdBetween(String merchantId, java.time.Instant from, java.time.Instant to) {
        return orders.createdBetween(merchantId, from, to);
    }

    @Override
    public Order paid(String merchantId, String orderId) {
        return onBehalf(merchantId, orderId, Set.of(), (order, now) -> order.paid(now));
    }

    @Override
    public Order notePayment(String merchantId, String orderId, Order.PaymentState state, String note) {
        return onBehalf(merchantId, orderId, Set.of(), (order, now) -> order.notePayment(state, note, now));
    }

    @Override
    public Order noteCustomerNotTold(String merchantId, String orderId, String reason) {
        return onBehalf(merchantId, orderId, Set.of(), (order, now) -> order.noteCustomerNotTold(reason, now));
    }

    @Override
    public Order cancelUnpaid(String merchantId, String orderId, String reason) {
        return onBehalf(
                merchantId,
                orderId,
                EnumSet.complementOf(EnumSet.of(OrderStatus.AWAITING_PAYMENT)),
                (order, now) -> order.cancelUnpaid(reason, now));
    }

    /**
     * A transition another module asks for, such as a driver's tap: an order already where the command
     * leads is answered as it is (the phone replays taps made offline), and a concurrent board tap
     * is retried on the fresh order rather than failing the driver.
     */
    private Order onBehalf(
            String merchantId,
            String orderId,
            Set<OrderStatus> done,
            java.util.function.BiConsumer<Order, java.time.Instant> command) {
        for (int attempt = 0; ; attempt++) {
            Order order = orders.findByIdAndMerchantId(orderId, merchantId)
                    .orElseThrow(() -> new NotFoundException("order " + orderId));
            if (done.contains(order.status())) {
                return order;
            }
            command.accept(order, clock.instant());
            try {
                return orders.save(order);
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    List<Order> list(String merchantId, OrderStatus status, int limit) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        if (!merchants.exists(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
        PageRequest page = PageRequest.of(0, Math.min(Math.max(limit, 1), 500));
        return status == null
                ? orders.findByMerchantIdOrderByCreatedAtDesc(merchantId, page)
                : orders.findByMerchantIdAndStatusOrderByCreatedAtDesc(merchantId, status, page);
    }

    Order get(String merchantId, String orderId) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        return orders.findByIdAndMerchantId(orderId, merchantId)
                .orElseThrow(() -> new NotFoundException("order " + orderId));
    }

    /**
     * Applies one merchant command to a fresh copy of the order and stores it. The save checks the
     * version it read, so of two tablets acting at once one wins and the other gets a conflict (409),
     * either from the version check or from the table refusing the command in the new status.
     */
    Order transition(
            String merchantId, String orderId, java.util.function.BiConsumer<Order, java.time.Instant> command) {
        Order order = get(merchantId, orderId);
        command.accept(order, clock.instant());
        return orders.save(order);
    }
}
