package io.tiffin.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.Webhooks;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.support.ProviderFixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Twilio SMS: fixtures map, signatures match the known answers, replies stay within three segments. */
class SmsUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void everySignatureKnownAnswerMatchesAndNoOtherDoes() {
        JsonNode answers = ProviderFixtures.json("twilio", "signature_known_answers.json");
        int checked = 0;
        for (JsonNode c : answers.get("cases")) {
            String token = c.get("authToken").asString();
            String url = c.get("url").asString();
            String expected = c.get("expectedSignature").asString();
            if (c.has("rawBody")) {
                byte[] raw = c.get("rawBody").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(TwilioSignature.isValidJson(token, url, raw, expected))
                        .as(c.get("name").asString())
                        .isTrue();
            } else {
                Map<String, String> params = c.has("paramsFrom")
                        ? Webhooks.formParameters(ProviderFixtures.bytes("twilio", "sms_inbound_text.txt"))
                        : toMap(c.get("params"));
                assertThat(TwilioSignature.isValid(token, url, params, expected))
                        .as(c.get("name").asString())
                        .isTrue();
                assertThat(TwilioSignature.isValid(token + "x", url, params, expected))
                        .isFalse();
                Map<String, String> tampered = new HashMap<>(params);
                tampered.put("Body", "tampered");
                assertThat(TwilioSignature.isValid(token, url, tampered, expected))
                        .isFalse();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void inboundTextMapsWithTheSenderInE164() {
        Map<String, String> params = Webhooks.formParameters(ProviderFixtures.bytes("twilio", "sms_inbound_text.txt"));
        InboundMessage m = SmsMapper.map(params, "m1", NOW, n -> Optional.empty());

        assertThat(m.channel()).isEqualTo(Channel.SMS);
        assertThat(m.providerMessageId()).isEqualTo("SMe287d7109a5a925f182f0e07fe5b223b");
        assertThat(m.customerId()).isEqualTo("+14135550199");
        assertThat(m.customerPhone()).isEqualTo("+14135550199");
        assertThat(m.kind()).isEqualTo(Kind.TEXT);
        assertThat(m.text()).isEqualTo("Msg");
        assertThat(SmsMapper.to(params)).isEqualTo("+12025550111");
    }

    @Test
    void mmsMapsToMediaWithTheBodyAsCaption() {
        InboundMessage media = SmsMapper.map(
                Webhooks.formParameters(ProviderFixtures.bytes("twilio", "sms_inbound_media.txt")),
                "m1",
                NOW,
                n -> Optional.empty());
        assertThat(media.kind()).isEqualTo(Kind.IMAGE);
        assertThat(media.media().url()).isEqualTo("cat.jpg");
        assertThat(media.textContent()).isEqualTo("Msg");

        InboundMessage docs = SmsMapper.map(
                Webhooks.formParameters(ProviderFixtures.bytes("twilio", "sms_inbound_full_from_docs.txt")),
                "m1",
                NOW,
                n -> Optional.empty());
        assertThat(docs.kind()).isEqualTo(Kind.IMAGE);
        assertThat(docs.media().mimeType()).isEqualTo("image/jpeg");
        assertThat(docs.media().url()).startsWith("https://api.twilio.com/2010-04-01/Accounts/");
        assertThat(docs.media().caption()).isEqualTo("Is my order shipped?");
    }

    @Test
    void aNumberPicksTheChoiceOfferedAndOtherwiseStaysText() {
        Map<String, String> params =
                new HashMap<>(Map.of("MessageSid", "SM1", "From", "+14155550199", "To", "+14155550100", "Body", " 2 "));
        InboundMessage picked = SmsMapper.map(
                params, "m1", NOW, n -> n == 2 ? Optional.of(new Choice("cancel", "Cancel")) : Optional.empty());
        assertThat(picked.kind()).isEqualTo(Kind.BUTTON_REPLY);
        assertThat(picked.reply().id()).isEqualTo("cancel");

        InboundMessage notOffered = SmsMapper.map(params, "m1", NOW, n -> Optional.empty());
        assertThat(notOffered.kind()).isEqualTo(Kind.TEXT);
        assertThat(notOffered.text()).isEqualTo(" 2 ");
    }

    @Test
    void parametersWithoutASidOrANumberAreMalformed() {
        assertThatThrownBy(() -> SmsMapper.map(
                        Map.of("From", "+14155550199", "To", "+14155550100"), "m", NOW, n -> Optional.empty()))
                .isInstanceOf(SmsMapper.MalformedException.class);
        assertThatThrownBy(() -> SmsMapper.map(
                        Map.of("MessageSid", "SM1", "From", "SHOPNAME", "To", "+14155550100"),
                        "m",
                        NOW,
                        n -> Optional.empty()))
                .isInstanceOf(SmsMapper.MalformedException.class);
    }

    @Test
    void keywordsAreWholeMessagesInAnyCase() {
        assertThat(SmsKeywords.of(" stop ")).isEqualTo(SmsKeywords.STOP);
        assertThat(SmsKeywords.of("Unsubscribe")).isEqualTo(SmsKeywords.STOP);
        assertThat(SmsKeywords.of("START")).isEqualTo(SmsKeywords.START);
        assertThat(SmsKeywords.of("help")).isEqualTo(SmsKeywords.HELP);
        assertThat(SmsKeywords.of("stop the naan")).isEqualTo(SmsKeywords.NONE);
    }

    @Test
    void segmentsCountGsmSeptetsAndUcs2Units() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(459))).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(460))).isEqualTo(4);
        // € is an escape pair in GSM-7: 80 of them are 160 septets
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.count("क".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("क".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("क".repeat(201))).isEqualTo(3);
    }

    @Test
    void choicesBecomeNumberedLinesAndTheTextBecomesGsm() {
        OutboundMessage cart = new OutboundMessage(
                Channel.SMS,
                "m",
                "+14155550199",
                "🛒 *Your order*\n2 × Butter Chicken: ₹698.00\nTotal: *₹698*",
                List.of(new Choice("confirm", "Confirm order"), new Choice("cancel", "Cancel")),
                null);

        List<String> bodies = SmsRenderer.render(cart);

        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0))
                .isEqualTo("Your order\n2 x Butter Chicken: Rs.698.00\nTotal: Rs.698\n\n"
                        + "1 Confirm order\n2 Cancel\nReply with a number.");
        assertThat(SmsSegments.isGsm(bodies.get(0))).isTrue();
    }

    @Test
    void aLongCartIsSplitAtLineEndsWithNothingLostAndEachPartAtMostThreeSegments() {
        StringBuilder text = new StringBuilder("Your order\n");
        for (int i = 1; i <= 40; i++) {
            text.append(i)
                    .append(" x Paneer Tikka Masala with extra butter: Rs.")
                    .append(100 + i)
                    .append('\n');
        }
        OutboundMessage cart = new OutboundMessage(
                Channel.SMS, "m", "+1", text.toString(), List.of(new Choice("confirm", "Confirm order")), null);

        List<String> bodies = SmsRenderer.render(cart);

        assertThat(bodies.size()).isGreaterThan(1);
        assertThat(bodies).allSatisfy(b -> assertThat(SmsSegments.count(b)).isLessThanOrEqualTo(3));
        String joined = String.join("\n", bodies);
        for (int i = 1; i <= 40; i++) {
            assertThat(joined).contains(i + " x Paneer Tikka Masala with extra butter: Rs." + (100 + i));
        }
        assertThat(bodies.get(bodies.size() - 1)).endsWith("1 Confirm order\nReply with a number.");
    }

    @Test
    void hindiStaysUcs2AndWithinThreeSegmentsPerPart() {
        OutboundMessage reply = OutboundMessage.text(Channel.SMS, "m", "+1", "आपका ऑर्डर ".repeat(40));
        assertThat(SmsRenderer.render(reply))
                .allSatisfy(b -> assertThat(SmsSegments.count(b)).isLessThanOrEqualTo(3))
                .hasSizeGreaterThan(1);
    }

    private static Map<String, String> toMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }
}
