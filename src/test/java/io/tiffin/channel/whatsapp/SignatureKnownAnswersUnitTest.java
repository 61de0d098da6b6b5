package io.tiffin.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.platform.security.HmacSignatures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every published (and locally computed) signature vector in the shared fixtures. */
class SignatureKnownAnswersUnitTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsEveryMetaVectorOverTheSignedBytes() {
        JsonNode cases = Fixtures.json(Fixtures.WHATSAPP.resolve("signature_known_answers.json"))
                .path("cases");
        assertThat(cases.size()).isEqualTo(4);
        int checked = 0;
        for (JsonNode c : cases) {
            WhatsAppSignatureVerifier verifier =
                    new WhatsAppSignatureVerifier(c.path("appSecret").asString());
            byte[] body;
            if (c.has("bodyFile")) {
                body = Fixtures.bytes(Fixtures.ROOT.resolve(c.path("bodyFile").asString()));
                assertThat(HmacSignatures.sha256Hex(body))
                        .isEqualTo(c.path("bodyFileSha256").asString());
            } else if (c.has("bodyAsSignedBytes_escapedUnicode")) {
                body = utf8(c.path("bodyAsSignedBytes_escapedUnicode").asString());
            } else {
                body = utf8(c.path("body").asString());
            }
            String header = c.path("expectedHeader").asString();
            assertThat(verifier.isValid(body, header))
                    .as(c.path("name").asString())
                    .isTrue();
            assertThat(verifier.isValid(body, header.toUpperCase(Locale.ROOT).replace("SHA256=", "sha256=")))
                    .as("uppercase hex is the same signature")
                    .isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void rejectsTheUnicodeBodyHashedAsRawUtf8() {
        JsonNode unicode = Fixtures.json(Fixtures.WHATSAPP.resolve("signature_known_answers.json"))
                .path("cases")
                .get(0);
        WhatsAppSignatureVerifier verifier =
                new WhatsAppSignatureVerifier(unicode.path("appSecret").asString());
        byte[] rawUtf8 = utf8(unicode.path("bodyAsDecodedText").asString());
        String expected = unicode.path("expectedHeader").asString();

        assertThat(verifier.isValid(rawUtf8, expected)).isFalse();
        assertThat("sha256=" + HmacSignatures.hmacSha256Hex(utf8("YOUR_APP_SECRET"), rawUtf8))
                .isEqualTo("sha256=5ab50fefd5b7b7258964d9825904e7916acb73fe8030123871485627791ffbde")
                .isNotEqualTo(expected);
    }

    @Test
    void rejectsMissingGarbledAndForeignSignatures() {
        WhatsAppSignatureVerifier verifier = new WhatsAppSignatureVerifier("sesame");
        byte[] body = utf8("hello world");
        String good = "sha256=f39034b29165ec6a5104d9aef27266484ab26c8caa7bca8bcb2dd02e8be61b17";
        assertThat(verifier.isValid(body, good)).isTrue();
        assertThat(verifier.isValid(body, null)).isFalse();
        assertThat(verifier.isValid(body, "")).isFalse();
        assertThat(verifier.isValid(body, good.substring("sha256=".length()))).isFalse();
        assertThat(verifier.isValid(body, "sha1=" + good.substring(7))).isFalse();
        assertThat(verifier.isValid(body, "sha256=zz9034b29165ec6a5104d9aef27266484ab26c8caa7bca8bcb2dd02e8be61b17"))
                .isFalse();
        assertThat(verifier.isValid(body, good.substring(0, good.length() - 2))).isFalse();
        assertThat(verifier.isValid(utf8("hello world2"), good)).isFalse();
        assertThat(new WhatsAppSignatureVerifier("other").isValid(body, good)).isFalse();
        assertThat(new WhatsAppSignatureVerifier((String) null).isValid(body, good))
                .as("no secret configured accepts nothing")
                .isFalse();
    }

    @Test
    void matchesEveryTwilioVector() {
        JsonNode file = Fixtures.json(Fixtures.ROOT.resolve("twilio/signature_known_answers.json"));
        int checked = 0;
        for (JsonNode c : file.path("cases")) {
            String name = c.path("name").asString();
            String token = c.path("authToken").asString();
            String url = c.path("url").asString();
            String expected = c.path("expectedSignature").asString();
            Map<String, String> params = c.has("paramsFrom")
                    ? formDecode(Fixtures.bytes(Fixtures.ROOT.resolve("twilio/sms_inbound_text.txt")))
                    : stringMap(c.path("params"));

            assertThat(TwilioSignature.compute(token, url, params)).as(name).isEqualTo(expected);
            assertThat(TwilioSignature.isValid(token, url, params, expected))
                    .as(name)
                    .isTrue();
            if (c.has("stringToSign")) {
                assertThat(HmacSignatures.hmacSha1Base64(
                                token, c.path("stringToSign").asString()))
                        .isEqualTo(expected);
            }
            if (c.has("rawBody")) {
                byte[] raw = utf8(c.path("rawBody").asString());
                assertThat(TwilioSignature.bodySha256(raw))
                        .isEqualTo(c.path("bodySHA256").asString());
                assertThat(TwilioSignature.isValidJson(token, url, raw, expected))
                        .as(name)
                        .isTrue();
                assertThat(TwilioSignature.isValidJson(token, url, utf8("{\"property\": \"other\"}"), expected))
                        .as("a body that does not match bodySHA256")
                        .isFalse();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void twilioValidatorTriesTheUrlWithAndWithoutTheDefaultPort() {
        Map<String, String> params = Map.of(
                "Digits",
                "1234",
                "CallSid",
                "CA1234567890ABCDE",
                "To",
                "+18005551212",
                "Caller",
                "+14158675309",
                "From",
                "+14158675309");
        assertThat(TwilioSignature.isValid(
                        "12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params, "kvajT1Ptam85bY51eRf/AJRuM3w="))
                .isTrue();
        assertThat(TwilioSignature.isValid(
                        "12345", "http://mycompany.com/myapp.php?foo=1&bar=2", params, "0ZXoZLH/DfblKGATFgpif+LLRf4="))
                .isTrue();
        assertThat(TwilioSignature.isValid(
                        "12345",
                        "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                        params,
                        "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isTrue();
        assertThat(TwilioSignature.isValid(
                        "54321", "https://mycompany.com/myapp.php?foo=1&bar=2", params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("Digits", "9999");
        assertThat(TwilioSignature.isValid(
                        "12345",
                        "https://mycompany.com/myapp.php?foo=1&bar=2",
                        tampered,
                        "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
    }

    @Test
    void matchesEveryRazorpayVector() {
        JsonNode file = Fixtures.json(Fixtures.ROOT.resolve("razorpay/signature_known_answers.json"));
        int checked = 0;
        for (JsonNode c : file.path("cases")) {
            String secret = c.path("secret").asString();
            String expected = c.path("expectedSignature").asString();
            String actual;
            if (c.has("bodyFile")) {
                byte[] body =
                        Fixtures.bytes(Fixtures.ROOT.resolve(c.path("bodyFile").asString()));
                assertThat(HmacSignatures.sha256Hex(body))
                        .isEqualTo(c.path("bodyFileSha256").asString());
                actual = HmacSignatures.hmacSha256Hex(utf8(secret), body);
            } else if (c.has("body")) {
                actual = HmacSignatures.hmacSha256Hex(secret, c.path("body").asString());
            } else {
                String message = razorpayMessage(c);
                assertThat(message).isEqualTo(c.path("message").asString());
                actual = HmacSignatures.hmacSha256Hex(secret, message);
            }
            assertThat(actual).as(c.path("name").asString()).isEqualTo(expected);
            assertThat(HmacSignatures.constantTimeEquals(expected, actual)).isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    /** The documented field order of each scheme, rebuilt from the vector's own fields. */
    private static String razorpayMessage(JsonNode c) {
        if (c.has("razorpay_order_id")) {
            return c.path("razorpay_order_id").asString() + "|"
                    + c.path("razorpay_payment_id").asString();
        }
        if (c.has("payment_link_id")) {
            return String.join(
                    "|",
                    c.path("payment_link_id").asString(),
                    c.path("payment_link_reference_id").asString(),
                    c.path("payment_link_status").asString(),
                    c.path("razorpay_payment_id").asString());
        }
        return c.path("razorpay_payment_id").asString() + "|"
                + c.path("razorpay_subscription_id").asString();
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    private static Map<String, String> formDecode(byte[] form) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : new String(form, StandardCharsets.UTF_8).strip().split("&")) {
            int eq = pair.indexOf('=');
            map.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }
}
