package io.tiffin.conversation.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.merchant.Merchant;
import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.PricedCart;
import io.tiffin.ordering.Pricing;
import io.tiffin.platform.text.MoneyText;
import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The payment step at confirmation: a merchant who takes both cash on delivery and online payment
 * lets the customer choose ("Pay online" / "Cash on delivery") before the order is placed; the
 * fulfilment already chosen waits in the session for the answer. A merchant who takes one way is
 * never asked about it. Kept apart from the dialog so the dialog only asks it two questions.
 */
@Component
class PaymentChoice {

    static final String ONLINE = "pay:online";
    static final String CASH = "pay:cash";

    private final Replies replies;
    private final Templates templates;

    PaymentChoice(Replies replies, Templates templates) {
        this.replies = replies;
        this.templates = templates;
    }

    /** The question to ask before placing, or empty when there is nothing to choose (or it was chosen). */
    Optional<OutboundMessage> ask(Turn turn, Order.FulfilmentType fulfilment) {
        Merchant merchant = turn.merchant();
        Session session = turn.session();
        if (!merchant.payments().both() || session.payment() != null) {
            return Optional.empty();
        }
        session.askedHowToPay(fulfilment);
        Order.Address address = fulfilment == Order.FulfilmentType.DELIVERY ? session.address() : null;
        PricedCart cart = Pricing.price(
                turn.menu(), session.cart(), merchant.rules(), fulfilment, CartSteps.distanceKm(merchant, address));
        String language = session.language();
        return Optional.of(replies.choose(
                turn,
                "payment_choice",
                Map.of("total", MoneyText.format(cart.total(), cart.currency(), language)),
                // the order here is the order "1" and "2" choose in typed()
                List.of(
                        new Choice(ONLINE, templates.text(language, "payment_button_online"), null),
                        new Choice(CASH, templates.text(language, "payment_button_cash"), null))));
    }

    /**
     * A tapped answer: the fulfilment to place with, or null when this is no answer to a question we
     * asked.
     */
    Order.FulfilmentType tapped(Turn turn, String id) {
        Order.PaymentMethod method =
                ONLINE.equals(id) ? Order.PaymentMethod.ONLINE : CASH.equals(id) ? Order.PaymentMethod.CASH : null;
        return chose(turn.session(), method);
    }

    /**
     * A typed answer as the parser read it ("cash", "upi se", "2"): a number is the button of that
     * number, in the order shown. Null when this is no answer to a question we asked.
     */
    Order.FulfilmentType typed(Turn turn, ParseResult.Answer answer) {
        if (answer == null) {
            return null;
        }
        Order.PaymentMethod method = answer.payment() != null
                ? Order.PaymentMethod.valueOf(answer.payment().name())
                : answer.number() == null
                        ? null
                        : answer.number() == 1
                                ? Order.PaymentMethod.ONLINE
                                : answer.number() == 2 ? Order.PaymentMethod.CASH : null;
        return chose(turn.session(), method);
    }

    private static Order.FulfilmentType chose(Session session, Order.PaymentMethod method) {
        if (session.paymentAskedFor() == null || method == null) {
            return null;
        }
        session.pays(method);
        return session.paymentAskedFor();
    }
}
