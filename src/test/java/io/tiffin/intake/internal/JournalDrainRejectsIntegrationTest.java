package io.tiffin.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.platform.store.StoreDurability;
import io.tiffin.platform.web.WebhookLoad;
import io.tiffin.support.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

/** One record the store refuses must not stop intake: it is set aside, and what follows is drained. */
@ExtendWith(OutputCaptureExtension.class)
class JournalDrainRejectsIntegrationTest extends IntegrationTestSupport {

    private static final String SECRET = "my card is 4111 poison";

    @TempDir
    Path dir;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StoreDurability durability;

    @Autowired
    InboxService inboxService;

    @Autowired
    WebhookLoad webhooks;

    @Autowired
    IntakeBacklog backlog;

    @Test
    void aRefusedRecordIsSetAsideAndTheRecordsAfterItAreStored(CapturedOutput output) throws Exception {
        String run = UUID.randomUUID().toString();
        InboxCodec codec = new InboxCodec(mongo);
        MongoCollection<Document> inbox = mongo.getCollection(mongo.getCollectionName(InboxEntry.class));
        // the store refuses any batch holding the poisoned message, as it would a document it cannot take
        Consumer<List<Document>> refusing = documents -> {
            if (documents.stream()
                    .anyMatch(
                            d -> SECRET.equals(d.get("message", Document.class).getString("text")))) {
                throw new MongoException(2, "refused");
            }
            inbox.insertMany(documents, new InsertManyOptions().ordered(false));
        };
        JournalRejects rejects = new JournalRejects(dir.resolve("rejected"), new SimpleMeterRegistry());
        IntakeProperties noHandling = new IntakeProperties(
                2,
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                false,
                10,
                "on",
                DataSize.ofMegabytes(4),
                Duration.ofSeconds(5),
                200,
                Duration.ofSeconds(2),
                DataSize.ofMegabytes(64));

        try (InboxJournal journal = new InboxJournal(dir.resolve("journal"), 1 << 20)) {
            journal.append(List.of(
                    codec.encode(text(run, "before", "two naan"), Instant.now()),
                    codec.encode(text(run, "poison", SECRET), Instant.now()),
                    "{not json".getBytes(StandardCharsets.UTF_8),
                    codec.encode(text(run, "after", "one lassi"), Instant.now())));
            JournalDrain drain = new JournalDrain(
                    journal,
                    codec,
                    refusing,
                    durability,
                    inboxService,
                    noHandling,
                    webhooks,
                    backlog,
                    rejects,
                    java.time.Clock.systemUTC());
            drain.start();
            try {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> rejects.waiting() == 2
                                && inbox.countDocuments(Filters.regex("providerMessageId", "^" + run)) == 2);
            } finally {
                drain.stop();
            }
        }

        assertThat(inbox.find(Filters.regex("providerMessageId", "^" + run)).map(d -> d.getString("providerMessageId")))
                .containsExactlyInAnyOrder(run + "-before", run + "-after");
        try (Stream<Path> files = Files.list(rejects.directory())) {
            assertThat(files.map(this::read))
                    .anyMatch(kept -> kept.contains(SECRET))
                    .anyMatch(kept -> kept.equals("{not json"));
        }
        assertThat(output.getAll())
                .contains(run + "-poison")
                .doesNotContain(SECRET)
                .doesNotContain("{not json");
    }

    private String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InboundMessage text(String run, String id, String text) {
        return new InboundMessage(
                Channel.WHATSAPP,
                run + "-" + id,
                "m-" + run,
                "919800000001",
                "Asha",
                Instant.now(),
                InboundMessage.Kind.TEXT,
                text,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null);
    }
}
