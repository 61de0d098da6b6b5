package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** One-part keys serialized from templates are the bytes Java serialization writes, or left to it. */
class KeyTemplatesUnitTest {

    @Test
    void aTextKeyIsTheBytesTheStreamWrites() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of(
                "",
                "a",
                "\u0000",
                "wamid.HBgLMTIzNDU2Nzg5MBUCABIYFjNFQjA=",
                "café",
                "नान",
                "😀 pizza",
                "\u07FF\u0800\uFFFF"));
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000)));
            }
            texts.add(text.toString());
        }
        texts.add("x".repeat(0xFFFF));

        for (String text : texts) {
            KeyValue key = new KeyValue(text);
            assertThat(KeyTemplates.serialize(key)).as(text).isEqualTo(ObjectDataType.serialize(key));
        }
    }

    @Test
    void anObjectIdKeyIsTheBytesTheStreamWrites() {
        for (int i = 0; i < 100; i++) {
            KeyValue key = new KeyValue(new ObjectId());
            assertThat(KeyTemplates.serialize(key)).isEqualTo(ObjectDataType.serialize(key));
        }
    }

    @Test
    void otherKeysAreLeftToTheStream() {
        assertThat(KeyTemplates.serialize(new KeyValue("a", "b"))).isNull();
        assertThat(KeyTemplates.serialize(new KeyValue(42))).isNull();
        assertThat(KeyTemplates.serialize(new KeyValue("é".repeat(40_000))))
                .as("a long string record")
                .isNull();
    }
}
