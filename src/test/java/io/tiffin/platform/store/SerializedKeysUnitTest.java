package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** A key serialized again for the same insert is the bytes H2 writes for it, whatever came before it. */
class SerializedKeysUnitTest {

    @Test
    void aKeyAskedForAgainIsTheSameBytes() {
        KeyValue session = new KeyValue("m1", "WHATSAPP", "c1");
        KeyValue id = new KeyValue(new ObjectId());

        for (KeyValue key : new KeyValue[] {session, session, id, id, new KeyValue("m1", "WHATSAPP", "c1")}) {
            assertThat(SerializedKeys.Key.of(key).bytes()).isEqualTo(ObjectDataType.serialize(key));
        }
    }
}
