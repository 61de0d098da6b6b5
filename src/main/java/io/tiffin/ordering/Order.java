package io.tiffin.ordering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tiffin.ordering.PricedCart.PricedLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Order {

    public record Customer(String id, String name) {
    }

    public enum FulfilmentType {
        DELIVERY, PICKUP
    }

    public record Address(String text, Double lat, Double lng) {
    }

    public record TimelineEntry(OrderStatus status, Instant at, String note) {
    }

    @Id
    private String id;
    private String merchantId;
    private String number;
    private OrderStatus status;
    private String channel;
    private Customer customer;
    private List<PricedLine> items;
    private long total;
    private String currency;
    private FulfilmentType fulfilment;
    private Address deliveryAddress;
    private List<TimelineEntry> timeline;
    // set by whoever places the order, so a retried placement finds the first one instead of a twin
    @Indexed(unique = true, sparse = true)
    private String placementKey;
    private Instant createdAt;
    @Version
    private Long version;

    protected Order() {
    }

    public Order(String merchantId, String number, String channel, Customer customer, PricedCart cart,
            FulfilmentType fulfilment, Address deliveryAddress, String placementKey, Instant now) {
        if (cart.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (fulfilment == FulfilmentType.DELIVERY && deliveryAddress == null) {
            throw new IllegalArgumentException("a delivery needs an address");
        }
        this.merchantId = merchantId;
        this.number = number;
        this.status = OrderStatus.PLACED;
        this.channel = channel;
        this.customer = customer;
        this.items = List.copyOf(cart.lines());
        this.total = cart.total();
        this.currency = cart.currency();
        this.fulfilment = fulfilment;
        this.deliveryAddress = deliveryAddress;
        this.placementKey = placementKey;
        this.createdAt = now;
        this.timeline = new ArrayList<>(List.of(new TimelineEntry(OrderStatus.PLACED, now, null)));
    }

    public String id() { return id; }
    public String merchantId() { return merchantId; }
    public String number() { return number; }
    public OrderStatus status() { return status; }
    public String channel() { return channel; }
    public Customer customer() { return customer; }
    public List<PricedLine> items() { return items; }
    public long total() { return total; }
    public String currency() { return currency; }
    public FulfilmentType fulfilment() { return fulfilment; }
    public Address deliveryAddress() { return deliveryAddress; }
    public List<TimelineEntry> timeline() { return List.copyOf(timeline); }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }
}
