package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids' type: an ObjectId in twelve bytes and a tag, everything else, and what H2 wrote before, as H2 has it. */
class StoredIdsUnitTest {

    private final StoredIds type = new StoredIds();

    @Test
    void anObjectIdIsItsTwelveBytesAndComesBackEqual() {
        ObjectId id = new ObjectId();

        ByteBuffer written = write(type, id);

        assertThat(written.remaining()).isEqualTo(13);
        assertThat(written.get(0)).isEqualTo(StoredIds.OBJECT_ID);
        assertThat(type.read(written)).isEqualTo(id);
        assertThat(written.remaining()).as("read to its end, no further").isZero();
    }

    @Test
    void whatH2WroteIsReadAsBeforeAndOtherIdsKeepItsEncoding() {
        ObjectDataType library = new ObjectDataType();
        for (Object id : List.<Object>of(new ObjectId(), "inbox-42", 7L, 3)) {
            ByteBuffer old = write(library, id);
            assertThat(type.read(old)).isEqualTo(id);
            assertThat(old.remaining()).isZero();
        }
        assertThat(write(type, "inbox-42")).isEqualTo(write(library, "inbox-42"));
    }

    @Test
    void idsKeepH2sOrder() {
        ObjectDataType library = new ObjectDataType();
        List<Object> ids = new ArrayList<>(List.of(new ObjectId(), new ObjectId(), "a", "b", 1L, new ObjectId()));
        for (Object a : ids) {
            for (Object b : ids) {
                assertThat(Integer.signum(type.compare(a, b))).isEqualTo(Integer.signum(library.compare(a, b)));
            }
        }
    }

    @Test
    void aStoreWithObjectIdsWrittenByTheLibraryIsReadAndWrittenOn(@TempDir Path dir) {
        String file = dir.resolve("ids.mv").toString();
        org.bson.types.ObjectId before = new org.bson.types.ObjectId();
        org.bson.types.ObjectId after = new org.bson.types.ObjectId();
        withStore(new de.bwaldvogel.mongo.backend.h2.H2Backend(file), sessions -> {
            sessions.createIndex(Indexes.ascending("customer"), new IndexOptions().unique(true));
            sessions.insertOne(new Document("_id", before).append("customer", "c1"));
        });
        withStore(new IndexedH2Backend(file), sessions -> {
            assertThat(sessions.find(new Document("_id", before)).first()).isNotNull();
            sessions.insertOne(new Document("_id", after).append("customer", "c2"));
        });
        withStore(new IndexedH2Backend(file), sessions -> {
            assertThat(sessions.find(new Document("customer", "c1")).first().get("_id"))
                    .isEqualTo(before);
            assertThat(sessions.find(new Document("customer", "c2")).first().get("_id"))
                    .isEqualTo(after);
            assertThat(sessions.find(new Document("_id", after)).first()).isNotNull();
            assertThat(sessions.countDocuments()).isEqualTo(2);
        });
    }

    private static ByteBuffer write(org.h2.mvstore.type.DataType<Object> type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }

    private static void withStore(
            de.bwaldvogel.mongo.backend.h2.H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("tiffin").getCollection("sessions"));
        } finally {
            server.shutdown();
            backend.close();
        }
    }
}
