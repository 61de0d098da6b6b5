package io.tiffin.intake.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tiffin.channel.InboundMessage;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One inbound message as stored before acknowledgement, with its processing state. */
@Document("inbox")
@CompoundIndex(name = "provider_message", def = "{'channel': 1, 'providerMessageId': 1}", unique = true)
@CompoundIndex(name = "state_received", def = "{'state': 1, 'receivedAt': 1}")
@CompoundIndex(name = "conversation_waiting", def = "{'conversationKey': 1, 'state': 1, 'receivedAt': 1}")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InboxEntry {

    public enum State {
        RECEIVED,
        PROCESSING,
        DONE,
        DEAD
    }

    @Id
    private String id;

    private String channel;
    private String providerMessageId;
    private String merchantId;
    private String conversationKey;
    private InboundMessage message;
    private State state;
    private int attempts;
    private String lastError;
    private Instant receivedAt;
    private Instant leaseUntil;
    private Instant finishedAt;

    protected InboxEntry() {}

    InboxEntry(InboundMessage message, Instant receivedAt) {
        this.channel = message.channel().name();
        this.providerMessageId = message.providerMessageId();
        this.merchantId = message.merchantId();
        this.conversationKey = message.conversationKey();
        this.message = message;
        this.state = State.RECEIVED;
        this.receivedAt = receivedAt;
    }

    /**
     * A message stored already taken for handling by the process storing it (see {@link JournalDrain}):
     * stored with no attempt counted, so a crash while it waits in a queue costs it none.
     */
    static InboxEntry claimedAtInsert(InboundMessage message, Instant receivedAt, Instant leaseUntil) {
        InboxEntry entry = new InboxEntry(message, receivedAt);
        entry.state = State.PROCESSING;
        entry.leaseUntil = leaseUntil;
        return entry;
    }

    /** This entry, stored under {@code id}, as its handling sees it: the first attempt. */
    InboxEntry firstAttempt(String id) {
        InboxEntry entry = new InboxEntry(message, receivedAt);
        entry.id = id;
        entry.state = state;
        entry.leaseUntil = leaseUntil;
        entry.attempts = 1;
        return entry;
    }

    public String id() {
        return id;
    }

    public String conversationKey() {
        return conversationKey;
    }

    public InboundMessage message() {
        return message;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
