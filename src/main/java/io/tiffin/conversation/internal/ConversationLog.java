package io.tiffin.conversation.internal;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.nlu.ModelUse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts what each handled message did to its conversation (from the reply templates the dialog used
 * and the model calls the parser reported) and puts the conversation as it now stands in the
 * session's outbox, for analytics. Reads nothing the dialog decides with, so it changes no reply.
 */
@Component
class ConversationLog {

    /** The bot asks which item, size or cart line was meant. */
    static final Set<String> CLARIFYING =
            Set.of("ambiguous", "missing_choice", "which_line", "no_such_item", "unknown_item");

    static final Set<String> PLACED = Set.of("placed", "placed_pay_online");
    // said before another reply, not a reply of its own
    private static final Set<String> PREFIXES = Set.of("voice_heard");
    private static final Map<String, String> QUESTIONS = Map.ofEntries(
            Map.entry("cart", "confirm_cart"),
            Map.entry("ask_address", "address"),
            Map.entry("address_pin", "address"),
            Map.entry("address_too_short", "address"),
            Map.entry("out_of_range", "address"),
            Map.entry("payment_choice", "payment"),
            Map.entry("ask_email", "email"),
            Map.entry("not_understood", "not_understood"),
            Map.entry("media_unsupported", "not_understood"),
            Map.entry("below_minimum", "minimum_order"),
            Map.entry("closed", "closed"),
            Map.entry("paused", "closed"),
            Map.entry("placed", "order_placed"),
            Map.entry("placed_pay_online", "order_placed"));

    private final Duration gap;

    ConversationLog(@Value("${tiffin.conversation.gap:3h}") Duration gap) {
        this.gap = gap;
    }

    /** After the dialog answered a message sent at {@code at}: counts it into the session's conversation. */
    ConversationUpdated record(Session session, Instant at, ModelUse.Tally model) {
        ConversationUpdated before = session.conversation();
        boolean continues = before != null
                && before.lastAt() != null
                && !at.isAfter(before.lastAt().plus(gap));
        List<String> said = session.saidThisMessage().stream()
                .filter(k -> !PREFIXES.contains(k))
                .toList();
        String question = said.isEmpty() ? null : question(said.getLast());
        ConversationUpdated now = new ConversationUpdated(
                continues ? before.conversationId() : UUID.randomUUID().toString(),
                session.merchantId(),
                session.channel(),
                session.customerId(),
                continues ? before.startedAt() : at,
                continues && before.lastAt().isAfter(at) ? before.lastAt() : at,
                (continues ? before.messages() : 0) + 1,
                (continues ? before.notUnderstood() : 0) + (said.contains("not_understood") ? 1 : 0),
                (continues ? before.clarifications() : 0) + (said.stream().anyMatch(CLARIFYING::contains) ? 1 : 0),
                (continues ? before.modelMessages() : 0) + (model.calls() > 0 ? 1 : 0),
                (continues ? before.modelCalls() : 0) + model.calls(),
                (continues ? before.modelMillis() : 0) + model.millis(),
                (continues && before.cartShown()) || said.contains("cart"),
                (continues ? before.ordersPlaced() : 0) + (said.stream().anyMatch(PLACED::contains) ? 1 : 0),
                question != null ? question : continues ? before.lastQuestion() : null);
        session.conversationNow(now, at);
        return now;
    }

    /** The kind of what a reply asks for; anything else invites the customer to say what they want. */
    static String question(String templateKey) {
        if (CLARIFYING.contains(templateKey)) {
            return "which_item";
        }
        return QUESTIONS.getOrDefault(templateKey, "what_to_order");
    }
}
