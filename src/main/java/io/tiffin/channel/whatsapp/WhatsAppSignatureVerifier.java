package io.tiffin.channel.whatsapp;

import io.tiffin.platform.security.HmacSignatures;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>} over the body exactly as received. Meta signs the
 * bytes it sends (non-ASCII already escaped as {@code \\uXXXX}), so re-serialised JSON would not match.
 */
@Component
class WhatsAppSignatureVerifier {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final int SHA256_HEX_LENGTH = 64;

    private final HmacSignatures.Signer signer;

    @Autowired
    WhatsAppSignatureVerifier(WhatsAppProperties properties) {
        this(properties.appSecret());
    }

    WhatsAppSignatureVerifier(String appSecret) {
        this.signer = appSecret == null || appSecret.isEmpty() ? null
                : HmacSignatures.hmacSha256Signer(appSecret.getBytes(StandardCharsets.UTF_8));
    }

    boolean isValid(byte[] rawBody, String signatureHeader) {
        if (signer == null || rawBody == null || signatureHeader == null) {
            return false;
        }
        String header = signatureHeader.strip();
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || header.length() != PREFIX.length() + SHA256_HEX_LENGTH) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException garbled) {
            return false;
        }
        return HmacSignatures.constantTimeEquals(signer.sign(rawBody), claimed);
    }
}
