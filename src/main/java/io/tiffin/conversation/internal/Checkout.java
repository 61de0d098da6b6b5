package io.tiffin.conversation.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.geocoding.Geocoder;
import io.tiffin.merchant.Merchant;
import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderRefusedException;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PlaceOrder;
import io.tiffin.ordering.PricingException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checking out: confirm the cart against the store rules, ask where to deliver (a typed address
 * goes to the geocoder, else a pin is asked for once), or take it for pickup, then place the order
 * and say why when the rules refuse it, keeping the cart.
 */
@Component
class Checkout {

    private static final int MIN_ADDRESS_LENGTH = 8;
    static final String SAME_ADDRESS = "address:same";
    static final String OTHER_ADDRESS = "address:other";
    /** Channels on which a customer can send a location pin (the web chat through the browser). */
    private static final Set<Channel> PIN_CHANNELS = EnumSet.of(Channel.WHATSAPP, Channel.TELEGRAM, Channel.WEB);

    private final Ordering ordering;
    private final Replies replies;
    private final Geocoder geocoder;
    private final CartSteps steps;
    private final PaymentChoice payments;
    private final EmailQuestion emails;

    Checkout(
            Ordering ordering,
            Replies replies,
            Geocoder geocoder,
            CartSteps steps,
            PaymentChoice payments,
            EmailQuestion emails) {
        this.ordering = ordering;
        this.replies = replies;
        this.geocoder = geocoder;
        this.steps = steps;
        this.payments = payments;
        this.emails = emails;
    }

    /** A tapped answer to how to pay or to the email question, placing the order it was asked for; empty if none was asked. */
    Optional<List<OutboundMessage>> onTappedAnswer(Turn turn, String id) {
        Order.FulfilmentType paying = payments.tapped(turn, id);
        if (paying == null) {
            paying = emails.tapped(turn, id);
        }
        return paying == null ? Optional.empty() : Optional.of(place(turn, paying));
    }

    /** The same, typed: the parser read what the message would answer; only a question asked takes it. */
    Optional<List<OutboundMessage>> onTypedAnswer(Turn turn, ParseResult.Answer answer) {
        Order.FulfilmentType paying = payments.typed(turn, answer);
        if (paying == null) {
            paying = emails.typed(turn, answer);
        }
        return paying == null ? Optional.empty() : Optional.of(place(turn, paying));
    }

    List<OutboundMessage> onLocation(Turn turn, InboundMessage.Location location) {
        String text = location.address() != null ? location.address() : location.name();
        turn.session().deliverTo(new Order.Address(text, location.latitude(), location.longitude()));
        if (turn.session().awaiting() == Session.Awaiting.ADDRESS) {
            return place(turn, Order.FulfilmentType.DELIVERY);
        }
        return List.of(replies.say(turn, "location_saved"));
    }

    /**
     * A typed address goes to the geocoder for coordinates. Not found (or no geocoder), the bot asks
     * once for a pin where the channel can send one; an address typed after that, or on a channel
     * without pins, is taken as written and the order reaches the board as "needs a location".
     */
    List<OutboundMessage> onTypedAddress(Turn turn, String text) {
        String address = text.strip();
        if (address.length() < MIN_ADDRESS_LENGTH) {
            return List.of(replies.say(turn, "address_too_short"));
        }
        Merchant.GeoPoint at = turn.merchant().location();
        Optional<Geocoder.Place> found =
                geocoder.locate(address, at == null ? null : new Geocoder.Near(at.lat(), at.lng()));
        if (found.isPresent()) {
            turn.session()
                    .deliverTo(new Order.Address(
                            address, found.get().lat(), found.get().lng()));
            return place(turn, Order.FulfilmentType.DELIVERY);
        }
        if (PIN_CHANNELS.contains(turn.channel()) && !turn.session().pinAsked()) {
            turn.session().askedForPin();
            return List.of(replies.askPin(turn, address));
        }
        turn.session().deliverTo(new Order.Address(address, null, null));
        return place(turn, Order.FulfilmentType.DELIVERY);
    }

    List<OutboundMessage> confirm(Turn turn) {
        Session session = turn.session();
        if (steps.closed(turn)) {
            return List.of(steps.closedReply(turn));
        }
        if (session.cart().isEmpty()) {
            return List.of(replies.say(turn, "cart_empty"));
        }
        long subtotal = steps.price(turn).subtotal();
        if (subtotal < turn.merchant().rules().minimumOrder()) {
            return List.of(replies.belowMinimum(turn, subtotal));
        }
        var fulfilment = turn.merchant().fulfilment();
        // "I'll pick it up" said before checking out: no address is asked
        if (!fulfilment.delivery() || session.pickupChosen() && fulfilment.pickup()) {
            return place(turn, Order.FulfilmentType.PICKUP);
        }
        if (session.address() == null) {
            session.await(Session.Awaiting.ADDRESS);
            return List.of(lastAddress(turn).map(a -> offerAgain(turn, a)).orElseGet(() -> replies.askAddress(turn)));
        }
        return place(turn, Order.FulfilmentType.DELIVERY);
    }

