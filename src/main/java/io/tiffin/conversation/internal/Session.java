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

    /** Stored fields that may be absent: a save that finds one null removes it, as writing the document whole did. */
    static final List<String> NULLABLE = List.of(
            "customerName",
            "customerPhone",
            "language",
            "awaiting",
            "address",
            "lastInboundAt",
            "lastMessageId",
            "lastOrderId",
            "payment",
            "paymentAskedFor",
            "email",
            "emailAskedFor",
            "conversation",
            "referred");

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
    // pickup said before checking out ("I'll pick it up"): the checkout asks no address
    private boolean pickupChosen;
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
    // what the current conversation has come to, and its events waiting for the relay (see ConversationLog); read
    // by SessionStore, the outbox holds only the events added since, which its save appends to the stored ones
    private ConversationUpdated conversation;
    private List<OutboxEntry> outbox = new ArrayList<>();
    private Referred referred;
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

    /**
     * The last edit and the lines it spoke of, while the cart is as it left them: what "the other one
     * too", "that one as well" and "both" refer to. {@code offered} are the lines the edit's words fit
     * (those asked about when it was ambiguous), {@code edited} those it changed so far.
     */
    record Referred(String text, List<Integer> offered, List<Integer> edited, long revision) {
        Referred {
            offered = List.copyOf(offered);
            edited = List.copyOf(edited);
        }
    }

    /** What the last edit spoke of, or null when there was none or the cart changed since. */
    Referred referred() {
        return referred != null && referred.revision() == cartRevision ? referred : null;
    }

    void referredTo(String text, List<Integer> offered, List<Integer> edited) {
        this.referred = new Referred(text, offered, edited, cartRevision);
    }

    /** A message about something else: "both" after it means no line the last edit spoke of. */
    void forgetReferred() {
        this.referred = null;
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

    boolean pickupChosen() {
        return pickupChosen;
    }

    void choosePickup() {
        this.pickupChosen = true;
    }

    void chooseDelivery() {
        this.pickupChosen = false;
    }

    void clearCart() {
        cart.clear();
        awaiting = Awaiting.NOTHING;
        pinAsked = false;
        pickupChosen = false;
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

    /**
     * The stored document, without its outbox (a save appends the new events to the stored ones) and
     * without {@code _id}: field by field as the reflective mapping stored it, see {@link SessionDocuments}.
     */
    org.bson.Document toDocument() {
        org.bson.Document d = new org.bson.Document();
        SessionDocuments.put(d, "merchantId", merchantId);
        SessionDocuments.put(d, "channel", channel);
        SessionDocuments.put(d, "customerId", customerId);
        SessionDocuments.put(d, "customerName", customerName);
        SessionDocuments.put(d, "customerPhone", customerPhone);
        SessionDocuments.put(d, "language", language);
        d.put("cart", SessionDocuments.documents(cart, SessionDocuments::line));
        d.put("cartRevision", cartRevision);
        SessionDocuments.put(d, "awaiting", SessionDocuments.name(awaiting));
        SessionDocuments.put(d, "address", SessionDocuments.address(address));
        d.put("pinAsked", pinAsked);
        d.put("pickupChosen", pickupChosen);
        SessionDocuments.put(d, "lastInboundAt", SessionDocuments.date(lastInboundAt));
        SessionDocuments.put(d, "lastMessageId", lastMessageId);
        d.put("lastReplies", SessionDocuments.documents(lastReplies, SessionDocuments::reply));
        d.put("lastRepliesSent", lastRepliesSent);
        SessionDocuments.put(d, "lastOrderId", lastOrderId);
        SessionDocuments.put(d, "payment", SessionDocuments.name(payment));
        SessionDocuments.put(d, "paymentAskedFor", SessionDocuments.name(paymentAskedFor));
        SessionDocuments.put(d, "email", email);
        d.put("emailAsked", emailAsked);
        SessionDocuments.put(d, "emailAskedFor", SessionDocuments.name(emailAskedFor));
        SessionDocuments.put(d, "conversation", SessionDocuments.conversation(conversation));
        if (referred != null) {
            d.put(
                    "referred",
                    new org.bson.Document("text", referred.text())
                            .append("offered", referred.offered())
                            .append("edited", referred.edited())
                            .append("revision", referred.revision()));
        }
        SessionDocuments.put(d, "version", version);
        d.put("_class", Session.class.getName());
        return d;
    }

    /** A stored session, its outbox left out (see {@link #toDocument}). */
    static Session fromDocument(org.bson.Document d) {
        Session s = new Session();
        Object id = d.get("_id");
        s.id = id == null ? null : id instanceof org.bson.types.ObjectId oid ? oid.toHexString() : id.toString();
        s.merchantId = d.getString("merchantId");
        s.channel = d.getString("channel");
        s.customerId = d.getString("customerId");
        s.customerName = d.getString("customerName");
        s.customerPhone = d.getString("customerPhone");
        if (d.getString("language") != null) {
            s.language = d.getString("language");
        }
        List<LineRequest> cart = SessionDocuments.list(d.get("cart"), SessionDocuments::line);
        if (cart != null) {
            s.cart = cart;
        }
        s.cartRevision = SessionDocuments.longOf(d.get("cartRevision"));
        Awaiting awaiting = SessionDocuments.enumOf(Awaiting.class, d.get("awaiting"));
        if (awaiting != null) {
            s.awaiting = awaiting;
        }
        s.address = SessionDocuments.address(d.get("address"));
        s.pinAsked = SessionDocuments.booleanOf(d.get("pinAsked"));
        s.pickupChosen = SessionDocuments.booleanOf(d.get("pickupChosen"));
        s.lastInboundAt = SessionDocuments.instant(d.get("lastInboundAt"));
        s.lastMessageId = d.getString("lastMessageId");
        List<OutboundMessage> replies = SessionDocuments.list(d.get("lastReplies"), SessionDocuments::reply);
        if (replies != null) {
            s.lastReplies = replies;
        }
        s.lastRepliesSent = SessionDocuments.intOf(d.get("lastRepliesSent"));
        s.lastOrderId = d.getString("lastOrderId");
        s.payment = SessionDocuments.enumOf(Order.PaymentMethod.class, d.get("payment"));
        s.paymentAskedFor = SessionDocuments.enumOf(Order.FulfilmentType.class, d.get("paymentAskedFor"));
        s.email = d.getString("email");
        s.emailAsked = SessionDocuments.booleanOf(d.get("emailAsked"));
        s.emailAskedFor = SessionDocuments.enumOf(Order.FulfilmentType.class, d.get("emailAskedFor"));
        s.conversation = SessionDocuments.conversation(d.get("conversation"));
        if (d.get("referred") instanceof org.bson.Document r) {
            s.referred = new Referred(
                    r.getString("text"),
                    indexes(r.get("offered")),
                    indexes(r.get("edited")),
                    SessionDocuments.longOf(r.get("revision")));
        }
        s.version = d.get("version") instanceof Number n ? n.longValue() : null;
        return s;
    }

    Long version() {
        return version;
    }

    /** Events added since the session was read, for its save to append to its stored outbox. */
    List<OutboxEntry> newEvents() {
        return outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** Saved as {@code id} at {@code version}, with its new events. */
    void stored(String id, long version) {
        this.id = id;
        this.version = version;
        if (outbox != null) {
            outbox.clear();
        }
    }

    private static List<Integer> indexes(Object stored) {
        return stored instanceof List<?> values
                ? values.stream()
                        .filter(Number.class::isInstance)
                        .map(v -> ((Number) v).intValue())
                        .toList()
                : List.of();
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
