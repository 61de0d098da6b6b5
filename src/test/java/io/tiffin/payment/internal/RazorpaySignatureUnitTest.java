package io.tiffin.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook known answers of the shared Razorpay fixtures, read in place so their bytes stay exact. */
class RazorpaySignatureUnitTest {

    private static final Path ROOT = Path.of("../shared/fixtures");

    @Test
    void razorpaysOwnWebhookVectorVerifies() throws IOException {
        JsonNode vector = vector("webhook (UtilsTest.verifyWebhookSignature)");
        byte[] body = vector.get("body").asString().getBytes(StandardCharsets.UTF_8);
        String secret = vector.get("secret").asString();
        String expected = vector.get("expectedSignature").asString();

        assertThat(RazorpaySignature.isValid(secret, body, expected)).isTrue();
        assertThat(RazorpaySignature.isValid(secret, body, expected.toUpperCase(Locale.ROOT)))
                .isTrue();
        assertThat(RazorpaySignature.isValid("654321", body, expected)).isFalse();
        assertThat(RazorpaySignature.isValid(
                        secret, "{\"a\":1,\"b\":2,\"c\":{\"d\":4}}".getBytes(StandardCharsets.UTF_8), expected))
                .isFalse();
    }

    @Test
    void theFixtureFileVerifiesOnItsExactBytesOnly() throws IOException {
        JsonNode vector = vector(
                "LOCALLY COMPUTED (python hmac, not from Razorpay): exact bytes of fixtures/razorpay/webhook_payment_link_paid.json");
        byte[] body = Files.readAllBytes(ROOT.resolve(vector.get("bodyFile").asString()));
        String secret = vector.get("secret").asString();
        String expected = vector.get("expectedSignature").asString();

        assertThat(RazorpaySignature.isValid(secret, body, expected)).isTrue();
        // re-serialised JSON is other bytes: the check must be on the body as received
        byte[] reserialised = JsonMapper.builder()
                .build()
                .writeValueAsBytes(JsonMapper.builder().build().readTree(body));
        assertThat(RazorpaySignature.isValid(secret, reserialised, expected)).isFalse();
        assertThat(RazorpaySignature.isValid(null, body, expected)).isFalse();
        assertThat(RazorpaySignature.isValid(secret, body, null)).isFalse();
    }

    private static JsonNode vector(String name) throws IOException {
        JsonNode root = JsonMapper.builder()
                .build()
                .readTree(Files.readAllBytes(ROOT.resolve("razorpay/signature_known_answers.json")));
        for (JsonNode c : root.get("cases")) {
            if (name.equals(c.get("name").asString())) {
                return c;
            }
        }
        throw new AssertionError("no vector " + name);
    }
}
