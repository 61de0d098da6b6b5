package io.tiffin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The HMAC key tokens are signed with: {@code TIFFIN_TOKEN_SECRET} when set, otherwise a random key
 * created once and kept in MongoDB, so tokens survive restarts and every instance accepts them.
 */
final class SigningKey {

    private static final String COLLECTION = "platform_secrets";
    private static final String ID = "token-signing-key";

    private SigningKey() {}

    static SecretKey resolve(String configured, MongoTemplate mongo) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("TIFFIN_TOKEN_SECRET must be at least 32 bytes");
            }
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // insert-if-absent is atomic, so two instances starting together agree on one key
        mongo.upsert(
                Query.query(Criteria.where("_id").is(ID)),
                new Update().setOnInsert("value", Base64.getEncoder().encodeToString(fresh)),
                COLLECTION);
        Document stored = mongo.findById(ID, Document.class, COLLECTION);
        return new SecretKeySpec(Base64.getDecoder().decode(stored.getString("value")), "HmacSHA256");
    }
}
