package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.OutboundMessage.ChoiceList;
import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import io.tiffin.ordering.Order;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Sessions mapped by hand are stored in the very shape the repository's reflective mapping stored them,
 * so sessions stored before read the same, and the store's save keeps the repository's version check.
 */
class SessionStoreIntegrationTest extends IntegrationTestSupport {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    SessionStore store;

    @Autowired
    Sessions repository;

    @Autowired
    MongoTemplate mongo;

    /** Every field set, nested values included, the way a conversation sets them. */
    private Session full() {
        // a merchant of its own, whose analytics take the conversation events the relay delivers
        String merchant = merchant();
        Session session = new Session(merchant, "WHATSAPP", "91" + System.nanoTime());
        session.heard("Asha", AT);
        session.heardPhone("+919800000000");
        session.speaks("hi");
        session.add(List.of(
                new LineRequest(
                        "item-1",
                        2,
                        List.of(new OptionRequest("size", "large", null)),
                        "less sugar",
                        List.of(new OptionRequest("extras", "cheese", LineRequest.Qualifier.EXTRA))),
                new LineRequest("item-2", 1, List.of(), null)));
        session.await(Session.Awaiting.ADDRESS);
        session.deliverTo(new Order.Address("12 MG Road", 12.97, 77.59));
        session.askedForPin();
        session.askedHowToPay(Order.FulfilmentType.DELIVERY);
        session.pays(Order.PaymentMethod.CASH);
        session.askedForEmail(Order.FulfilmentType.PICKUP);
        session.answeredEmail("asha@example.com");
        OutboundMessage buttons = new OutboundMessage(
                Channel.WHATSAPP,
                merchant,
                "919800000000",
                "Your cart: 2 x Chai",
                List.of(new Choice(new ObjectId().toHexString(), "Confirm"), new Choice("edit", "Edit", "change it")),
                null);
        OutboundMessage list = new OutboundMessage(
                Channel.WHATSAPP,
                merchant,
                "919800000000",
                "The menu",
                List.of(),
                new ChoiceList(
                        "Menu",
                        List.of(new ChoiceList.Section("Drinks", List.of(new Choice("item-1", "Chai", "Rs 20"))))));
        session.handled("wamid." + UUID.randomUUID(), List.of(buttons, list));
        session.conversationNow(
                new ConversationUpdated(
                        UUID.randomUUID().toString(),
                        merchant,
                        "WHATSAPP",
                        session.customerId(),
                        AT.minusSeconds(60),
                        AT,
                        3,
                        1,
                        1,
                        1,
                        2,
                        450L,
                        true,
                        0,
                        "address"),
                AT);
        return session;
    }

    private String merchantId;

    private String merchant() {
        if (merchantId == null) {
            merchantId = newMerchant("Session store").id();
        }
        return merchantId;
    }

    private Document mapped(Session session) {
        Document document = new Document();
        mongo.getConverter().write(session, document);
        return document;
    }

    private static Document without(Document document, String... fields) {
        Document copy = new Document(document);
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    @Test
    void writesTheShapeTheRepositoryWrote() {
        Session session = full();
        Document byMapping = mapped(session);

        assertThat(session.toDocument()).isEqualTo(without(byMapping, "outbox"));
        assertThat(session.newEvents().stream()
                        .map(SessionDocuments::outboxEntry)
                        .toList())
                .isEqualTo(byMapping.get("outbox"));
    }

    @Test
    void aSessionStoredByTheRepositoryLoadsTheSameAndTheRepositoryLoadsOneStoredHere() {
        Session old = repository.save(full());
        Session loaded =
                store.find(old.merchantId(), old.channel(), old.customerId()).orElseThrow();
        assertThat(loaded.toDocument()).isEqualTo(old.toDocument());
        assertThat(loaded.id()).isEqualTo(old.id());
        assertThat(loaded.version()).isEqualTo(old.version());
        // the stored events stay stored, not read: the next save appends its own
        assertThat(loaded.newEvents()).isEmpty();

        Session fresh = full();
        Document expected = fresh.toDocument();
        store.save(fresh);
        Session read = repository.findById(fresh.id()).orElseThrow();
        assertThat(without(read.toDocument(), "version")).isEqualTo(without(expected, "version"));
        assertThat(read.version()).isZero();
        assertThat(read.newEvents()).hasSize(1); // the repository reads the outbox too
    }

    @Test
    void aSaveChecksTheVersionAppendsNewEventsAndRemovesWhatWasCleared() {
        Session session = full();
        store.save(session);
        Document stored = mongo.findOne(byId(session), Document.class, "sessions");
        String firstEvent = stored.getList("outbox", Document.class).getFirst().getString("_id");
        // the relay delivered the first event meanwhile
        mongo.updateFirst(byId(session), new Update().pull("outbox", new Document("_id", firstEvent)), "sessions");

        Session first = store.find(session.merchantId(), session.channel(), session.customerId())
                .orElseThrow();
        Session second = store.find(session.merchantId(), session.channel(), session.customerId())
                .orElseThrow();
        first.placed("order-1"); // clears the payment choice
        first.conversationNow(first.conversation(), AT.plusSeconds(1));
        store.save(first);

        Document after = mongo.findOne(byId(session), Document.class, "sessions");
        assertThat(after.containsKey("payment")).isFalse();
        assertThat(after.getString("lastOrderId")).isEqualTo("order-1");
        assertThat(after.get("version")).isEqualTo(1L);
        assertThat(after.getList("outbox", Document.class))
                .extracting(e -> e.getString("_id"))
                .doesNotContain(firstEvent)
                .hasSizeLessThanOrEqualTo(1);

        second.askedForPin();
        assertThatThrownBy(() -> store.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    private static Query byId(Session session) {
        return Query.query(Criteria.where("_id").is(new ObjectId(session.id())));
    }
}
