package io.tiffin.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.support.IntegrationTestSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An install upgraded from a version that kept a day's conversation facts in shared documents (one
 * per day, or 64 per day) and the day's sums in parts: the upgrade moves them into documents of their
 * own and recomputes the day, so later reports of those conversations move the day by their
 * difference instead of counting the conversations again.
 */
class SharedFactsUpgradeIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConversationRollups conversations;

    @Autowired
    SharedFactsUpgrade upgrade;

    @Test
    void theUpgradeMovesSharedFactsOnceAndLaterReportsCountByDifference() {
        TestMerchant m = newMerchant("Upgraded Kitchen");
        String day = "2020-09-15";
        String dayId = DayRollup.idOf(m.id(), day);
        BiFunction<String, Integer, ConversationUpdated> report = reports(m.id(), "2020-09-15T12:00:00Z");
        // reports since the version that keeps facts one a document (moved the day's sums by $inc)
        for (int i = 0; i < 4; i++) {
            conversations.record(report.apply("new-" + i, 2));
        }
        sharedFactsOf(dayId, report, List.of("old-a", 3, "old-b", 1), List.of("old-c", 4, "old-d", 2));
        assertThat(read(dayId).conversations()).isEqualTo(8);

        assertThat(upgrade.upgrade()).isGreaterThanOrEqualTo(1);
        assertThat(sharedDocumentsOf(dayId)).isZero();
        assertThat(read(dayId)).isEqualTo(RaceReports.recomputed(mongo, m.id(), day));
        assertThat(read(dayId).conversations()).isEqualTo(8);

        conversations.record(report.apply("old-a", 5)); // later than the shared one
        conversations.record(report.apply("old-b", 1)); // a repeat
        conversations.record(report.apply("old-c", 2)); // older: changes nothing
        conversations.record(report.apply("new-0", 4));
        conversations.record(report.apply("fresh", 1));

        ConversationDay after = read(dayId);
        assertThat(after).isEqualTo(RaceReports.recomputed(mongo, m.id(), day));
        assertThat(after.conversations()).isEqualTo(9);
        assertThat(after.messages()).isEqualTo(3 * 2 + 4 + 5 + 1 + 4 + 2 + 1);
        assertThat(after.ordered())
                .as("old-c, and now old-a and new-0, placed an order")
                .isEqualTo(3);

        Document dayBefore = dayDocument(dayId);
        long factsBefore = factsOf(m.id(), day);
        assertThat(upgrade.upgrade()).as("nothing left to move").isZero();
        assertThat(dayDocument(dayId)).isEqualTo(dayBefore);
        assertThat(factsOf(m.id(), day)).isEqualTo(factsBefore);
        assertThat(mongo.getCollection(SharedFactsUpgrade.COLLECTION)
                        .countDocuments(new Document("_id", SharedFactsUpgrade.MARKER)))
                .isOne();
    }

    @Test
    void aReportOfADayStillHoldingSharedFactsMovesThatDayFirst() {
        TestMerchant m = newMerchant("Lazily Upgraded Kitchen");
        String day = "2020-10-20";
        String dayId = DayRollup.idOf(m.id(), day);
        BiFunction<String, Integer, ConversationUpdated> report = reports(m.id(), "2020-10-20T12:00:00Z");
        conversations.record(report.apply("new", 2));
        sharedFactsOf(dayId, report, List.of("old-a", 2), List.of("old-b", 3));
        upgrade.list(true); // listed at start, not moved yet (the start's move is another instance's, or slow)

        conversations.record(report.apply("old-a", 4));

        assertThat(sharedDocumentsOf(dayId)).isZero();
        ConversationDay after = read(dayId);
        assertThat(after).isEqualTo(RaceReports.recomputed(mongo, m.id(), day));
        assertThat(after.conversations()).isEqualTo(3);
        assertThat(after.messages()).isEqualTo(2 + 4 + 3);
    }

    @Test
    void aStartWithTheMarkerListsNothingAndAnInstallWithNothingOldIsMarkedAfterOneListing() {
        upgrade.upgrade(); // whatever earlier tests left is moved, and the marker written
        assertThat(markers()).isOne();
        int scans = upgrade.scans();
        upgrade.atStart();
        assertThat(upgrade.scans()).as("no listing with the marker there").isEqualTo(scans);

        mongo.getCollection(SharedFactsUpgrade.COLLECTION).deleteOne(new Document("_id", SharedFactsUpgrade.MARKER));
        assertThat(upgrade.upgrade()).isZero();
        assertThat(upgrade.scans()).as("one listing, which found nothing").isEqualTo(scans + 1);
        assertThat(markers()).isOne();
    }

    @Test
    void aDayAnOldInstanceWritesAfterTheUpgradeIsSettledByTheNextRound() {
        TestMerchant m = newMerchant("Rolling Upgrade Kitchen");
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        String day = LocalDate.now(zone).toString();
        String dayId = DayRollup.idOf(m.id(), day);
        BiFunction<String, Integer, ConversationUpdated> report = reports(
                m.id(),
                LocalDate.parse(day).atTime(12, 0).atZone(zone).toInstant().toString());
        for (int i = 0; i < 3; i++) {
            conversations.record(report.apply("new-" + i, 2));
        }
        upgrade.upgrade();
        assertThat(markers()).isOne();
        // an instance of the earlier version, still running, writes the day its way: two conversations of its
        // own, and a later report of one the new instances counted
        sharedFactsOf(dayId, report, List.of("old-a", 3, "new-0", 5), List.of("old-b", 4));
        assertThat(read(dayId).conversations()).as("counted twice for now").isEqualTo(6);

        assertThat(upgrade.settleOldWrites()).isOne();

        assertThat(sharedDocumentsOf(dayId)).isZero();
        assertThat(dayDocument(dayId)).doesNotContainKey(ConversationDay.PARTS);
        ConversationDay after = read(dayId);
        assertThat(after).isEqualTo(RaceReports.recomputed(mongo, m.id(), day));
        assertThat(after.conversations()).isEqualTo(5);
        assertThat(after.messages()).isEqualTo(5 + 2 + 2 + 3 + 4);
        conversations.record(report.apply("new-1", 3));
        assertThat(read(dayId).messages()).isEqualTo(5 + 3 + 2 + 3 + 4);
        assertThat(upgrade.settleOldWrites()).as("nothing more to settle").isZero();
    }

    private long markers() {
        return mongo.getCollection(SharedFactsUpgrade.COLLECTION)
                .countDocuments(new Document("_id", SharedFactsUpgrade.MARKER));
    }

    private static BiFunction<String, Integer, ConversationUpdated> reports(String merchantId, String at) {
        Instant started = Instant.parse(at);
        return (name, messages) -> RaceReports.report(merchantId, name, started, messages);
    }

    /**
     * As an earlier version left a day: its facts in one document for the day ({@code first}) and one of
     * the 64 per day ({@code second}), names and messages alternating, and its day counting them in parts.
     */
    private void sharedFactsOf(
            String dayId,
            BiFunction<String, Integer, ConversationUpdated> report,
            List<Object> first,
            List<Object> second) {
        int cut = dayId.lastIndexOf('/');
        String merchantId = dayId.substring(0, cut);
        String day = dayId.substring(cut + 1);
        int part = 0;
        for (List<Object> facts : List.of(first, second)) {
            Document byId = new Document();
            List<ConversationFact> counted = new ArrayList<>();
            for (int i = 0; i < facts.size(); i += 2) {
                ConversationFact fact = ConversationFact.of(
                        report.apply((String) facts.get(i), (Integer) facts.get(i + 1)), ZoneOffset.UTC);
                Document stored = new Document();
                mongo.getConverter().write(fact, stored);
                stored.remove("_class");
                byId.append(fact.id(), stored);
                counted.add(fact);
            }
            String id = part == 0 ? dayId : dayId + "#2a";
            mongo.getCollection(ConversationRollups.FACTS)
                    .insertOne(new Document("_id", id).append("facts", byId).append("rev", 1L));
            mongo.getCollection(ConversationDay.COLLECTION)
                    .updateOne(
                            new Document("_id", dayId),
                            new Document(
                                    "$set",
                                    new Document("merchantId", merchantId)
                                            .append("day", day)
                                            .append(
                                                    ConversationDay.PARTS + ".0" + part,
                                                    ConversationDay.sumsOf(
                                                            ConversationDay.of(merchantId, day, counted)))),
                            new com.mongodb.client.model.UpdateOptions().upsert(true));
            part++;
        }
    }

    private long sharedDocumentsOf(String dayId) {
        return mongo.getCollection(ConversationRollups.FACTS)
                .countDocuments(new Document("_id", new Document("$in", List.of(dayId, dayId + "#2a"))));
    }

    private long factsOf(String merchantId, String day) {
        return mongo.getCollection(ConversationRollups.FACTS)
                .countDocuments(new Document("merchantId", merchantId).append("day", day));
    }

    private Document dayDocument(String dayId) {
        return mongo.getCollection(ConversationDay.COLLECTION)
                .find(new Document("_id", dayId))
                .first();
    }

    private ConversationDay read(String dayId) {
        return ConversationDay.from(dayDocument(dayId));
    }
}