    /**
     * The answer to "Deliver to 12 MG Road again?": yes places the order there, no asks for another
     * address; empty when the choice is not about the address. Saying an address instead of answering
     * is taken as that address, since one is awaited.
     */
    Optional<List<OutboundMessage>> onAddressChoice(Turn turn, String id) {
        if (!id.equals(SAME_ADDRESS) && !id.equals(OTHER_ADDRESS)) {
            return Optional.empty();
        }
        if (turn.session().awaiting() != Session.Awaiting.ADDRESS) {
            return Optional.of(confirm(turn)); // an old question answered late: where the cart stands now
        }
        Optional<Order.Address> last = id.equals(SAME_ADDRESS) ? lastAddress(turn) : Optional.empty();
        if (last.isEmpty()) {
            return Optional.of(List.of(replies.askAddress(turn)));
        }
        turn.session().deliverTo(last.get());
        return Optional.of(place(turn, Order.FulfilmentType.DELIVERY));
    }

    /**
     * On a call, the address of the caller's last delivery here (found by their number on any channel):
     * saying an address is the hard part of ordering by phone. Chats keep asking, where a pin is a tap.
     */
    private Optional<Order.Address> lastAddress(Turn turn) {
        Session session = turn.session();
        if (turn.channel() != Channel.VOICE) {
            return Optional.empty();
        }
        return ordering.lastDeliveryAddress(
                turn.merchant().id(), session.channel(), session.customerId(), session.verifiedPhone());
    }

    private OutboundMessage offerAgain(Turn turn, Order.Address address) {
        return replies.choose(
                turn,
                "address_again",
                java.util.Map.of("address", address.text()),
                List.of(
                        new OutboundMessage.Choice(
                                SAME_ADDRESS, replies.text(turn, "address_again_yes", "Yes, same address")),
                        new OutboundMessage.Choice(
                                OTHER_ADDRESS, replies.text(turn, "address_again_other", "Another address"))));
    }

    List<OutboundMessage> place(Turn turn, Order.FulfilmentType type) {
        Session session = turn.session();
        if (session.cart().isEmpty()) {
            session.await(Session.Awaiting.NOTHING);
            return List.of(replies.say(turn, "cart_empty"));
        }
        try {
            // asked before placing, once each: how to pay (when the merchant takes both), an email for receipts
            Optional<OutboundMessage> question = payments.ask(turn, type).or(() -> emails.ask(turn, type));
            if (question.isPresent()) {
                return List.of(question.get());
            }
            Order order = ordering.place(new PlaceOrder(
                    turn.merchant().id(),
                    session.channel(),
                    session.customer(),
                    session.cart(),
                    type,
                    type == Order.FulfilmentType.DELIVERY ? session.address() : null,
                    session.placementKey(),
                    session.language(),
                    session.payment()));
            session.placed(order.id());
            session.deliverTo(null);
            return List.of(replies.placed(turn, order));
        } catch (OrderRefusedException e) {
            return refused(turn, e);
        } catch (PricingException e) {
            session.remove(List.of(e.itemId()));
            session.await(Session.Awaiting.NOTHING);
            return session.cart().isEmpty()
                    ? List.of(replies.say(turn, "cart_empty"))
                    : List.of(steps.cartReply(turn, List.of(steps.pricingNote(turn, e))));
        }
    }

    /** The store rules said no when placing: say why, and keep the cart for what the customer does next. */
    private List<OutboundMessage> refused(Turn turn, OrderRefusedException e) {
        Session session = turn.session();
        return switch (e.reason()) {
            case CLOSED -> {
                session.await(Session.Awaiting.NOTHING);
                yield List.of(steps.closedReply(turn));
            }
            case BELOW_MINIMUM -> {
                session.await(Session.Awaiting.NOTHING);
                yield List.of(replies.belowMinimum(turn, steps.price(turn).subtotal()));
            }
            case OUT_OF_RANGE -> {
                Double distance = CartSteps.distanceKm(turn.merchant(), session.address());
                session.deliverTo(null);
                session.await(Session.Awaiting.ADDRESS);
                yield List.of(replies.outOfRange(turn, distance));
            }
        };
    }
}
