package io.tiffin.conversation.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.Order;
import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The optional email question at confirmation, for merchants who offer email receipts: asked once per
 * merchant and customer (the session remembers the answer), answered with an address or *Skip*. The
 * order waits for the answer; anything else the customer writes goes on as usual, and the question is
 * not asked again.
 */
@Component
class EmailQuestion {

    static final String SKIP = "email:skip";

    private final Replies replies;
    private final Templates templates;

    EmailQuestion(Replies replies, Templates templates) {
        this.replies = replies;
        this.templates = templates;
    }

    Optional<OutboundMessage> ask(Turn turn, Order.FulfilmentType fulfilment) {
        Session session = turn.session();
        if (!turn.merchant().emails().receipts() || session.emailAsked()) {
            return Optional.empty();
        }
        session.askedForEmail(fulfilment);
        return Optional.of(replies.choose(
                turn,
                "ask_email",
                Map.of(),
                List.of(new Choice(SKIP, templates.text(session.language(), "email_button_skip"), null))));
    }

    /** A tapped *Skip*: the fulfilment to place with, or null when this is no answer to the question. */
    Order.FulfilmentType tapped(Turn turn, String id) {
        Order.FulfilmentType waiting = turn.session().emailAskedFor();
        if (waiting == null || !SKIP.equals(id)) {
            return null;
        }
        turn.session().answeredEmail(null);
        return waiting;
    }

    /** A typed answer as the parser read it: an address, or a skip ("no thanks"); null when it is neither. */
    Order.FulfilmentType typed(Turn turn, ParseResult.Answer answer) {
        Order.FulfilmentType waiting = turn.session().emailAskedFor();
        if (waiting == null || answer == null || !answer.skip() && answer.email() == null) {
            return null;
        }
        turn.session().answeredEmail(answer.skip() ? null : answer.email());
        return waiting;
    }
}
