package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The collections' value type: BSON for documents, H2's own encoding for everything it wrote or BSON cannot hold. */
class StoredDocumentsCodecUnitTest {

    private final StoredDocuments type = new StoredDocuments();

    @Test
    void aDocumentOfEveryBsonTypeComesBackEqualAndInOrder() {
        Document nested = new Document("b", 2).append("a", List.of(1L, "x", new Document("deep", true)));
        Document document = new Document("_id", new ObjectId())
                .append("int", 7)
                .append("long", 1L << 40)
                .append("double", -0.5)
                .append("decimal", new Decimal128(1, 2))
                .append("text", "naan नान")
                .append("yes", true)
                .append("none", null)
                .append("at", Instant.ofEpochMilli(1_700_000_000_123L))
                .append("ts", new BsonTimestamp(42L))
                .append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.randomUUID())
                .append("legacy", new LegacyUUID(UUID.randomUUID()))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("empty", new ArrayList<>())
                .append("nested", nested);

        ByteBuffer written = write(document);
        assertThat(written.get(0)).isEqualTo(StoredDocuments.BSON_DOCUMENT);
        Object read = type.read(written).document();

        assertThat(read).isEqualTo(document);
        assertThat(((Document) read).keySet()).containsExactlyElementsOf(document.keySet());
        assertThat(written.remaining()).as("read to its end, no further").isZero();
    }

    @Test
    void aRegularExpressionKeepsItsPatternAndOptions() {
        Object read = type.read(write(new Document("regex", new BsonRegularExpression("^a", "i"))))
                .document();

        BsonRegularExpression regex = (BsonRegularExpression) ((Document) read).get("regex");
        assertThat(regex.getPattern()).isEqualTo("^a");
        assertThat(regex.getOptions()).isEqualTo("i");
    }

    @Test
    void documentsFollowingEachOtherInAPageAreReadOneByOne() {
        WriteBuffer buffer = new WriteBuffer();
        List<Document> documents = List.of(new Document("_id", "a"), new Document("_id", "b").append("n", 1));
        documents.forEach(document -> type.write(buffer, type.stored(document)));
        ByteBuffer bytes = buffer.getBuffer().flip();

        assertThat(List.of(type.read(bytes).document(), type.read(bytes).document()))
                .isEqualTo(documents);
    }

    @Test
    void aDocumentBsonCannotHoldIsWrittenAsH2WroteItAndReadBack() {
        // a java.util.Date is no BSON value of the library's; it never reaches the store from the wire,
        // but whatever does not encode must still be stored whole
        Document document = new Document("_id", "a").append("when", new java.util.Date(5));

        ByteBuffer written = write(document);

        assertThat(written.get(0)).isNotEqualTo(StoredDocuments.BSON_DOCUMENT);
        assertThat(type.read(written).document()).isEqualTo(document);
    }

    @Test
    void aValueWrittenByH2sOwnTypeIsReadAsBefore() {
        Document document = new Document("_id", "old").append("lines", List.of(new Document("qty", 2)));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);

        assertThat(type.read(buffer.getBuffer().flip()).document()).isEqualTo(document);
    }

    @Test
    void bsonIsSmallerThanJavaSerialization() {
        Document document = new Document("_id", "conversation-1")
                .append("merchantId", "m-1")
                .append("state", "DONE")
                .append("replies", List.of(new Document("text", "Added 2 Butter Chicken").append("at", Instant.now())));
        WriteBuffer java = new WriteBuffer();
        new ObjectDataType().write(java, document);

        assertThat(write(document).remaining()).isLessThan(java.position() / 2);
    }

    @Test
    void aStoredDocumentIsEncodedOnceAndWrittenFromItsBytesAfter() {
        // the map's documents never change, so a page written again writes the bytes kept, not a new encoding:
        // changing the document behind the store's back shows which one was written
        Document document = new Document("_id", "conversation-1").append("state", "OPEN");
        StoredDocuments.Stored stored = type.stored(document);
        ByteBuffer first = write(stored);
        document.put("state", "CHANGED");

        assertThat(write(stored)).isEqualTo(first.rewind());
        assertThat(type.read(write(stored)).document().get("state")).isEqualTo("OPEN");
    }

    @Test
    void aDocumentReadBackIsWrittenAgainAsTheBytesItWasReadFrom() {
        Document document = new Document("_id", "conversation-2").append("lines", List.of(new Document("qty", 2)));
        ByteBuffer written = write(document);
        StoredDocuments.Stored read = type.read(written.duplicate());
        read.document().put("lines", List.of());

        assertThat(write(read)).isEqualTo(written.rewind());
    }

    private ByteBuffer write(Document document) {
        return write(type.stored(document));
    }

    private ByteBuffer write(StoredDocuments.Stored value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }
}
