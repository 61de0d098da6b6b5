package io.tiffin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignaturesUnitTest {

    @Test
    void computesLowercaseHexHmacSha256() {
        assertThat(HmacSignatures.hmacSha256Hex("sesame", "hello world"))
                .isEqualTo("f39034b29165ec6a5104d9aef27266484ab26c8caa7bca8bcb2dd02e8be61b17");
        assertThat(HmacSignatures.hmacSha256Hex(
                        "sesame".getBytes(StandardCharsets.UTF_8), "hello world2".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("60905fdf409d0b4f721e99f6f25b31567a68a6b45e933d814e17a246be4c5a53");
    }

    @Test
    void computesBase64HmacSha1() {
        assertThat(HmacSignatures.hmacSha1Base64(
                        "12345",
                        "https://mycompany.com/myapp.php?foo=1&bar=2"
                                + "CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212"))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void comparesWithoutAcceptingNullOrDifferentValues() {
        assertThat(HmacSignatures.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(HmacSignatures.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(HmacSignatures.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(HmacSignatures.constantTimeEquals(null, "abc")).isFalse();
        assertThat(HmacSignatures.constantTimeEquals("abc", null)).isFalse();
        assertThat(HmacSignatures.constantTimeEquals((byte[]) null, null)).isFalse();
    }

    @Test
    void hashesSha256AsHex() {
        assertThat(HmacSignatures.sha256Hex(
                        "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620");
    }
}
