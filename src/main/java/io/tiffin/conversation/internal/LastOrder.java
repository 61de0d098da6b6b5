package io.tiffin.conversation.internal;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.ordering.PricedCart;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The customer's last order: the same again ("same again"), or where it is ("where is my order"). */
@Component
class LastOrder {

    private final Ordering ordering;
    private final Replies replies;
    private final CartSteps steps;

    LastOrder(Ordering ordering, Replies replies, CartSteps steps) {
        this.ordering = ordering;
        this.replies = replies;
        this.steps = steps;
    }

    /** "Same again": the last order's lines as asked for then, priced from today's menu; what is gone is named. */
    List<OutboundMessage> repeat(Turn turn) {
        if (steps.closed(turn)) {
            return List.of(steps.closedReply(turn));
        }
        Session session = turn.session();
        Optional<Order> last = ordering.latestOf(
                turn.merchant().id(), session.channel(), session.customerId(), session.verifiedPhone());
        if (last.isEmpty()) {
            return List.of(replies.say(turn, "no_orders"));
        }
        List<LineRequest> lines = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (PricedCart.PricedLine line : last.get().items()) {
            LineRequest request = new LineRequest(
                    line.itemId(),
                    line.quantity(),
                    line.options().stream()
                            .filter(PricedCart.PricedOption::shown) // defaults come from today's menu
                            .map(o -> new LineRequest.OptionRequest(o.groupId(), o.optionId(), o.qualifier()))
                            .toList(),
                    line.notes(),
                    line.declined().stream()
                            .map(o -> new LineRequest.OptionRequest(o.groupId(), o.optionId(), o.qualifier()))
                            .toList());
            try {
                Pricing.priceLine(turn.menu(), request);
                lines.add(request);
            } catch (PricingException e) {
                dropped.add(line.name());
            }
        }
        session.add(lines);
        session.await(Session.Awaiting.NOTHING);
        List<String> notes = dropped.isEmpty()
                ? List.of()
                : List.of(replies.say(turn, "repeat_dropped", Map.of("items", replies.andList(turn, dropped)))
                        .text());
        if (session.cart().isEmpty()) {
            List<OutboundMessage> out = new ArrayList<>();
            notes.forEach(n ->
                    out.add(OutboundMessage.text(turn.channel(), turn.merchant().id(), session.customerId(), n)));
            out.add(replies.say(turn, "cart_empty"));
            return out;
        }
        return List.of(steps.cartReply(turn, notes));
    }

    OutboundMessage status(Turn turn) {
        Session s = turn.session();
        return ordering.latestOf(turn.merchant().id(), s.channel(), s.customerId(), s.verifiedPhone())
                .map(order -> replies.status(turn, order))
                .orElseGet(() -> replies.say(turn, "no_orders"));
    }
}
