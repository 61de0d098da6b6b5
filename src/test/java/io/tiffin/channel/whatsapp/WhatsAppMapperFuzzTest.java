package io.tiffin.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiffin.channel.InboundMessage;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a signed body holds, the mapper answers with messages or with the one exception the
 * webhook turns into a 400: never a crash that would be retried until the message dies, and never a
 * message missing what its kind promises. The committed corpus (the fixtures' shapes and the cases
 * that once crashed) runs in every build; {@code JAZZER_FUZZ=1} fuzzes for real (see bench/README.md).
 */
class WhatsAppMapperFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "10m")
    void anyBodyMapsOrIsRefusedAsInput(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return;
        }
        WhatsAppMapper.Result result;
        try {
            result = WhatsAppMapper.map(root, id -> Optional.of("m-" + id));
        } catch (WhatsAppMapper.UnexpectedPayloadException refused) {
            return;
        }
        for (InboundMessage message : result.messages()) {
            assertThat(message.providerMessageId()).isNotBlank();
            assertThat(message.conversationKey()).isNotBlank();
            switch (message.kind()) {
                case TEXT -> assertThat(message.text()).isNotNull();
                case LOCATION -> assertThat(message.location()).isNotNull();
                case BUTTON_REPLY, LIST_REPLY -> assertThat(message.reply()).isNotNull();
                default -> {}
            }
        }
    }
}
