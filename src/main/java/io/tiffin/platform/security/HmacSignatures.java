package io.tiffin.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC flavours webhook providers sign with. Every comparison is constant time so that a forger
 * learns nothing from how long a rejection takes.
 */
public final class HmacSignatures {

    private static final HexFormat HEX = HexFormat.of();

    private HmacSignatures() {}

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        return hmac("HmacSHA256", key, message);
    }

    /**
     * An HMAC-SHA256 signer for one key, for hot paths: the key is set up once and each signature
     * clones that state instead of looking up the provider and initialising the key again.
     */
    public static Signer hmacSha256Signer(byte[] key) {
        return signer("HmacSHA256", key);
    }

    /** The same for HMAC-SHA1 (Twilio). */
    public static Signer hmacSha1Signer(byte[] key) {
        return signer("HmacSHA1", key);
    }

    private static Signer signer(String algorithm, byte[] key) {
        try {
            Mac prototype = Mac.getInstance(algorithm);
            prototype.init(new javax.crypto.spec.SecretKeySpec(key, algorithm));
            return new Signer(prototype);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    public static final class Signer {

        private final Mac prototype;

        private Signer(Mac prototype) {
            this.prototype = prototype;
        }

        public byte[] sign(byte[] message) {
            try {
                return ((Mac) prototype.clone()).doFinal(message);
            } catch (CloneNotSupportedException e) {
                synchronized (prototype) {
                    return prototype.doFinal(message);
                }
            }
        }
    }

    /** Lowercase hex, as Meta and Razorpay send it. */
    public static String hmacSha256Hex(byte[] key, byte[] message) {
        return HEX.formatHex(hmacSha256(key, message));
    }

    public static String hmacSha256Hex(String secret, String message) {
        return hmacSha256Hex(utf8(secret), utf8(message));
    }

    /** Base64 of HMAC-SHA1, as Twilio sends it. */
    public static String hmacSha1Base64(String secret, String message) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", utf8(secret), utf8(message)));
    }

    public static String sha256Hex(byte[] message) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static boolean constantTimeEquals(byte[] expected, byte[] actual) {
        return expected != null && actual != null && MessageDigest.isEqual(expected, actual);
    }

    public static boolean constantTimeEquals(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(utf8(expected), utf8(actual));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
