package io.tiffin.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.conversation.ConversationUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the rebuild, upgrade and batch tests share: made-up conversation reports, delivery as the
 * event relay does it, and a day summed from its facts.
 */
final class RaceReports {

    private RaceReports() {}

    /** A conversation of {@code messages} messages; over three of them it placed an order. */
    static ConversationUpdated report(String merchantId, String name, Instant started, int messages) {
        return new ConversationUpdated(
                name + "-" + merchantId,
                merchantId,
                "WHATSAPP",
                "c-" + name,
                started,
                started.plus(Duration.ofMinutes(messages)),
                messages,
                messages % 2,
                0,
                1,
                1,
                10L * messages,
                messages > 1,
                messages > 3 ? 1 : 0,
                messages > 3 ? "order_placed" : "address");
    }

    /**
     * Runs {@code delivery} as the event relay would: one that meets a day being recounted fails and is
     * delivered again a little later. Any other failure is added to {@code failures}.
     */
    static boolean deliver(Runnable delivery, List<Throwable> failures) {
        for (int attempt = 0; attempt < 400; attempt++) {
            try {
                delivery.run();
                return true;
            } catch (IllegalStateException recounting) {
                if (!String.valueOf(recounting.getMessage()).contains("being recounted")) {
                    failures.add(recounting);
                    return false;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            } catch (RuntimeException e) {
                failures.add(e);
                return false;
            }
        }
        failures.add(new AssertionError("a day stayed fenced for 20 s"));
        return false;
    }

    /** The day as summing its facts gives; every fact counted as it stands, no token pending. */
    static ConversationDay recomputed(MongoTemplate mongo, String merchantId, String day) {
        List<ConversationFact> all = new ArrayList<>();
        mongo.getCollection(ConversationRollups.FACTS)
                .find(new Document("merchantId", merchantId).append("day", day))
                .forEach(f -> {
                    assertThat(f.get("pending")).as(f.getString("_id")).isNull();
                    assertThat(f.get("counted")).as(f.getString("_id")).isEqualTo(f.get("fact"));
                    all.add(ConversationFact.read(f.getString("_id"), merchantId, day, f.get("fact", Document.class)));
                });
        return ConversationDay.of(merchantId, day, all);
    }
}
