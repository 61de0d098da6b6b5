package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.nlu.ModelUse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationLogUnitTest {

    private final ConversationLog log = new ConversationLog(Duration.ofHours(3));
    private final Instant t0 = Instant.parse("2026-01-10T12:00:00Z");

    private ConversationUpdated message(Session session, Instant at, ModelUse.Tally model, String... said) {
        for (String key : said) {
            session.said(key);
        }
        return log.record(session, at, model);
    }

    @Test
    void countsEachMessageIntoItsConversationAndStartsANewOneAfterTheGap() {
        Session first = new Session("m1", "WHATSAPP", "c1");
        ConversationUpdated one = message(first, t0, new ModelUse.Tally(1, 300), "not_understood");
        assertThat(one.messages()).isEqualTo(1);
        assertThat(one.notUnderstood()).isEqualTo(1);
        assertThat(one.modelMessages()).isEqualTo(1);
        assertThat(one.modelMillis()).isEqualTo(300);
        assertThat(one.lastQuestion()).isEqualTo("not_understood");
        assertThat(one.startedAt()).isEqualTo(t0);

        Session second = reload(first);
        ConversationUpdated two = message(second, t0.plusSeconds(60), ModelUse.Tally.NONE, "ambiguous");
        Session third = reload(second);
        ConversationUpdated three = message(third, t0.plusSeconds(120), ModelUse.Tally.NONE, "cart");
        Session fourth = reload(third);
        // the voice prefix is not what the bot asked: the address question is
        ConversationUpdated four =
                message(fourth, t0.plusSeconds(180), new ModelUse.Tally(2, 900), "voice_heard", "ask_address");
        assertThat(four.conversationId())
                .isEqualTo(one.conversationId())
                .isEqualTo(two.conversationId())
                .isEqualTo(three.conversationId());
        assertThat(four.messages()).isEqualTo(4);
        assertThat(four.notUnderstood()).isEqualTo(1);
        assertThat(four.clarifications()).isEqualTo(1);
        assertThat(four.modelMessages()).isEqualTo(2);
        assertThat(four.modelCalls()).isEqualTo(3);
        assertThat(four.modelMillis()).isEqualTo(1200);
        assertThat(four.cartShown()).isTrue();
        assertThat(four.ordersPlaced()).isZero();
        assertThat(four.lastQuestion()).isEqualTo("address");
        assertThat(four.lastAt()).isEqualTo(t0.plusSeconds(180));

        Session fifth = reload(fourth);
        ConversationUpdated placed = message(fifth, t0.plusSeconds(240), ModelUse.Tally.NONE, "placed");
        assertThat(placed.ordersPlaced()).isEqualTo(1);
        assertThat(placed.lastQuestion()).isEqualTo("order_placed");

        // three hours and a second after the last message: a new conversation, counted from zero
        Session later = reload(fifth);
        ConversationUpdated next = message(
                later, t0.plusSeconds(240).plus(Duration.ofHours(3)).plusSeconds(1), ModelUse.Tally.NONE, "greeting");
        assertThat(next.conversationId()).isNotEqualTo(one.conversationId());
        assertThat(next.messages()).isEqualTo(1);
        assertThat(next.cartShown()).isFalse();
        assertThat(next.ordersPlaced()).isZero();
        assertThat(next.lastQuestion()).isEqualTo("what_to_order");
        assertThat(next.startedAt())
                .isEqualTo(t0.plusSeconds(240).plus(Duration.ofHours(3)).plusSeconds(1));
    }

    @Test
    void aMessageWithNoReplyKeepsTheLastQuestion() {
        Session session = new Session("m1", "WEB", "c2");
        message(session, t0, ModelUse.Tally.NONE, "payment_choice");
        Session again = reload(session);
        ConversationUpdated now = message(again, t0.plusSeconds(30), ModelUse.Tally.NONE);
        assertThat(now.lastQuestion()).isEqualTo("payment");
        assertThat(now.messages()).isEqualTo(2);
    }

    /** A session as the next message finds it: the stored conversation, nothing said yet. */
    private static Session reload(Session stored) {
        Session fresh = new Session(stored.merchantId(), stored.channel(), stored.customerId());
        fresh.conversationNow(stored.conversation(), stored.conversation().lastAt());
        return fresh;
    }
}
