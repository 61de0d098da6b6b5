package io.tiffin.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.internal.HubSignature;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.security.HmacSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a correctly signed body holds, the Instagram webhook answers 200 (stored what it could
 * map) or 400 (stored nothing), never an exception that would come back as a 500 and a redelivery;
 * a forged signature stores nothing. Every stored message has what its kind promises. The committed
 * corpus (the fixtures and cases that once failed) runs in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class InstagramWebhookFuzzTest {

    private static final String SECRET = "fuzz-instagram-secret";
    private static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);

    private final List<InboundMessage> stored = new ArrayList<>();
    private final InstagramWebhookController webhook = new InstagramWebhookController(
            new InstagramProperties(SECRET, "verify", "token", null, null, null, null),
            JsonMapper.builder().build(),
            merchants(),
            messages -> {
                stored.addAll(messages);
                return messages.size();
            },
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "10m")
    void anySignedBodyIsStoredOrRefusedWithNothingStored(byte[] body) throws Exception {
        stored.clear(); // one instance serves every input while fuzzing
        ResponseEntity<String> forged = webhook.receive(request(body, "sha256=" + "0".repeat(64)));
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(stored).isEmpty();

        ResponseEntity<String> answer =
                webhook.receive(request(body, "sha256=" + HmacSignatures.hmacSha256Hex(KEY, body)));

        int status = answer.getStatusCode().value();
        assertThat(status).isIn(200, 400);
        if (status != 200) {
            assertThat(stored).isEmpty();
        }
        for (InboundMessage message : stored) {
            assertThat(message.channel()).isEqualTo(Channel.INSTAGRAM);
            assertThat(message.providerMessageId()).isNotBlank();
            assertThat(message.merchantId()).isEqualTo("m-1");
            assertThat(message.customerId()).isNotBlank();
            assertThat(message.sentAt()).isNotNull();
            switch (message.kind()) {
                case TEXT -> assertThat(message.text()).isNotNull();
                case BUTTON_REPLY -> assertThat(message.reply().id()).isNotBlank();
                case STATUS -> assertThat(message.status()).isNotNull();
                default -> {}
            }
        }
    }

    private static MockHttpServletRequest request(byte[] body, String signature) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/instagram");
        request.setContentType("application/json");
        request.setContent(body);
        request.addHeader(HubSignature.HEADER, signature);
        return request;
    }

    /** Every account belongs to merchant m-1, except "unknown", which belongs to nobody. */
    private static MerchantDirectory merchants() {
        Merchant merchant = mock(Merchant.class);
        when(merchant.id()).thenReturn("m-1");
        MerchantDirectory merchants = mock(MerchantDirectory.class);
        when(merchants.byInstagramAccountId(anyString()))
                .thenAnswer(call -> "unknown".equals(call.getArgument(0)) ? Optional.empty() : Optional.of(merchant));
        return merchants;
    }
}
