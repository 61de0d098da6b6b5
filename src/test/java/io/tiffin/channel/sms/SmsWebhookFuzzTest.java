package io.tiffin.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.Webhooks;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Whatever form body Twilio (or someone who has its token) signs, the SMS webhook answers 200 (and
 * stored at most one message) or 400 (and stored nothing), never an exception; a forged signature
 * stores nothing. Every stored message is from an E.164 number. The committed corpus runs in every
 * build; {@code JAZZER_FUZZ=1} fuzzes for real (bench/README.md).
 */
class SmsWebhookFuzzTest {

    private static final String TOKEN = "fuzz-twilio-token";
    private static final String PUBLIC_URL = "https://tiffin.example";

    private final List<InboundMessage> stored = new ArrayList<>();
    private final SmsWebhookController webhook = new SmsWebhookController(
            new SmsProperties("ACfuzz", TOKEN, null, null, null, null),
            PUBLIC_URL,
            merchants(),
            messages -> {
                stored.addAll(messages);
                return messages.size();
            },
            mock(SmsOptOuts.class),
            choices(),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "10m")
    void anySignedFormIsStoredOrRefusedWithNothingStored(byte[] body) throws Exception {
        stored.clear(); // one instance serves every input while fuzzing
        ResponseEntity<String> forged = webhook.receive(request(body, "bm90IGEgc2lnbmF0dXJl"));
        assertThat(forged.getStatusCode().value()).isIn(400, 401);
        assertThat(stored).isEmpty();

        Map<String, String> params;
        try {
            params = Webhooks.formParameters(body);
        } catch (IllegalArgumentException notAForm) {
            assertThat(webhook.receive(request(body, "x")).getStatusCode().value())
                    .isEqualTo(400);
            assertThat(stored).isEmpty();
            return;
        }
        String signature = TwilioSignature.compute(TOKEN, PUBLIC_URL + SmsWebhookController.PATH, params);
        int status = webhook.receive(request(body, signature)).getStatusCode().value();

        assertThat(status).isIn(200, 400);
        if (status != 200) {
            assertThat(stored).isEmpty();
        }
        assertThat(stored).hasSizeLessThanOrEqualTo(1);
        for (InboundMessage message : stored) {
            assertThat(message.channel()).isEqualTo(Channel.SMS);
            assertThat(message.providerMessageId()).isNotBlank();
            assertThat(message.customerId()).startsWith("+");
            assertThat(message.customerPhone()).isEqualTo(message.customerId());
            assertThat(message.textContent() != null || message.media() != null).isTrue();
        }
    }

    private static MockHttpServletRequest request(byte[] body, String signature) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", SmsWebhookController.PATH);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(body);
        request.addHeader(TwilioSignature.HEADER, signature);
        return request;
    }

    private static MerchantDirectory merchants() {
        Merchant merchant = mock(Merchant.class);
        when(merchant.id()).thenReturn("m-1");
        MerchantDirectory merchants = mock(MerchantDirectory.class);
        when(merchants.bySmsNumber(anyString())).thenReturn(Optional.of(merchant));
        return merchants;
    }

    /** Two choices were offered: "1" and "2" pick them, any other number is text. */
    private static ChoiceMemory choices() {
        ChoiceMemory choices = mock(ChoiceMemory.class);
        when(choices.pick(any(), anyString(), anyString(), anyInt())).thenAnswer(call -> {
            int n = call.getArgument(3);
            return n >= 1 && n <= 2 ? Optional.of(new Choice("choice-" + n, "Choice " + n)) : Optional.empty();
        });
        return choices;
    }
}
