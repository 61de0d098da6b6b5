package io.tiffin.conversation.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.ordering.Order;
import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[a-zA-Z]{2,24}");

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
        return Optional.of(replies.choose(turn, "ask_email", Map.of(),
                List.of(new Choice(SKIP, templates.text(session.language(), "email_button_skip"), null))));
    }

    /** The fulfilment to place with once answered, or null when this is no answer to the question. */
    Order.FulfilmentType answer(Turn turn, String idOrText) {
        Session session = turn.session();
        Order.FulfilmentType waiting = session.emailAskedFor();
        if (waiting == null || idOrText == null) {
            return null;
        }
        String answer = idOrText.strip();
        if (answer.equals(SKIP) || answer.equalsIgnoreCase("skip") || answer.equalsIgnoreCase("no")) {
            session.answeredEmail(null);
            return waiting;
        }
        if (answer.length() <= 200 && EMAIL.matcher(answer).matches()) {
            session.answeredEmail(answer.toLowerCase(Locale.ROOT));
            return waiting;
        }
        return null;
    }
}
