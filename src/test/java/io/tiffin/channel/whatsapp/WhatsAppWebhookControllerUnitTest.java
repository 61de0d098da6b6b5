package io.tiffin.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.platform.security.HmacSignatures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class WhatsAppWebhookControllerUnitTest {

    private static final String SECRET = "test-app-secret";
    private static final String VERIFY_TOKEN = "meatyhamhock";

    /** Stands in for the durable inbox. */
    static final class RecordingSink implements InboundSink {
        final List<InboundMessage> accepted = new ArrayList<>();

        @Override
        public int accept(List<InboundMessage> messages) {
            accepted.addAll(messages);
            return messages.size();
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new WhatsAppWebhookController(
                    new WhatsAppSignatureVerifier(SECRET),
                    new WhatsAppProperties(SECRET, VERIFY_TOKEN, "token", null, null, null, null),
                    Fixtures.JSON,
                    new FakeMerchants().with("demo", "409552778964973"),
                    sink))
            .build();

    private static String sign(byte[] body) {
        return "sha256=" + HmacSignatures.hmacSha256Hex(SECRET.getBytes(StandardCharsets.UTF_8), body);
    }

    @Test
    void answersTheHandshakeWithTheChallenge() throws Exception {
        mvc.perform(get("/webhooks/whatsapp")
                        .param("hub.mode", "subscribe")
                        .param("hub.challenge", "1158201444")
                        .param("hub.verify_token", VERIFY_TOKEN)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("1158201444"));
    }

    @Test
    void refusesTheHandshakeWithAWrongTokenOrMode() throws Exception {
        mvc.perform(get("/webhooks/whatsapp")
                        .param("hub.mode", "subscribe")
                        .param("hub.challenge", "1158201444")
                        .param("hub.verify_token", "wrong"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/webhooks/whatsapp")
                        .param("hub.mode", "unsubscribe")
                        .param("hub.challenge", "1158201444")
                        .param("hub.verify_token", VERIFY_TOKEN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/webhooks/whatsapp")).andExpect(status().isForbidden());
    }

    @Test
    void acceptsASignedFixtureAndHandsTheMessageToTheSink() throws Exception {
        byte[] body = Fixtures.whatsapp("inbound_text.json");
        assertThat(sign(body))
                .as("the fixture's locally computed signature")
                .isEqualTo("sha256=aaedc3e3e8ce1ed8ec77abf602e6f2e5147d99141a257b40bd0146dbc0d3e023");

        mvc.perform(post("/webhooks/whatsapp")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.TEXT_HTML)
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value("ok"));

        assertThat(sink.accepted).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("hi everyone!");
            assertThat(m.merchantId()).isEqualTo("demo");
            assertThat(m.customerId()).isEqualTo("1111111111111");
        });
    }

    @Test
    void acceptsStatusCallbacks() throws Exception {
        byte[] body = Fixtures.whatsapp("status_delivered.json");
        mvc.perform(post("/webhooks/whatsapp")
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isOk());
        assertThat(sink.accepted)
                .singleElement()
                .satisfies(m -> assertThat(m.status().status()).isEqualTo("delivered"));
    }

    @Test
    void rejectsAForgedSignatureBeforeReadingTheBody() throws Exception {
        byte[] body = Fixtures.whatsapp("inbound_text.json");
        mvc.perform(post("/webhooks/whatsapp")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                "X-Hub-Signature-256",
                                "sha256=0000000000000000000000000000000000000000000000000000000000000000")
                        .content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_signature"))
                .andExpect(jsonPath("$.message").isNotEmpty());
        assertThat(sink.accepted).isEmpty();
    }

    @Test
    void rejectsAMissingSignature() throws Exception {
        mvc.perform(post("/webhooks/whatsapp").content(Fixtures.whatsapp("inbound_text.json")))
                .andExpect(status().isUnauthorized());
        assertThat(sink.accepted).isEmpty();
    }

    @Test
    void rejectsSignedMalformedJson() throws Exception {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/webhooks/whatsapp")
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_json"));
        assertThat(sink.accepted).isEmpty();
    }

    @Test
    void rejectsSignedJsonThatIsNotAWhatsAppWebhook() throws Exception {
        byte[] body = "{\"object\":\"instagram\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/webhooks/whatsapp")
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unexpected_payload"));
        assertThat(sink.accepted).isEmpty();
    }

    @Test
    void rejectsABodyOverOneMebibyte() throws Exception {
        byte[] body = new byte[WhatsAppWebhookController.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(post("/webhooks/whatsapp")
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value("payload_too_large"));
        assertThat(sink.accepted).isEmpty();
    }

    @Test
    void acceptsABodyOfExactlyOneMebibyte() throws Exception {
        byte[] fixture = Fixtures.whatsapp("inbound_text.json");
        byte[] body = new byte[WhatsAppWebhookController.MAX_BODY_BYTES];
        java.util.Arrays.fill(body, (byte) ' ');
        System.arraycopy(fixture, 0, body, 0, fixture.length);
        mvc.perform(post("/webhooks/whatsapp")
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isOk());
        assertThat(sink.accepted).hasSize(1);
    }

    @Test
    void answersOkButStoresNothingForAnUnknownPhoneNumberId() throws Exception {
        byte[] body = Fixtures.whatsapp("inbound_interactive_button_reply.json");
        mvc.perform(post("/webhooks/whatsapp")
                        .header("X-Hub-Signature-256", sign(body))
                        .content(body))
                .andExpect(status().isOk());
        assertThat(sink.accepted).isEmpty();
    }
}
