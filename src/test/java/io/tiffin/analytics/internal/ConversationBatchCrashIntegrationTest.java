package io.tiffin.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports recorded together ({@link ConversationRollups#recordAll}) by a process that dies between the
 * batch's writes: after the facts took their tokens (the day not moved), or after the day moved (the
 * facts not caught up). The relay delivers the batch again, or the conversations' next reports come,
 * in batches made up otherwise; every conversation ends up counted in its day exactly once.
 */
class ConversationBatchCrashIntegrationTest extends IntegrationTestSupport {

    private static final int CONVERSATIONS = 6;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConversationRollups conversations;

    /** The process dies at this stage of the next batch. */
    private static final class Crash extends RuntimeException {
        Crash(String stage) {
            super("died at " + stage);
        }
    }

    @AfterEach
    void noCrash() {
        conversations.stopAt(null);
    }

    @Test
    void aBatchThatDiedBeforeItsDayMovedIsCountedOnceWhenDeliveredAgain() {
        TestMerchant m = newMerchant("Batch Died Early Kitchen");
        String day = "2021-05-03";
        Instant started = Instant.parse(day + "T09:00:00Z");
        conversations.recordAll(reports(m.id(), started, 1, 0, CONVERSATIONS));
        assertExact(m.id(), day, CONVERSATIONS, CONVERSATIONS);

        dieAt("tokens", () -> conversations.recordAll(reports(m.id(), started, 2, 0, CONVERSATIONS)));
        assertThat(pending(m.id(), day)).isEqualTo(CONVERSATIONS);
        ConversationDay stale = day(m.id(), day);
        assertThat(stale.messages()).as("the day did not move").isEqualTo(CONVERSATIONS);

        // delivered again: half in one batch, the others one by one and with their next report
        conversations.recordAll(reports(m.id(), started, 2, 0, CONVERSATIONS / 2));
        for (int c = CONVERSATIONS / 2; c < CONVERSATIONS; c++) {
            conversations.record(RaceReports.report(m.id(), "c" + c, started, 3));
        }

        assertExact(m.id(), day, CONVERSATIONS, 2L * (CONVERSATIONS / 2) + 3L * (CONVERSATIONS - CONVERSATIONS / 2));
    }

    @Test
    void aBatchThatDiedAfterItsDayMovedIsNotCountedAgain() {
        TestMerchant m = newMerchant("Batch Died Late Kitchen");
        String day = "2021-05-04";
        Instant started = Instant.parse(day + "T09:00:00Z");
        conversations.recordAll(reports(m.id(), started, 1, 0, CONVERSATIONS));

        dieAt("day", () -> conversations.recordAll(reports(m.id(), started, 4, 0, CONVERSATIONS)));
        assertThat(pending(m.id(), day)).isEqualTo(CONVERSATIONS);
        assertThat(day(m.id(), day).messages()).as("the day moved").isEqualTo(4L * CONVERSATIONS);

        // the same batch delivered again, then a later report of two of them in a batch with a new one
        conversations.recordAll(reports(m.id(), started, 4, 0, CONVERSATIONS));
        List<ConversationUpdated> later = new ArrayList<>(reports(m.id(), started, 5, 0, 2));
        later.add(RaceReports.report(m.id(), "new", started, 1));
        conversations.recordAll(later);

        assertExact(m.id(), day, CONVERSATIONS + 1, 4L * CONVERSATIONS + 2 + 1);
    }

    @Test
    void aLaterReportInTheSameBatchWinsAndABatchMovesItsDayOnce() {
        TestMerchant m = newMerchant("Batch Later Wins Kitchen");
        String day = "2021-05-05";
        Instant started = Instant.parse(day + "T09:00:00Z");
        List<ConversationUpdated> batch = new ArrayList<>();
        batch.add(RaceReports.report(m.id(), "a", started, 2));
        batch.add(RaceReports.report(m.id(), "a", started, 5));
        batch.add(RaceReports.report(m.id(), "b", started, 3));
        batch.add(RaceReports.report(m.id(), "a", started, 4)); // older than the one before it
        conversations.recordAll(batch);
        conversations.recordAll(batch); // a repeat moves nothing

        assertExact(m.id(), day, 2, 5 + 3);
        Document stored = mongo.getCollection(ConversationDay.COLLECTION)
                .find(new Document("_id", DayRollup.idOf(m.id(), day)))
                .first();
        assertThat(stored.get(ConversationRollups.APPLIED, Document.class).values())
                .as("the repeat marked nothing applied")
                .hasSizeLessThanOrEqualTo(2);
    }

    private void dieAt(String stage, Runnable batch) {
        conversations.stopAt(at -> {
            if (at.equals(stage)) {
                throw new Crash(at);
            }
        });
        assertThatThrownBy(batch::run).isInstanceOf(Crash.class);
        conversations.stopAt(null);
    }

    private static List<ConversationUpdated> reports(
            String merchantId, Instant started, int messages, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(c -> RaceReports.report(merchantId, "c" + c, started, messages))
                .toList();
    }

    private long pending(String merchantId, String day) {
        return mongo.getCollection(ConversationRollups.FACTS)
                .countDocuments(new Document("merchantId", merchantId)
                        .append("day", day)
                        .append("pending", new Document("$exists", true)));
    }

    private ConversationDay day(String merchantId, String day) {
        return ConversationDay.from(mongo.getCollection(ConversationDay.COLLECTION)
                .find(new Document("_id", DayRollup.idOf(merchantId, day)))
                .first());
    }

    /** The day holds each fact once, as it stands, and no token is left pending. */
    private void assertExact(String merchantId, String day, long conversationsCount, long messages) {
        ConversationDay stored = day(merchantId, day);
        assertThat(stored).isEqualTo(RaceReports.recomputed(mongo, merchantId, day));
        assertThat(stored.conversations()).isEqualTo(conversationsCount);
        assertThat(stored.messages()).isEqualTo(messages);
    }
}
