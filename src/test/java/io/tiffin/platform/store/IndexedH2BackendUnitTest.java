package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedH2BackendUnitTest {

    @TempDir
    Path dir;

    EmbeddedMongo store;
    MongoClient client;
    MongoCollection<Document> inbox;

    @BeforeEach
    void start() {
        store = new EmbeddedMongo(dir);
        client = MongoClients.create(store.connectionString());
        inbox = client.getDatabase("tiffin").getCollection("inbox");
        inbox.createIndex(Indexes.ascending("channel", "messageId"), new IndexOptions().unique(true));
        inbox.insertOne(new Document("_id", "a")
                .append("channel", "WHATSAPP")
                .append("messageId", "m1")
                .append("state", "RECEIVED"));
        inbox.insertOne(new Document("_id", "b")
                .append("channel", "WHATSAPP")
                .append("messageId", "m2")
                .append("state", "DONE"));
    }

    @AfterEach
    void stop() {
        client.close();
        store.destroy();
    }

    @Test
    void conditionsBesideTheIdStillDecideTheMatch() {
        assertThat(inbox.find(new Document("_id", "a").append("state", "RECEIVED"))
                        .first())
                .isNotNull();
        assertThat(inbox.find(new Document("_id", "a").append("state", "DONE")).first())
                .isNull();
        assertThat(inbox.find(new Document("_id", "a")
                                .append(
                                        "$or",
                                        List.of(new Document("state", "DONE"), new Document("state", "RECEIVED"))))
                        .first())
                .isNotNull();
    }

    @Test
    void aCompareAndSetUpdatesOnlyWhenTheConditionHolds() {
        var claimed = inbox.updateOne(
                new Document("_id", "a").append("state", "RECEIVED"), Updates.set("state", "PROCESSING"));
        var again = inbox.updateOne(
                new Document("_id", "a").append("state", "RECEIVED"), Updates.set("state", "PROCESSING"));

        assertThat(claimed.getModifiedCount()).isEqualTo(1);
        assertThat(again.getModifiedCount()).isZero();
        assertThat(inbox.find(new Document("_id", "b")).first().getString("state"))
                .isEqualTo("DONE");
    }

    @Test
    void compoundUniqueIndexAnswersWithExtraConditionsAndStillRefusesDuplicates() {
        Document found = inbox.find(new Document("channel", "WHATSAPP")
                        .append("messageId", "m2")
                        .append("state", "DONE"))
                .first();
        assertThat(found).isNotNull();
        assertThat(found.getString("_id")).isEqualTo("b");
        assertThat(inbox.find(new Document("channel", "WHATSAPP")
                                .append("messageId", "m2")
                                .append("state", "RECEIVED"))
                        .first())
                .isNull();
        assertThatThrownBy(() -> inbox.insertOne(
                        new Document("_id", "c").append("channel", "WHATSAPP").append("messageId", "m1")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void aScanIsLoggedWithTheShapeOfItsFilterAndNoValues() {
        var filter = new de.bwaldvogel.mongo.bson.Document(
                        "state", new de.bwaldvogel.mongo.bson.Document("$in", List.of("RECEIVED", "RETRY")))
                .append("customer", "+919800000001")
                .append(
                        "$or",
                        List.of(
                                new de.bwaldvogel.mongo.bson.Document("a", 1),
                                new de.bwaldvogel.mongo.bson.Document(
                                        "b", new de.bwaldvogel.mongo.bson.Document("$exists", true))));

        assertThat(PrivateDocumentsCollection.shape(filter))
                .isEqualTo("{state: {$in: _}, customer: _, $or: [{a: _}, {b: {$exists: _}}]}");
    }

    @Test
    void theIndexTakesQueriesThatNameItsKeysWithPlainValuesOnly() {
        Index<Object> index = new KeyPrefixIndex(new FakeUnique(List.of(new IndexKey("_id", true))));

        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("state", "X")))
                .isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("state", "X")))
                .isFalse();
        assertThat(index.canHandle(
                        new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "a"))
                                .append("state", "X")))
                .isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id", null).append("state", "X")))
                .isFalse();
    }

    /**
     * The indexes order their keys exactly as the library's own key type does, so a store written by
     * either is read by the other: every key is found again and a duplicate is still refused.
     */
    @Test
    void aStoreWrittenWithTheLibrarysKeyOrderIsReadTheSame(@TempDir Path other) {
        String file = other.resolve("keys.mv.db").toString();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            // unique ids of mixed lengths, inserted out of order
            ids.add("k" + Integer.toString(i * 7919 % 1500, i % 3 == 0 ? 36 : 10) + "-".repeat(i % 5) + i);
        }
        withStore(new de.bwaldvogel.mongo.backend.h2.H2Backend(file), keys -> {
            keys.createIndex(Indexes.ascending("channel", "n"), new IndexOptions().unique(true));
            for (int i = 0; i < ids.size(); i++) {
                keys.insertOne(
                        new Document("_id", ids.get(i)).append("channel", "SMS").append("n", i));
            }
        });
        withStore(new IndexedH2Backend(file), keys -> {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(keys.find(new Document("_id", ids.get(i))).first())
                        .as(ids.get(i))
                        .isNotNull();
                assertThat(keys.find(new Document("channel", "SMS").append("n", i))
                                .first()
                                .getString("_id"))
                        .isEqualTo(ids.get(i));
            }
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", ids.get(700))))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> keys.insertOne(
                            new Document("_id", "new").append("channel", "SMS").append("n", 5)))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            keys.insertOne(
                    new Document("_id", "k-after").append("channel", "SMS").append("n", -1));
        });
        // the library alone still reads the keys written here (documents written here are BSON, its own are not)
        withStore(new de.bwaldvogel.mongo.backend.h2.H2Backend(file), keys -> {
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "k-after")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(keys.find(new Document("_id", ids.get(3))).first()).isNotNull();
        });
        withStore(
                new IndexedH2Backend(file),
                keys -> assertThat(keys.find(new Document("_id", "k-after")).first())
                        .isNotNull());
    }

    @Test
    void writesLeaveTheCollectionsMetadataAlone(@TempDir Path other) {
        IndexedH2Backend backend = new IndexedH2Backend(other.resolve("meta.mv").toString());
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient meta = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> docs = meta.getDatabase("tiffin").getCollection("docs");
            docs.insertOne(new Document("_id", "first"));
            var metadata = backend.getMvStore().openMap("meta.tiffin.docs");
            Object before = metadata.get("dataSize");

            docs.insertOne(new Document("_id", "x").append("text", "a longer document than the first"));
            docs.updateOne(new Document("_id", "x"), Updates.set("more", "still more text in it"));
            docs.deleteOne(new Document("_id", "first"));

            assertThat(metadata.get("dataSize")).isEqualTo(before);
            assertThat(docs.countDocuments()).isEqualTo(1);
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    private static void withStore(
            de.bwaldvogel.mongo.backend.h2.H2Backend backend,
            java.util.function.Consumer<MongoCollection<Document>> work) {
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient keys = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(keys.getDatabase("tiffin").getCollection("keys"));
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    /** Stands for mongo-java-server's unique index, which takes a query only when it names exactly its keys. */
    private static final class FakeUnique extends Index<Object> {

        FakeUnique(List<IndexKey> keys) {
            super("fake", keys, false);
        }

        @Override
        public boolean canHandle(de.bwaldvogel.mongo.bson.Document query) {
            return query.keySet().equals(keySet());
        }

        @Override
        public Object getPosition(de.bwaldvogel.mongo.bson.Document document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkAdd(
                de.bwaldvogel.mongo.bson.Document document, de.bwaldvogel.mongo.MongoCollection<Object> c) {}

        @Override
        public void add(
                de.bwaldvogel.mongo.bson.Document document,
                Object position,
                de.bwaldvogel.mongo.MongoCollection<Object> c) {}

        @Override
        public Object remove(de.bwaldvogel.mongo.bson.Document document) {
            return null;
        }

        @Override
        public Iterable<Object> getPositions(de.bwaldvogel.mongo.bson.Document query) {
            return List.of();
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }

        @Override
        public void checkUpdate(
                de.bwaldvogel.mongo.bson.Document a,
                de.bwaldvogel.mongo.bson.Document b,
                de.bwaldvogel.mongo.MongoCollection<Object> c) {}

        @Override
        public void updateInPlace(
                de.bwaldvogel.mongo.bson.Document a,
                de.bwaldvogel.mongo.bson.Document b,
                Object p,
                de.bwaldvogel.mongo.MongoCollection<Object> c) {}

        @Override
        public void drop() {}

        @Override
        public de.bwaldvogel.mongo.bson.Document toIndexDescription() {
            return new de.bwaldvogel.mongo.bson.Document();
        }
    }
}
