package io.tiffin.conversation.internal;

import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundSender;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.intake.InboundMessageHandler;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.nlu.ModelUse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Handles each inbound message of a conversation: loads the session, lets the {@link Dialog} decide
 * the replies, stores the session with those replies, then sends them. A message handled before (a
 * retry after a failed send, a redelivery) sends only those replies decided the first time that had
 * not gone out yet.
 */
@Service
class ConversationService implements InboundMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    private final SessionStore sessions;
    private final MerchantDirectory merchants;
    private final Catalog catalog;
    private final Dialog dialog;
    private final OutboundSender outbound;
    private final ReplyProgress progress;
    private final VoiceNotes voiceNotes;
    private final Replies replies;
    private final ConversationLog conversations;
    private final Clock clock;

    ConversationService(
            SessionStore sessions,
            MerchantDirectory merchants,
            Catalog catalog,
            Dialog dialog,
            OutboundSender outbound,
            ReplyProgress progress,
            VoiceNotes voiceNotes,
            Replies replies,
            ConversationLog conversations,
            Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
        this.progress = progress;
        this.sessions = sessions;
        this.merchants = merchants;
        this.catalog = catalog;
        this.dialog = dialog;
        this.outbound = outbound;
        this.voiceNotes = voiceNotes;
        this.replies = replies;
    }

    @Override
    public void handle(InboundMessage message) {
        if (message.kind() == InboundMessage.Kind.STATUS || message.kind() == InboundMessage.Kind.REACTION) {
            return;
        }
        Optional<Merchant> merchant = merchants.recent(message.merchantId());
        if (merchant.isEmpty()) {
            log.info("Dropping message {} for unknown merchant {}", message.providerMessageId(), message.merchantId());
            return;
        }
        String channel = message.channel().name();
        Session session = sessions.find(message.merchantId(), channel, message.customerId())
                .orElseGet(() -> new Session(message.merchantId(), channel, message.customerId()));
        if (message.providerMessageId().equals(session.lastMessageId())) {
            send(session, session.lastRepliesSent());
            return;
        }
        session.heard(message.customerName(), message.sentAt());
        session.heardPhone(message.customerPhone());
        MenuSnapshot menu = catalog.recent(message.merchantId()).orElse(null);
        ModelUse.Tally model;
        Turn turn = new Turn(merchant.get(), session, menu);
        List<OutboundMessage> answer;
        ModelUse.begin();
        try {
            answer = VoiceNotes.isVoice(message) ? voiceNote(turn, message) : dialog.respond(turn, message);
        } finally {
            model = ModelUse.end();
        }
        session.handled(message.providerMessageId(), answer);
        conversations.record(session, message.sentAt() != null ? message.sentAt() : clock.instant(), model);
        send(sessions.save(session), 0);
    }

    /** What was heard is said first, so a mishearing is seen and can be corrected by typing. */
    private List<OutboundMessage> voiceNote(Turn turn, InboundMessage message) {
        VoiceNotes.Reading heard = voiceNotes.read(message, turn.session().language());
        if (heard.replyKey() != null) {
            return List.of(replies.say(turn, heard.replyKey()));
        }
        List<OutboundMessage> answer =
                new java.util.ArrayList<>(dialog.respond(turn, VoiceNotes.asText(message, heard.text())));
        if (!answer.isEmpty()) {
            OutboundMessage first = answer.get(0);
            String prefix = replies.say(turn, "voice_heard", java.util.Map.of("text", heard.text()))
                    .text();
            answer.set(
                    0,
                    new OutboundMessage(
                            first.channel(),
                            first.merchantId(),
                            first.to(),
                            prefix + "\n\n" + first.text(),
                            first.buttons(),
                            first.list()));
        }
        return answer;
    }

    /**
     * Sends the decided replies from {@code from} on, recording each one the provider took, so that
     * after a failure or a crash only the reply whose send was interrupted can go out twice. The last
     * one is recorded by intake's done mark instead, durable before the conversation's next message
     * (see {@link InboundMessageHandler}): one session write less per message.
     */
    private void send(Session session, int from) {
        List<OutboundMessage> replies = session.lastReplies();
        for (int i = from; i < replies.size(); i++) {
            outbound.send(replies.get(i));
            if (i + 1 < replies.size()) {
                progress.sent(session.id(), session.lastMessageId(), i + 1);
            }
        }
    }
}
