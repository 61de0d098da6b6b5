package io.tiffin.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A rebuild of the conversation days while reports of the same day keep arriving: every day is fenced
 * while its facts are summed, so a report is neither summed into a day that is then replaced (lost)
 * nor moved again over a sum that already holds it (counted twice). The totals come out exact, and
 * every fact is counted as it stands.
 */
class ConversationRebuildRaceIntegrationTest extends IntegrationTestSupport {

    private static final int CONVERSATIONS = 24;
    private static final int REPORTERS = 3;
    /** Days of another merchant, so the rebuild spends a while writing days. */
    private static final int OTHER_DAYS = 400;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConversationRollups conversations;

    @Test
    void reportsOfADayBeingRebuiltAreCountedOnceEach() throws Exception {
        raceWithRebuilds("Rebuilt While Busy", "2021-03-10", false);
    }

    /** The same with each lane's round of reports recorded together, as the relay hands over a pass. */
    @Test
    void reportsRecordedTogetherDuringARebuildAreCountedOnceEach() throws Exception {
        raceWithRebuilds("Rebuilt While Batched", "2021-03-11", true);
    }

    private void raceWithRebuilds(String name, String day, boolean together) throws Exception {
        TestMerchant m = newMerchant(name);
        String dayId = DayRollup.idOf(m.id(), day);
        Instant started = Instant.parse(day + "T09:00:00Z");
        otherDays();
        ConcurrentHashMap<String, Integer> last = new ConcurrentHashMap<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            conversations.record(RaceReports.report(m.id(), "c" + c, started, 1));
            last.put("c" + c, 1);
        }

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> reporters = new ArrayList<>();
        for (int r = 0; r < REPORTERS; r++) {
            int lane = r;
            reporters.add(Thread.ofPlatform().start(() -> {
                // each lane reports its own conversations, one later report after another, as the relay does
                int rounds = 0;
                while (rebuilding.get() || rounds < 2) {
                    List<ConversationUpdated> round = new ArrayList<>();
                    for (int c = lane; c < CONVERSATIONS; c += REPORTERS) {
                        String conversation = "c" + c;
                        int messages = last.get(conversation) + 1;
                        ConversationUpdated report = RaceReports.report(m.id(), conversation, started, messages);
                        if (together) {
                            round.add(report);
                            continue;
                        }
                        if (!RaceReports.deliver(() -> conversations.record(report), failures)) {
                            return;
                        }
                        last.put(conversation, messages);
                    }
                    if (together) {
                        if (!RaceReports.deliver(() -> conversations.recordAll(round), failures)) {
                            return;
                        }
                        for (ConversationUpdated done : round) {
                            String conversationId = done.conversationId();
                            last.put(conversationId.substring(0, conversationId.indexOf('-')), done.messages());
                        }
                    }
                    rounds++;
                }
            }));
        }
        try {
            for (int i = 0; i < 2; i++) {
                conversations.rebuild();
            }
        } finally {
            rebuilding.set(false);
        }
        for (Thread reporter : reporters) {
            reporter.join(60_000);
        }

        assertThat(failures).isEmpty();
        ConversationDay after = ConversationDay.from(mongo.getCollection(ConversationDay.COLLECTION)
                .find(new Document("_id", dayId))
                .first());
        assertThat(after).isEqualTo(RaceReports.recomputed(mongo, m.id(), day));
        assertThat(after.conversations()).isEqualTo(CONVERSATIONS);
        assertThat(after.messages())
                .isEqualTo(last.values().stream().mapToLong(Integer::longValue).sum());
        assertThat(mongo.getCollection(ConversationDay.COLLECTION)
                        .countDocuments(new Document(DayFences.FENCE, new Document("$exists", true))))
                .as("no fence left")
                .isZero();
    }

    /**
     * A rebuild that died after fencing a day and marking a fact counted at a report the day does not
     * hold: the fence runs out, and the next report of the day takes it over and recounts the day first.
     */
    @Test
    void aFenceLeftByARecountThatDiedIsTakenOverByTheNextReport() {
        TestMerchant m = newMerchant("Recount Died Kitchen");
        String day = "2021-04-02";
        String dayId = DayRollup.idOf(m.id(), day);
        Instant started = Instant.parse(day + "T09:00:00Z");
        for (int c = 0; c < 3; c++) {
            conversations.record(RaceReports.report(m.id(), "c" + c, started, 2));
        }
        ConversationFact later =
                ConversationFact.of(RaceReports.report(m.id(), "c0", started, 5), java.time.ZoneId.of("Asia/Kolkata"));
        Document written = ConversationFact.write(later);
        mongo.getCollection(ConversationRollups.FACTS)
                .updateOne(
                        new Document("_id", ConversationRollups.idOf(later)),
                        new Document("$set", new Document("fact", written).append("counted", written)));
        mongo.getCollection(ConversationDay.COLLECTION)
                .updateOne(
                        new Document("_id", dayId),
                        new Document(
                                "$set",
                                new Document(
                                        DayFences.FENCE,
                                        new Document("token", "died")
                                                .append(
                                                        "until",
                                                        new java.util.Date(System.currentTimeMillis() - 1_000)))));

        conversations.record(RaceReports.report(m.id(), "c1", started, 3));

        ConversationDay after = ConversationDay.from(mongo.getCollection(ConversationDay.COLLECTION)
                .find(new Document("_id", dayId))
                .first());
        assertThat(after).isEqualTo(RaceReports.recomputed(mongo, m.id(), day));
        assertThat(after.conversations()).isEqualTo(3);
        assertThat(after.messages()).isEqualTo(5 + 3 + 2);
        assertThat(mongo.getCollection(ConversationDay.COLLECTION)
                        .find(new Document("_id", dayId))
                        .first())
                .doesNotContainKey(DayFences.FENCE);
    }

    /** One fact on each of many days of another merchant, counted. */
    private void otherDays() {
        TestMerchant other = newMerchant("Many Days Kitchen");
        List<Document> facts = new ArrayList<>();
        for (int d = 0; d < OTHER_DAYS; d++) {
            String day = java.time.LocalDate.of(2019, 1, 1).plusDays(d).toString();
            ConversationFact fact = ConversationFact.of(
                    RaceReports.report(other.id(), "o" + d, Instant.parse(day + "T09:00:00Z"), 2), ZoneOffset.UTC);
            Document written = ConversationFact.write(fact);
            facts.add(new Document("_id", ConversationRollups.idOf(fact))
                    .append("merchantId", other.id())
                    .append("day", day)
                    .append("fact", written)
                    .append("counted", written));
        }
        mongo.getCollection(ConversationRollups.FACTS).insertMany(facts);
    }
}
