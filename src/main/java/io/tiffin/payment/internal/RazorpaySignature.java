package io.tiffin.payment.internal;

import io.tiffin.platform.security.HmacSignatures;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Razorpay's webhook signature: lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook
 * secret. Checked on the bytes as received (never on re-serialised JSON), in constant time. The
 * razorpay-java SDK has the same check; this one avoids its org.json and OkHttp for twelve lines.
 */
final class RazorpaySignature {

    private RazorpaySignature() {}

    static boolean isValid(String secret, byte[] body, String signature) {
        if (secret == null || secret.isEmpty() || signature == null || body == null) {
            return false;
        }
        String expected = HmacSignatures.hmacSha256Hex(secret.getBytes(StandardCharsets.UTF_8), body);
        return HmacSignatures.constantTimeEquals(expected, signature.strip().toLowerCase(Locale.ROOT));
    }
}
