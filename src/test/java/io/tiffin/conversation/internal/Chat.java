package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.geocoding.Geocoder;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.StoreRules;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.ordering.Pricing;
import io.tiffin.platform.text.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * One customer chatting with the demo kitchen, with the real parser, templates and dialog and an
 * in-memory ordering: what the customer sees, what the cart holds and what was ordered.
 */
final class Chat {

    static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    static final Menu DEMO = demoMenu();
    private static final Templates TEMPLATES = new Templates(new DefaultResourceLoader(), "classpath:/flows/");

    private final Dialog dialog;
    private final Merchant merchant =
            new Merchant("Tiffin Demo Kitchen", "INR", "Asia/Kolkata", "12 MG Road", null, null, null);
    private final Session session = new Session("m1", "WEB", "c1");
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private MenuSnapshot menu;
    private final InMemoryOrdering ordering = new InMemoryOrdering();
    private int messages;

    Chat() {
        this(DEMO);
    }

    Chat(Menu menu) {
        this.menu = new MenuSnapshot("m1", 1, Instant.parse("2026-01-01T00:00:00Z"), menu);
        Replies replies = new Replies(TEMPLATES, (merchantId, orderId) -> Optional.empty());
        CartSteps steps = new CartSteps(replies, Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC));
        MenuTexts texts = new MenuTexts();
        dialog = new Dialog(
                PARSER,
                replies,
                texts,
                steps,
                new CartEdits(replies, steps),
                new MenuAnswers(replies, texts, steps),
                new Checkout(
                        ordering,
                        replies,
                        new NoGeocoder(),
                        steps,
                        new PaymentChoice(replies, TEMPLATES),
                        new EmailQuestion(replies, TEMPLATES)),
                new LastOrder(ordering, replies, steps));
    }

    /** The merchant edits the menu (a new price, a dish sold out): the next message reads the new version. */
    Chat menuChanged(Menu edited) {
        menu = new MenuSnapshot("m1", menu.version() + 1, Instant.parse("2026-01-01T00:00:00Z"), edited);
        return this;
    }

    /** The kitchen takes cash on delivery and online payment, so the customer is asked which. */
    Chat payingEitherWay() {
        merchant.changePayments(new Merchant.Payments(true, true));
        return this;
    }

    /** The kitchen offers email receipts, so the customer is asked for an address once. */
    Chat offeringReceipts() {
        merchant.changeEmails(new Merchant.Emails("kitchen@example.com", false, false, true));
        return this;
    }

    /** The replies' texts, joined. */
    String say(String text) {
        return texts(send(text));
    }

    List<OutboundMessage> send(String text) {
        return handled(dialog.respond(
                new Replies.Turn(merchant, session, menu),
                InboundMessage.text(
                        Channel.WEB,
                        "msg" + messages++,
                        "m1",
                        "c1",
                        "Asha",
                        Instant.parse("2026-01-01T12:00:00Z"),
                        text)));
    }

    /** Remembers the replies as the conversation service does, so a typed answer can refer to them. */
    private List<OutboundMessage> handled(List<OutboundMessage> replies) {
        session.handled("msg" + messages, replies);
        return replies;
    }

    /** Taps a reply button: what the bot answers. */
    List<OutboundMessage> send(OutboundMessage.Choice choice) {
        InboundMessage tap = new InboundMessage(
                Channel.WEB,
                "msg" + messages++,
                "m1",
                "c1",
                "Asha",
                Instant.parse("2026-01-01T12:00:00Z"),
                InboundMessage.Kind.BUTTON_REPLY,
                null,
                new InboundMessage.Reply(choice.id(), choice.title(), null),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return handled(dialog.respond(new Replies.Turn(merchant, session, menu), tap));
    }

    /** Taps a reply button. */
    String tap(OutboundMessage.Choice choice) {
        InboundMessage tap = new InboundMessage(
                Channel.WEB,
                "msg" + messages++,
                "m1",
                "c1",
                "Asha",
                Instant.parse("2026-01-01T12:00:00Z"),
                InboundMessage.Kind.BUTTON_REPLY,
                null,
                new InboundMessage.Reply(choice.id(), choice.title(), null),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return texts(dialog.respond(new Replies.Turn(merchant, session, menu), tap));
    }

    /** The cart as "3 garlic-naan, 1 coke(container=can)", in cart order. */
    String cart() {
        return session.cart().stream().map(Chat::describe).collect(Collectors.joining(", "));
    }

    List<LineRequest> lines() {
        return session.cart();
    }

    /** The orders placed so far, oldest first. */
    List<Order> orders() {
        return List.copyOf(ordering.orders);
    }

    String language() {
        return session.language();
    }

    private static String describe(LineRequest line) {
        String options = line.options().stream()
                .map(o -> o.groupId() + "=" + o.optionId())
                .collect(Collectors.joining(" "));
        return line.quantity() + " " + line.itemId() + (options.isEmpty() ? "" : "(" + options + ")");
    }

    private static String texts(List<OutboundMessage> replies) {
        return replies.stream().map(OutboundMessage::text).collect(Collectors.joining("\n"));
    }

    private static Menu demoMenu() {
        try (InputStream in = Chat.class.getClassLoader().getResourceAsStream("demo/menu.json")) {
            return JsonMapper.builder().build().readValue(in, Menu.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Orders kept in a list, priced from the chat's menu as the ordering module prices them. */
    private final class InMemoryOrdering implements Ordering {
        private final List<Order> orders = new ArrayList<>();

        @Override
        public Order place(PlaceOrder request) {
            Order order = new Order(
                    request.merchantId(),
                    String.valueOf(orders.size() + 1),
                    request.channel(),
                    request.customer(),
                    Pricing.price(menu.menu(), request.lines(), StoreRules.NONE, request.fulfilment(), null),
                    request.fulfilment(),
                    request.deliveryAddress(),
                    request.placementKey(),
                    request.language(),
                    request.payment() == null ? Order.PaymentMethod.CASH : request.payment(),
                    NOW);
            orders.add(order);
            return order;
        }

        @Override
        public Optional<Order> latestOf(String merchantId, String channel, String customerId) {
            return orders.isEmpty() ? Optional.empty() : Optional.of(orders.getLast());
        }

        @Override
        public Optional<Order> latestOf(String merchantId, String channel, String customerId, String verifiedPhone) {
            return latestOf(merchantId, channel, customerId);
        }

        @Override
        public Optional<Order.Address> lastDeliveryAddress(
                String merchantId, String channel, String customerId, String verifiedPhone) {
            return orders.reversed().stream()
                    .filter(o -> o.deliveryAddress() != null)
                    .findFirst()
                    .map(Order::deliveryAddress);
        }

        @Override
        public Optional<Order> find(String merchantId, String orderId) {
            return orders.stream().filter(o -> o.id().equals(orderId)).findFirst();
        }

        @Override
        public Order pickedUpByDriver(String merchantId, String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order deliveredByDriver(String merchantId, String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order cancelUndelivered(String merchantId, String orderId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order paid(String merchantId, String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order notePayment(String merchantId, String orderId, Order.PaymentState state, String note) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order cancelUnpaid(String merchantId, String orderId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order noteCustomerNotTold(String merchantId, String orderId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Order> createdBetween(String merchantId, Instant from, Instant to) {
            return List.copyOf(orders);
        }
    }

    private static final class NoGeocoder implements Geocoder {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Optional<Place> locate(String address, Near near) {
            return Optional.empty();
        }
    }
}
