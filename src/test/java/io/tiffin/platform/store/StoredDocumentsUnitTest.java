package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tiffin.platform.backup.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mongo-java-server applies an update by changing, field by field, the very document it read from
 * the collection. Were that the instance the store's map holds, a commit writing the map meanwhile
 * would put a half-updated document on disk, which a crash right after would then bring back.
 */
class StoredDocumentsUnitTest {

    private static final int FIELDS = 200;
    private static final int SNAPSHOTS = 200;
    private static final List<Integer> BALLAST =
            java.util.stream.IntStream.range(0, 40).boxed().toList();

    @TempDir
    Path dir;

    @Test
    void everyCommittedStateOfADocumentIsOneAnUpdateLeftWhole() throws Exception {
        Path live = dir.resolve("live");
        EmbeddedMongo store = new EmbeddedMongo(live);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger updates = new AtomicInteger();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("tiffin").getCollection("counters");
            Document first = new Document("_id", "d").append("v", 0);
            List<Bson> incs = new ArrayList<>(List.of(Updates.inc("v", 1)));
            for (int i = 0; i < FIELDS; i++) {
                // ballast between the counted fields: writing the document takes a while, and a change
                // made meanwhile lands between counted fields already written and those still to come
                first.append(field(i), 0).append("ballast" + i, BALLAST);
                incs.add(Updates.inc(field(i), 1));
            }
            docs.insertOne(first);
            Bson everyField = Updates.combine(incs);
            // one update adds and drops a field too, so the stored map also changes shape under a commit
            Bson everyFieldAndShape = Updates.combine(everyField, Updates.set("extra", "x"));
            Bson everyFieldNoShape = Updates.combine(everyField, Updates.unset("extra"));

            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int n = 0; running.get(); n++) {
                            docs.updateOne(Filters.eq("_id", "d"), n % 2 == 0 ? everyFieldAndShape : everyFieldNoShape);
                            updates.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            try {
                // each snapshot is the file as a crash right after its last commit would leave it
                for (int s = 0; s < SNAPSHOTS && failures.isEmpty(); s++) {
                    Path snapshot = dir.resolve("snap-" + s + ".mv.db");
                    store.snapshotInto(snapshot);
                    assertWhole(snapshot);
                    Files.delete(snapshot);
                }
            } finally {
                running.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            assertThat(failures).isEmpty();
            store.flush();
        } finally {
            store.destroy();
        }

        Map<String, Object> reopened = assertWhole(live.resolve(DataDirectory.STORE_FILE));
        assertThat(reopened.get("v")).isEqualTo(updates.get());
    }

    private static Map<String, Object> assertWhole(Path file) {
        MVStore snapshot =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            MVMap<Object, StoredDocuments.Stored> data = (MVMap) snapshot.openMap(
                    "databases.tiffin.counters",
                    new MVMap.Builder<Object, StoredDocuments.Stored>().valueType(new StoredDocuments()));
            Map<String, Object> doc = data.get("d").document();
            Object v = doc.get("v");
            for (int i = 0; i < FIELDS; i++) {
                assertThat(doc.get(field(i)))
                        .as("%s of %s at v=%s", field(i), file.getFileName(), v)
                        .isEqualTo(v);
            }
            return doc;
        } finally {
            snapshot.close();
        }
    }

    private static String field(int i) {
        return "f" + i;
    }
}
