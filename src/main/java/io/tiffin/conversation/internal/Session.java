package io.tiffin.conversation.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.platform.events.OutboxEntry;
import io.tiffin.platform.text.Templates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One customer's conversation with one merchant on one channel: the cart, where to deliver, what the
 * bot is waiting for, and the replies to the last message handled, so a redelivery resends them
 * instead of acting twice.
 */
@Document("sessions")
@CompoundIndex(name = "conversation", def = "{'merchantId': 1, 'channel': 1, 'customerId': 1}", unique = true)
public class Session {

    enum Awaiting {
        NOTHING,
        ADDRESS
    }

    @Id
    private String id;

    private String merchantId;
    private String channel;
    private String customerId;
    private String customerName;
    private String customerPhone;
    private String language = Templates.FALLBACK;
    private List<LineRequest> cart = new ArrayList<>();
    private long cartRevision;
    private Awaiting awaiting = Awaiting.NOTHING;
    private Order.Address address;
    // the bot asked for a pin because a typed address was not found; the next typed one is taken as written
    private boolean pinAsked;
    private Instant lastInboundAt;
    private String lastMessageId;
    private List<OutboundMessage> lastReplies = new ArrayList<>();
    // how many of lastReplies the provider has taken: a retry sends only the rest
    private int lastRepliesSent;
    private String lastOrderId;
    // how the customer chose to pay for this cart, and the fulfilment waiting for that choice (see PaymentChoice)
    private Order.PaymentMethod payment;
    private Order.FulfilmentType paymentAskedFor;
    // the customer's email for receipts, asked once per merchant (this session is per merchant and customer)
    private String email;
    private boolean emailAsked;
    private Order.FulfilmentType emailAskedFor;
    // what the current conversation has come to, and its events waiting for the relay (see ConversationLog)
    private ConversationUpdated conversation;
    private List<OutboxEntry> outbox = new ArrayList<>();
    // the reply templates used while handling the current message; not stored
    @Transient
    private final List<String> said = new ArrayList<>();

    @Version
    private Long version;

    protected Session() {}

    Session(String merchantId, String channel, String customerId) {
        this.merchantId = merchantId;
        this.channel = channel;
        this.customerId = customerId;
    }

    String id() {
        return id;
    }

    String merchantId() {
        return merchantId;
    }

    String channel() {
        return channel;
    }

    String customerId() {
        return customerId;
    }

    String customerName() {
        return customerName;
    }

    /** The customer as an order records them; on the web chat they are whoever they say they are. */
    Order.Customer customer() {
        return new Order.Customer(
                customerId,
                customerName,
                customerPhone,
                !io.tiffin.channel.Channel.WEB.name().equals(channel),
                email);
    }

    /** The customer's number when the channel vouches for it (WhatsApp, SMS), not one typed into the web chat. */
    String verifiedPhone() {
        return io.tiffin.channel.Channel.WEB.name().equals(channel) ? null : customerPhone;
    }

    void heardPhone(String phone) {
        if (phone != null && !phone.isBlank()) {
            this.customerPhone = phone;
        }
    }

    String language() {
        return language;
    }

    List<LineRequest> cart() {
        return List.copyOf(cart);
    }

    long cartRevision() {
        return cartRevision;
    }

    Awaiting awaiting() {
        return awaiting;
    }

    Order.Address address() {
        return address;
    }

    Instant lastInboundAt() {
        return lastInboundAt;
    }

    String lastMessageId() {
        return lastMessageId;
    }

    List<OutboundMessage> lastReplies() {
        return List.copyOf(lastReplies);
    }

    int lastRepliesSent() {
        return lastRepliesSent;
    }

    /** WhatsApp allows free-form replies only within 24 hours of the customer's last message. */
    void heard(String name, Instant at) {
        if (name != null && !name.isBlank()) {
            this.customerName = name;
        }
        if (at != null && (lastInboundAt == null || at.isAfter(lastInboundAt))) {
            this.lastInboundAt = at;
        }
    }

    void add(List<LineRequest> lines) {
        for (LineRequest line : lines) {
            int same = indexOfSameChoice(line);
            if (same >= 0) {
                LineRequest existing = cart.get(same);
                cart.set(same, existing.withQuantity(Math.min(99, existing.quantity() + line.quantity())));
            } else {
                cart.add(line);
            }
        }
        cartRevision++;
    }

