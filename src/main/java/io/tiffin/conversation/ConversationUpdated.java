package io.tiffin.conversation;

import java.time.Instant;

/**
 * What one conversation has come to after one more customer message, as a whole (not the change), so
 * a repeat or an out-of-order delivery is harmless: the one with more {@code messages} is the later.
 * A conversation is a session's run of messages with no gap longer than the conversation gap; it
 * starts at {@code startedAt}. Counts are of messages: {@code notUnderstood} answered "didn't catch
 * that", {@code clarifications} answered with a question about what was meant (which item, which
 * size, which line), {@code modelMessages} read with the local model's help ({@code modelCalls}
 * calls taking {@code modelMillis} together). {@code lastQuestion} is what the bot last asked or
 * offered ({@code confirm_cart}, {@code address}, {@code payment}, {@code email}, {@code which_item},
 * {@code not_understood}, {@code minimum_order}, {@code closed}, {@code what_to_order},
 * {@code order_placed}).
 */
public record ConversationUpdated(
        String conversationId,
        String merchantId,
        String channel,
        String customerId,
        Instant startedAt,
        Instant lastAt,
        int messages,
        int notUnderstood,
        int clarifications,
        int modelMessages,
        int modelCalls,
        long modelMillis,
        boolean cartShown,
        int ordersPlaced,
        String lastQuestion) {}
