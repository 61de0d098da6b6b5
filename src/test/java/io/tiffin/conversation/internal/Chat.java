package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.geocoding.Geocoder;
import io.tiffin.merchant.Merchant;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
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
 * ordering that keeps nothing: what the customer sees and what the cart holds after each message.
 */
final class Chat {

    static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    static final Menu DEMO = demoMenu();
    private static final Templates TEMPLATES = new Templates(new DefaultResourceLoader(), "classpath:/flows/");

    private final Dialog dialog;
    private final Merchant merchant = new Merchant("Tiffin Demo Kitchen", "INR", "Asia/Kolkata", "12 MG Road", null,
            null, null);
    private final Session session = new Session("m1", "WEB", "c1");
    private final MenuSnapshot menu;
    private int messages;

    Chat() {
        this(DEMO);
    }

    Chat(Menu menu) {
        this.menu = new MenuSnapshot("m1", 1, Instant.parse("2026-01-01T00:00:00Z"), menu);
        Replies replies = new Replies(TEMPLATES, (merchantId, orderId) -> Optional.empty());
        CartSteps steps = new CartSteps(replies, Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC));
        MenuTexts texts = new MenuTexts();
        dialog = new Dialog(PARSER, new NoOrders(), replies, texts, new NoGeocoder(), steps,
                new CartEdits(replies, steps), new MenuAnswers(replies, texts));
    }

    /** The replies' texts, joined. */
    String say(String text) {
        return texts(send(text));
    }

    List<OutboundMessage> send(String text) {
        return dialog.respond(new Replies.Turn(merchant, session, menu), InboundMessage.text(Channel.WEB, "msg" + messages++,
                "m1", "c1", "Asha", Instant.parse("2026-01-01T12:00:00Z"), text));
    }

    /** Taps a reply button. */
    String tap(OutboundMessage.Choice choice) {
        InboundMessage tap = new InboundMessage(Channel.WEB, "msg" + messages++, "m1", "c1", "Asha",
                Instant.parse("2026-01-01T12:00:00Z"), InboundMessage.Kind.BUTTON_REPLY, null,
                new InboundMessage.Reply(choice.id(), choice.title(), null), null, null, null, null, null, null, null);
        return texts(dialog.respond(new Replies.Turn(merchant, session, menu), tap));
    }

    /** The cart as "3 garlic-naan, 1 coke(container=can)", in cart order. */
    String cart() {
        return session.cart().stream().map(Chat::describe).collect(Collectors.joining(", "));
    }

    List<LineRequest> lines() {
        return session.cart();
    }

    String language() {
        return session.language();
    }

    private static String describe(LineRequest line) {
        String options = line.options().stream().map(o -> o.groupId() + "=" + o.optionId()).collect(Collectors.joining(" "));
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

    /** An ordering with no past orders; these tests never get as far as placing one. */
    private static final class NoOrders implements Ordering {
        private final List<PlaceOrder> placed = new ArrayList<>();

        @Override
        public Order place(PlaceOrder request) {
            placed.add(request);
            throw new UnsupportedOperationException("not placed in these tests");
        }

        @Override
        public Optional<Order> latestOf(String merchantId, String channel, String customerId) {
            return Optional.empty();
        }

        @Override
        public Optional<Order> find(String merchantId, String orderId) {
            return Optional.empty();
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
