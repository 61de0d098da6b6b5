package io.tiffin.ordering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiffin.ordering.PricedCart.PricedLine;
import io.tiffin.platform.events.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An order: what was bought at what price, for whom, how it is fulfilled, and its status history. */
@Document("orders")
@CompoundIndex(name = "merchant_created", def = "{'merchantId': 1, 'createdAt': -1}")
@CompoundIndex(name = "merchant_number", def = "{'merchantId': 1, 'number': 1}", unique = true)
@CompoundIndex(name = "customer_created", def = "{'merchantId': 1, 'channel': 1, 'customer.id': 1, 'createdAt': -1}")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Order {

    /**
     * Who ordered: the channel's id for them, the best name the channel has (a WhatsApp profile name,
     * the first name typed into the web chat), the phone number they gave, and whether the channel
     * vouches for them (false for the web chat, where anyone can type anything; null on orders stored
     * before it was recorded). {@code email} is where they asked for a receipt (optional).
     */
    public record Customer(String id, String name, String phone, Boolean verified, String email) {

        public Customer(String id, String name) {
            this(id, name, null, null, null);
        }

        public Customer(String id, String name, String phone, Boolean verified) {
            this(id, name, phone, verified, null);
        }
    }

    public enum FulfilmentType {
        DELIVERY,
        PICKUP
    }

    public record Address(String text, Double lat, Double lng) {}

    public record TimelineEntry(OrderStatus status, Instant at, String note) {}

    /**
     * An update about this order did not reach the customer (outside the provider's service window, a
     * number that cannot be reached): the board shows "Not told" so the kitchen can call instead.
     */
    public record CustomerNotTold(String reason, Instant at) {}

    /** How the customer pays: cash at the door (or counter), or online through a payment link before the kitchen sees it. */
    public enum PaymentMethod {
        CASH,
        ONLINE
    }

    /**
     * Where the money stands, for the board: {@code LINK_PENDING} until the payment provider made the link
     * (it may be down), {@code MISMATCH} when a payment of another amount came in (never placed).
     */
    public enum PaymentState {
        CASH_DUE,
        LINK_PENDING,
        LINK_SENT,
        PAID,
        MISMATCH,
        REFUND_PENDING,
        REFUNDED,
        REFUND_FAILED
    }

    public record Payment(PaymentMethod method, PaymentState state) {
        static final Payment CASH = new Payment(PaymentMethod.CASH, PaymentState.CASH_DUE);
    }

    /** The language of orders that do not say: API-created ones and those stored before orders had one. */
    public static final String DEFAULT_LANGUAGE = "en";

    @Id
    private String id;

    private String merchantId;
    private String number;
    private OrderStatus status;
    private String channel;
    private Customer customer;
    private List<PricedLine> items;
    // packaging, delivery and tax on top of the items; orders stored before charges existed have none
    private List<PricedCart.Charge> charges = List.of();
    private long total;
    private String currency;
    private FulfilmentType fulfilment;
    private Address deliveryAddress;
    // the customer's language (BCP-47); documents stored before it existed read as English
    private String language = DEFAULT_LANGUAGE;
    // null on orders stored before payments existed: cash
    private Payment payment;
    private List<TimelineEntry> timeline;
    private Integer prepMinutes;
    private Instant readyAt;
    private String reason;
    // the last update that could not reach the customer; null while every update went through
    private CustomerNotTold customerNotTold;
    // when the board was told to alert louder about this unaccepted order (once)
    private Instant escalatedAt;
    // set by whoever places the order, so a retried placement finds the first one instead of a twin
    @Indexed(unique = true, sparse = true)
    private String placementKey;

    private Instant createdAt;
    // when the kitchen got it: at creation for cash, once paid for online payment (null: stored before, createdAt)
    private Instant placedAt;

    @Version
    private Long version;
    // events of the changes above, stored in the same write as the change; the event relay delivers and removes
    // them (a save of a copy read before a removal puts the entry back: the delivery log knows it is done)
    @JsonIgnore
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Order() {}

    public Order(
            String merchantId,
            String number,
            String channel,
            Customer customer,
            PricedCart cart,
            FulfilmentType fulfilment,
            Address deliveryAddress,
            String placementKey,
            String language,
            Instant now) {
        this(
                merchantId,
                number,
                channel,
                customer,
                cart,
                fulfilment,
                deliveryAddress,
                placementKey,
                language,
                PaymentMethod.CASH,
                now);
    }

    /**
     * An order paid online starts {@code AWAITING_PAYMENT}: the kitchen sees it (as pending) but cannot
     * accept it, and it is placed only when the payment arrives ({@link #paid}).
     */
    public Order(
            String merchantId,
            String number,
            String channel,
            Customer customer,
            PricedCart cart,
            FulfilmentType fulfilment,
            Address deliveryAddress,
            String placementKey,
            String language,
            PaymentMethod method,
            Instant now) {
        if (cart.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (fulfilment == FulfilmentType.DELIVERY && deliveryAddress == null) {
            throw new IllegalArgumentException("a delivery needs an address");
        }
        // the id exists before the first save, so the OrderPlaced stored with the order can name it
        this.id = new ObjectId().toHexString();
        this.merchantId = merchantId;
        this.number = number;
        this.status = OrderStatus.PLACED;
        this.channel = channel;
        this.customer = customer;
        this.items = List.copyOf(cart.lines());
        this.charges = List.copyOf(cart.charges());
        this.total = cart.total();
        this.currency = cart.currency();
        this.fulfilment = fulfilment;
        this.deliveryAddress = deliveryAddress;
        this.placementKey = placementKey;
        this.language = languageTag(language);
        this.createdAt = now;
        if (method == PaymentMethod.ONLINE) {
            this.status = OrderStatus.AWAITING_PAYMENT;
            this.payment = new Payment(PaymentMethod.ONLINE, PaymentState.LINK_PENDING);
            this.timeline = new ArrayList<>(List.of(new TimelineEntry(OrderStatus.AWAITING_PAYMENT, now, null)));
            record(
                    new OrderAwaitingPayment(
                            id, merchantId, number, total, currency, channel, customer, language(), now),
                    now);
            return;
        }
        this.payment = Payment.CASH;
        this.placedAt = now;
        this.timeline = new ArrayList<>(List.of(new TimelineEntry(OrderStatus.PLACED, now, null)));
        record(new OrderPlaced(id, merchantId, number, total, currency), now);
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String number() {
        return number;
    }

    public OrderStatus status() {
        return status;
    }

    public String channel() {
        return channel;
    }

    public Customer customer() {
        return customer;
    }

    public List<PricedLine> items() {
        return items;
    }

    public List<PricedCart.Charge> charges() {
        return charges == null ? List.of() : charges;
    }

    public long total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public FulfilmentType fulfilment() {
        return fulfilment;
    }

    public Address deliveryAddress() {
        return deliveryAddress;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public Instant createdAt() {
        return createdAt;
    }
    /** When the kitchen got the order; the wait for acceptance counts from here, not from an unpaid creation. */
    public Instant placedAt() {
        return placedAt != null ? placedAt : createdAt;
    }

    public Long version() {
        return version;
    }

    public Integer prepMinutes() {
        return prepMinutes;
    }

    public Instant readyAt() {
        return readyAt;
    }

    public String reason() {
        return reason;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String language() {
        return language == null ? DEFAULT_LANGUAGE : language;
    }

    public Payment payment() {
        return payment == null ? Payment.CASH : payment;
    }

    public CustomerNotTold customerNotTold() {
        return customerNotTold;
    }

    /** What the driver or the counter collects in cash: the total for cash orders, nothing once paid online. */
    @JsonProperty(value = "amountToCollect", access = JsonProperty.Access.READ_ONLY)
    public long amountToCollect() {
        return payment().method() == PaymentMethod.CASH ? total : 0;
    }

    /**
     * The online payment arrived: the order is placed and goes to the board like any new order. False
     * (and nothing changes) when it no longer waits for payment, e.g. it was cancelled meanwhile.
     */
    public boolean paid(Instant now) {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            return false;
        }
        status = OrderStatus.PLACED;
        placedAt = now;
        payment = new Payment(PaymentMethod.ONLINE, PaymentState.PAID);
        timeline.add(new TimelineEntry(OrderStatus.PLACED, now, "paid online"));
        record(new OrderPlaced(id, merchantId, number, total, currency), now);
        return true;
    }

    /** The payment side moved on (link made, amount mismatch, refund): the board and the timeline show it. */
    public void notePayment(PaymentState state, String note, Instant now) {
        if (payment().state() == state && note == null) {
            return;
        }
        payment = new Payment(payment().method(), state);
        if (note != null) {
            timeline.add(new TimelineEntry(status, now, note));
        }
        record(new OrderPaymentUpdated(id, merchantId, number, status, state, note, now), now);
    }

    /**
     * An update could not be delivered to the customer: kept for the board (it survives a reload) and
     * noted on the timeline. The same reason twice (a redelivered status) is noted once.
     */
    public boolean noteCustomerNotTold(String reason, Instant now) {
        String why = requireReason(reason);
        if (customerNotTold != null && customerNotTold.reason().equals(why)) {
            return false;
        }
        customerNotTold = new CustomerNotTold(why, now);
        timeline.add(new TimelineEntry(status, now, "customer not told: " + why));
        return true;
    }

    /** The customer never paid (the link expired): the platform cancels, and says so in the event. */
    public void cancelUnpaid(String reason, Instant now) {
        OrderStatus to = target(OrderCommand.CANCEL);
        this.reason = requireReason(reason);
        move(to, this.reason, now, true);
    }

    /** What the items add up to before charges; part of the API's view, never stored. */
    @JsonProperty(value = "subtotal", access = JsonProperty.Access.READ_ONLY)
    public long subtotal() {
        return items.stream().mapToLong(PricedLine::lineTotal).sum();
    }

    /**
     * A delivery whose address has no coordinates (typed, and no geocoder found it): the merchant
     * places it on a map before it can be routed. Part of the API's view, never stored.
     */
    @JsonProperty(value = "needsLocation", access = JsonProperty.Access.READ_ONLY)
    public boolean needsLocation() {
        return fulfilment == FulfilmentType.DELIVERY
                && (deliveryAddress == null || deliveryAddress.lat() == null || deliveryAddress.lng() == null);
    }

    /** What a board may offer for this order now; part of the API's view, never stored. */
    @JsonProperty(value = "allowedCommands", access = JsonProperty.Access.READ_ONLY)
    public Set<OrderCommand> allowedCommands() {
        return OrderLifecycle.allowed(status);
    }

    /** The kitchen takes the order and promises it ready in {@code prepMinutes}. */
    public void accept(int prepMinutes, Instant now) {
        if (prepMinutes < 1 || prepMinutes > 240) {
            throw new IllegalArgumentException("prep minutes must be between 1 and 240");
        }
        OrderStatus to = target(OrderCommand.ACCEPT);
        this.prepMinutes = prepMinutes;
        this.readyAt = now.plus(Duration.ofMinutes(prepMinutes));
        move(to, prepMinutes + " min", now);
    }

    public void startPreparing(Instant now) {
        move(target(OrderCommand.START_PREPARING), null, now);
    }

    public void markReady(Instant now) {
        OrderStatus to = target(OrderCommand.MARK_READY);
        this.readyAt = now;
        move(to, null, now);
    }

    /** Handed to the customer at the counter or to the driver. */
    public void handOver(Instant now) {
        move(target(OrderCommand.HAND_OVER), null, now);
    }

    /** A driver collected the delivery; the kitchen may not have tapped "ready" first. */
    public void pickUpByDriver(Instant now) {
        move(target(OrderCommand.DRIVER_PICK_UP), null, now);
    }

    /** The merchant gives up on a delivery that failed at the door (the driver brings the food back). */
    public void cancelUndelivered(String reason, Instant now) {
        OrderStatus to = target(OrderCommand.CANCEL_UNDELIVERED);
        this.reason = requireReason(reason);
        move(to, this.reason, now);
    }

    public void deliver(Instant now) {
        move(target(OrderCommand.DELIVER), null, now);
    }

    public void reject(String reason, Instant now) {
        OrderStatus to = target(OrderCommand.REJECT);
        this.reason = requireReason(reason);
        move(to, this.reason, now);
    }

    /**
     * The platform rejects an order nobody accepted in time. The event says so, because the customer
     * is told differently than when a kitchen declines with its own words.
     */
    public void rejectUnaccepted(String reason, Instant now) {
        OrderStatus to = target(OrderCommand.REJECT);
        this.reason = requireReason(reason);
        move(to, this.reason, now, true);
    }

    public void cancel(String reason, Instant now) {
        OrderStatus to = target(OrderCommand.CANCEL);
        this.reason = requireReason(reason);
        move(to, this.reason, now);
    }

    /** Marks the order as waiting too long, once; true when this call did it. */
    public boolean escalate(Instant now, Instant autoRejectAt) {
        if (escalatedAt != null || !OrderLifecycle.allowed(status).contains(OrderCommand.ACCEPT)) {
            return false;
        }
        escalatedAt = now;
        record(new OrderNeedsAttention(id, merchantId, number, placedAt(), autoRejectAt), now);
        return true;
    }

    private OrderStatus target(OrderCommand command) {
        return OrderLifecycle.next(status, command).orElseThrow(() -> new IllegalTransitionException(status, command));
    }

    private void move(OrderStatus to, String note, Instant now) {
        move(to, note, now, false);
    }

    private void move(OrderStatus to, String note, Instant now, boolean automatic) {
        OrderStatus from = status;
        status = to;
        timeline.add(new TimelineEntry(to, now, note));
        record(
                new OrderStatusChanged(
                        id,
                        merchantId,
                        number,
                        from,
                        to,
                        reason,
                        readyAt,
                        channel,
                        customer == null ? null : customer.id(),
                        fulfilment,
                        now,
                        language(),
                        automatic),
                now);
    }

    /** A well-formed BCP-47 tag for what a caller passed ("hi_IN" becomes "hi-IN"); English when there is none. */
    static String languageTag(String language) {
        if (language == null || language.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        String tag = Locale.forLanguageTag(language.strip().replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? DEFAULT_LANGUAGE : tag;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        String stripped = reason.strip();
        return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
    }

    private void record(OrderEvent event, Instant now) {
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.add(OutboxEntry.of(event, now));
    }

    /** Events stored with the order and not yet delivered, oldest first. */
    List<Object> pendingEvents() {
        return outbox == null
                ? List.of()
                : outbox.stream().map(OutboxEntry::event).toList();
    }
}
