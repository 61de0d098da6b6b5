package io.tiffin.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.ChoiceMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever update body arrives with the merchant's secret token, the Telegram webhook answers 200
 * (stored at most one message) or 400 (stored nothing), never an exception; without the token it
 * stores nothing. The committed corpus runs in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class TelegramWebhookFuzzTest {

    private static final String SECRET = "fuzz-secret-token";

    private final List<InboundMessage> stored = new ArrayList<>();
    private final TelegramWebhookController webhook = new TelegramWebhookController(
            bots(),
            mock(TelegramClient.class),
            JsonMapper.builder().build(),
            messages -> {
                stored.addAll(messages);
                return messages.size();
            },
            choices(),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "10m")
    void anyUpdateWithTheSecretIsStoredOrRefusedWithNothingStored(byte[] body) throws Exception {
        stored.clear(); // one instance serves every input while fuzzing
        assertThat(webhook.receive("m-1", request(body, "wrong"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(stored).isEmpty();

        int status =
                webhook.receive("m-1", request(body, SECRET)).getStatusCode().value();

        assertThat(status).isIn(200, 400);
        if (status != 200) {
            assertThat(stored).isEmpty();
        }
        assertThat(stored).hasSizeLessThanOrEqualTo(1);
        for (InboundMessage message : stored) {
            assertThat(message.channel()).isEqualTo(Channel.TELEGRAM);
            assertThat(message.providerMessageId()).startsWith("update:");
            assertThat(message.merchantId()).isEqualTo("m-1");
            assertThat(message.customerId()).isNotBlank();
            switch (message.kind()) {
                case TEXT -> assertThat(message.text()).isNotNull();
                case LOCATION -> assertThat(message.location()).isNotNull();
                case BUTTON_REPLY -> assertThat(message.reply().id()).isNotBlank();
                default -> {}
            }
            if (message.location() != null) {
                assertThat(Math.abs(message.location().latitude())).isLessThanOrEqualTo(90);
                assertThat(Math.abs(message.location().longitude())).isLessThanOrEqualTo(180);
            }
        }
    }

    private static MockHttpServletRequest request(byte[] body, String secret) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/telegram/m-1");
        request.setContentType("application/json");
        request.setContent(body);
        request.addHeader(TelegramBots.SECRET_HEADER, secret);
        return request;
    }

    private static TelegramBots bots() {
        TelegramBots bots = mock(TelegramBots.class);
        when(bots.secretMatches(eq("m-1"), anyString())).thenAnswer(call -> SECRET.equals(call.getArgument(1)));
        when(bots.token("m-1")).thenReturn(Optional.of("123456789:fuzz"));
        return bots;
    }

    private static ChoiceMemory choices() {
        ChoiceMemory choices = mock(ChoiceMemory.class);
        when(choices.pick(any(), anyString(), anyString(), anyInt())).thenAnswer(call -> {
            int n = call.getArgument(3);
            return n >= 0 && n <= 2 ? Optional.of(new Choice("choice-" + n, "Choice " + n)) : Optional.empty();
        });
        return choices;
    }
}
