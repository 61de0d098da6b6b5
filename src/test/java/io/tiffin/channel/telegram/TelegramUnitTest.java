package io.tiffin.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.platform.security.SecretBox;
import io.tiffin.support.ProviderFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every Telegram fixture maps to the right canonical message; replies fit the Bot API; secrets stay secret. */
class TelegramUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static TelegramMapper.Result map(String fixture) {
        return TelegramMapper.map(ProviderFixtures.json("telegram", fixture), "m1", NOW, (chat, n) -> Optional.empty());
    }

    @Test
    void textMapsWithTheChatAsCustomerAndTheUpdateAsId() {
        InboundMessage m = map("update_text.json").message();
        assertThat(m.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(m.kind()).isEqualTo(Kind.TEXT);
        assertThat(m.text()).isEqualTo("Hello World");
        assertThat(m.providerMessageId()).isEqualTo("update:174114370");
        assertThat(m.customerId()).isEqualTo("3527065");
        assertThat(m.customerName()).isEqualTo("Nic Pottier");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1454119029));
    }

    @Test
    void callbackQueryIsAChoiceWithItsButtonTextAndATapToAcknowledge() {
        TelegramMapper.Result r = map("update_callback_query.json");
        assertThat(r.message().kind()).isEqualTo(Kind.BUTTON_REPLY);
        assertThat(r.message().reply().id()).isEqualTo("order:1042:confirm");
        assertThat(r.message().reply().title()).isEqualTo("Confirm");
        assertThat(r.message().customerId()).isEqualTo("3527065");
        assertThat(r.tap()).isEqualTo(new TelegramMapper.Tap("4382bfdwdsb323b2d9", "3527065", 97));
    }

    @Test
    void aShortenedCallbackIsReadBackFromTheChoicesOffered() {
        ObjectNode update = (ObjectNode) ProviderFixtures.json("telegram", "update_callback_query.json");
        ((ObjectNode) update.get("callback_query")).put("data", "#2");
        InboundMessage m = TelegramMapper.map(
                        update,
                        "m1",
                        NOW,
                        (chat, n) -> chat.equals("3527065") && n == 2
                                ? Optional.of(new Choice(
                                        "item:butter_chicken:2:size=full|extra%20spicy%20please", "Butter Chicken"))
                                : Optional.empty())
                .message();
        assertThat(m.reply().id()).isEqualTo("item:butter_chicken:2:size=full|extra%20spicy%20please");
    }

    @Test
    void locationContactAndVoiceMap() {
        InboundMessage location = map("update_location.json").message();
        assertThat(location.kind()).isEqualTo(Kind.LOCATION);
        assertThat(location.location().latitude()).isEqualTo(-2.890287);
        assertThat(location.location().longitude()).isEqualTo(-79.004333);

        InboundMessage contact = map("update_contact.json").message();
        assertThat(contact.kind()).isEqualTo(Kind.CONTACTS);
        assertThat(contact.contacts().get(0).name()).isEqualTo("Adolf Taxi");
        assertThat(contact.contacts().get(0).phones()).containsExactly("0700000001");
        // someone else's card: not the customer's own number
        assertThat(contact.customerPhone()).isNull();

        InboundMessage voice = map("update_voice.json").message();
        assertThat(voice.kind()).isEqualTo(Kind.AUDIO);
        assertThat(voice.media().voice()).isTrue();
        assertThat(voice.media().id()).isEqualTo("AwADAQADCQADgtFRRGn8KrC-0D_MAg");
        assertThat(voice.media().mimeType()).isEqualTo("audio/ogg");
    }

    @Test
    void everyUpdateFixtureIsCovered() {
        assertThat(ProviderFixtures.names("telegram", "update_")).hasSize(5);
    }

    @Test
    void aChatIdThatIsNoNumberNamesNoCustomer() {
        JsonMapper json = JsonMapper.builder().build();
        for (String id : new String[] {"\" \"", "\"\"", "\"abc\"", "1.5", "true"}) {
            String update = "{\"update_id\":90,\"message\":{\"chat\":{\"id\":" + id + "},\"text\":\"hi\"}}";
            assertThat(TelegramMapper.map(json.readTree(update), "m", NOW, (c, n) -> Optional.empty()))
                    .as(id)
                    .isNull();
        }
        String negative = "{\"update_id\":91,\"message\":{\"chat\":{\"id\":-1001234},\"text\":\"hi\"}}";
        assertThat(TelegramMapper.map(json.readTree(negative), "m", NOW, (c, n) -> Optional.empty())
                        .message()
                        .customerId())
                .isEqualTo("-1001234");
    }

    @Test
    void anUpdateWithoutIdIsUnexpectedAndAnEditIsNothing() {
        JsonMapper json = JsonMapper.builder().build();
        assertThatThrownBy(() ->
                        TelegramMapper.map(json.readTree("{\"message\":{}}"), "m", NOW, (c, n) -> Optional.empty()))
                .isInstanceOf(TelegramMapper.UnexpectedPayloadException.class);
        assertThat(TelegramMapper.map(
                        json.readTree("{\"update_id\":5,\"edited_message\":{}}"), "m", NOW, (c, n) -> Optional.empty()))
                .isNull();
    }

    @Test
    void choicesBecomeAnInlineKeyboardWithCallbackDataWithin64Bytes() {
        String longId = "item:butter_chicken:2:size=full:spice=hot|" + "extra%20".repeat(10);
        List<ObjectNode> bodies = TelegramRenderer.render(new OutboundMessage(
                Channel.TELEGRAM,
                "m",
                "3527065",
                "🛒 *Your order* <b>&",
                List.of(new Choice("confirm", "Confirm order"), new Choice(longId, "Butter Chicken")),
                null));
        ObjectNode body = bodies.get(0);
        assertThat(body.get("chat_id").asString()).isEqualTo("3527065");
        assertThat(body.get("parse_mode").asString()).isEqualTo("HTML");
        assertThat(body.get("text").asString()).isEqualTo("🛒 <b>Your order</b> &lt;b&gt;&amp;");
        JsonNode keyboard = body.at("/reply_markup/inline_keyboard");
        assertThat(keyboard.get(0).get(0).get("callback_data").asString()).isEqualTo("confirm");
        assertThat(keyboard.get(1).get(0).get("callback_data").asString()).isEqualTo("#2");
        assertThat(TelegramRenderer.needsMemory(List.of(new Choice(longId, "x"))))
                .isTrue();
    }

    @Test
    void longTextIsSplitWithinTheLimitAndTheKeyboardOnTheLastPart() {
        String text = ("A line of the menu with a price\n").repeat(300);
        List<ObjectNode> bodies = TelegramRenderer.render(
                new OutboundMessage(Channel.TELEGRAM, "m", "1", text, List.of(new Choice("confirm", "Confirm")), null));
        assertThat(bodies.size()).isGreaterThan(1);
        assertThat(bodies)
                .allSatisfy(b -> assertThat(b.get("text").asString().length()).isLessThanOrEqualTo(4096));
        assertThat(bodies.get(0).has("reply_markup")).isFalse();
        assertThat(bodies.get(bodies.size() - 1).has("reply_markup")).isTrue();
    }

    @Test
    void tokensAreSealedAndTheWebhookSecretIsPerMerchantAndTelegramSafe() {
        SecretBox box = new SecretBox(new byte[32]);
        String sealed = box.seal("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        assertThat(box.open(sealed)).isEqualTo("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new SecretBox(otherKey).open(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("AAHdq");
        assertThat(box.derive("telegram-webhook", "m1"))
                .matches("[A-Za-z0-9_-]{1,256}")
                .isNotEqualTo(box.derive("telegram-webhook", "m2"));
    }
}
