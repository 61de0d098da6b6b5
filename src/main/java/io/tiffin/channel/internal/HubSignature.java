package io.tiffin.channel.internal;

import io.tiffin.platform.security.HmacSignatures;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Meta's {@code X-Hub-Signature-256: sha256=<hex>} (WhatsApp, Instagram) over the body exactly as
 * received. Meta signs the bytes it sends (non-ASCII already escaped as {@code \\uXXXX}), so
 * re-serialised JSON would not match. Without a secret every request is refused.
 */
public final class HubSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final int SHA256_HEX_LENGTH = 64;

    private final HmacSignatures.Signer signer;

    public HubSignature(String appSecret) {
        this.signer = appSecret == null || appSecret.isEmpty()
                ? null
                : HmacSignatures.hmacSha256Signer(appSecret.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isValid(byte[] rawBody, String signatureHeader) {
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

    /** Meta's GET handshake: the challenge comes back only when the verify token matches. */
    public static boolean handshakeAccepted(String verifyToken, String mode, String token, String challenge) {
        return "subscribe".equals(mode)
                && verifyToken != null
                && !verifyToken.isEmpty()
                && HmacSignatures.constantTimeEquals(verifyToken, token)
                && challenge != null;
    }
}