    /** A note said on its own goes to the line it follows, after any note the line has. */
    void noteOnLastLine(String note) {
        int last = cart.size() - 1;
        LineRequest line = cart.get(last);
        String joined = line.notes() == null ? note : line.notes() + "; " + note;
        cart.set(last, new LineRequest(line.itemId(), line.quantity(), line.options(), joined, line.declined()));
        cartRevision++;
    }

    /** Removes every line of these items; returns the ids that were in the cart. */
    List<String> remove(List<String> itemIds) {
        List<String> removed = itemIds.stream()
                .filter(id -> cart.stream().anyMatch(l -> l.itemId().equals(id)))
                .toList();
        if (cart.removeIf(l -> itemIds.contains(l.itemId()))) {
            cartRevision++;
        }
        return removed;
    }

    void removeLine(int index) {
        cart.remove(index);
        cartRevision++;
    }

    /** The cart as a message's edits left it, all at once. */
    void replaceCart(List<LineRequest> lines) {
        cart.clear();
        cart.addAll(lines);
        cartRevision++;
    }

    /** Changes one line; when it now equals another line, the two become one. */
    void replace(int index, LineRequest line) {
        cart.set(index, line);
        for (int i = 0; i < cart.size(); i++) {
            if (i != index && cart.get(i).sameChoiceAs(line)) {
                cart.set(i, cart.get(i).withQuantity(Math.min(99, cart.get(i).quantity() + line.quantity())));
                cart.remove(index);
                break;
            }
        }
        cartRevision++;
    }

    void speaks(String language) {
        if (language != null) {
            this.language = language;
        }
    }

    boolean pinAsked() {
        return pinAsked;
    }

    void askedForPin() {
        this.pinAsked = true;
    }

    void clearCart() {
        cart.clear();
        awaiting = Awaiting.NOTHING;
        pinAsked = false;
        cartRevision++;
    }

    void await(Awaiting what) {
        this.awaiting = what;
    }

    void deliverTo(Order.Address address) {
        this.address = address;
    }

    /** A key that is the same for every attempt to place this cart, and differs for the next cart. */
    String placementKey() {
        return merchantId + ":" + channel + ":" + customerId + ":" + cartRevision;
    }

    void placed(String orderId) {
        this.lastOrderId = orderId;
        this.payment = null;
        this.paymentAskedFor = null;
        clearCart();
    }

    Order.PaymentMethod payment() {
        return payment;
    }

    Order.FulfilmentType paymentAskedFor() {
        return paymentAskedFor;
    }

    void askedHowToPay(Order.FulfilmentType fulfilment) {
        this.paymentAskedFor = fulfilment;
    }

    void pays(Order.PaymentMethod method) {
        this.payment = method;
    }

    boolean emailAsked() {
        return emailAsked;
    }

    Order.FulfilmentType emailAskedFor() {
        return emailAskedFor;
    }

    void askedForEmail(Order.FulfilmentType fulfilment) {
        this.emailAsked = true;
        this.emailAskedFor = fulfilment;
    }

    /** The answer to the email question: an address, or null for "no thanks". */
    void answeredEmail(String address) {
        this.email = address;
        this.emailAskedFor = null;
    }

    void handled(String messageId, List<OutboundMessage> replies) {
        this.lastMessageId = messageId;
        this.lastReplies = new ArrayList<>(replies);
        this.lastRepliesSent = 0;
    }

    /** A reply template used for the message being handled (Replies reports each one). */
    void said(String templateKey) {
        said.add(templateKey);
    }

    List<String> saidThisMessage() {
        return List.copyOf(said);
    }

    ConversationUpdated conversation() {
        return conversation;
    }

    /** The conversation as it now stands, told to other modules in the same save. */
    void conversationNow(ConversationUpdated now, Instant at) {
        this.conversation = now;
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.add(OutboxEntry.of(now, at));
    }

    private int indexOfSameChoice(LineRequest line) {
        for (int i = 0; i < cart.size(); i++) {
            if (cart.get(i).sameChoiceAs(line)) {
                return i;
            }
        }
        return -1;
    }
}
