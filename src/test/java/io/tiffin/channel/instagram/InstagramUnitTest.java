package io.tiffin.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.internal.HubSignature;
import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.ProviderFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every Instagram fixture maps to the right canonical message; replies stay within the Send API's limits. */
class InstagramUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static InstagramMapper.Result map(String fixture) {
        return InstagramMapper.map(
                ProviderFixtures.json("instagram", fixture), account -> Optional.of("m-" + account), NOW);
    }

    private static InboundMessage only(String fixture) {
        List<InboundMessage> messages = map(fixture).messages();
        assertThat(messages).as(fixture).hasSize(1);
        return messages.get(0);
    }

    @Test
    void textMapsWithTheMerchantFromTheRecipient() {
        InboundMessage m = only("inbound_text.json");
        assertThat(m.channel()).isEqualTo(Channel.INSTAGRAM);
        assertThat(m.kind()).isEqualTo(Kind.TEXT);
        assertThat(m.text()).isEqualTo("Hello World");
        assertThat(m.providerMessageId()).isEqualTo("external_id");
        assertThat(m.merchantId()).isEqualTo("m-1234567890");
        assertThat(m.customerId()).isEqualTo("5678");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1459991487970L));
    }

    @Test
    void quickReplyAndPostbackAreChoices() {
        InboundMessage quick = only("inbound_quick_reply.json");
        assertThat(quick.kind()).isEqualTo(Kind.BUTTON_REPLY);
        assertThat(quick.reply().id()).isEqualTo("TRACK_ORDER");
        assertThat(quick.reply().title()).isEqualTo("Track my order");

        InboundMessage icebreaker = only("inbound_postback_icebreaker.json");
        assertThat(icebreaker.kind()).isEqualTo(Kind.BUTTON_REPLY);
        assertThat(icebreaker.reply().id()).isEqualTo("get_started");
        assertThat(icebreaker.reply().title()).isEqualTo("icebreaker question");
        assertThat(icebreaker.providerMessageId()).isEqualTo("postback:5678:1459991487970");
    }

    @Test
    void attachmentsCarryTheirMediaReference() {
        InboundMessage image = only("inbound_image_attachment.json");
        assertThat(image.kind()).isEqualTo(Kind.IMAGE);
        assertThat(image.media().url()).isEqualTo("https://image-url/foo.png");

        InboundMessage audio = only("inbound_audio_attachment.json");
        assertThat(audio.kind()).isEqualTo(Kind.AUDIO);
        assertThat(audio.media().voice()).isTrue();
        assertThat(audio.media().url())
                .startsWith("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17900000000000001");

        InboundMessage unsupported = only("inbound_attachment_unsupported_type.json");
        assertThat(unsupported.kind()).isEqualTo(Kind.UNSUPPORTED);
    }

    @Test
    void storyReplyKeepsItsTextAndStoryAndAMentionIsUnsupportedMedia() {
        InboundMessage reply = only("inbound_story_reply.json");
        assertThat(reply.kind()).isEqualTo(Kind.TEXT);
        assertThat(reply.text()).isEqualTo("Is this still in stock?");
        assertThat(reply.contextMessageId()).isEqualTo("story:17900000000000002");

        InboundMessage mention = only("inbound_story_mention.json");
        assertThat(mention.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(mention.contextMessageId()).isEqualTo("story_mention");
        assertThat(mention.media().url()).isEqualTo("https://story-url");
    }

    @Test
    void anUnsendIsAStatusWithItsOwnId() {
        InboundMessage deleted = only("inbound_message_deleted.json");
        assertThat(deleted.kind()).isEqualTo(Kind.STATUS);
        assertThat(deleted.providerMessageId()).isEqualTo("external_id:deleted");
        assertThat(deleted.status().messageId()).isEqualTo("external_id");
        assertThat(deleted.status().status()).isEqualTo("deleted");
    }

    @Test
    void echoesAndReadsChangeNothing() {
        assertThat(map("inbound_echo.json").messages()).isEmpty();
        assertThat(map("inbound_echo_business_sent.json").messages()).isEmpty();
        assertThat(map("inbound_seen.json").messages()).isEmpty();
    }

    @Test
    void everyInboundFixtureIsCovered() {
        assertThat(ProviderFixtures.names("instagram", "inbound_")).hasSize(12);
    }

    @Test
    void anUnknownAccountIsReportedNotMapped() {
        InstagramMapper.Result result = InstagramMapper.map(
                ProviderFixtures.json("instagram", "inbound_text.json"), account -> Optional.empty(), NOW);
        assertThat(result.messages()).isEmpty();
        assertThat(result.unknownAccounts()).containsExactly("1234567890");
    }

    @Test
    void somethingElseThanInstagramIsUnexpected() {
        assertThatThrownBy(() -> InstagramMapper.map(
                        ProviderFixtures.json("whatsapp", "inbound_text.json"), a -> Optional.of("m"), NOW))
                .isInstanceOf(InstagramMapper.UnexpectedPayloadException.class);
    }

    @Test
    void signatureIsOverTheExactFixtureBytes() {
        byte[] body = ProviderFixtures.bytes("instagram", "inbound_text.json");
        String header = "sha256=" + HmacSignatures.hmacSha256Hex("ig-secret".getBytes(StandardCharsets.UTF_8), body);
        HubSignature signature = new HubSignature("ig-secret");
        assertThat(signature.isValid(body, header)).isTrue();
        assertThat(new HubSignature("whatsapp-secret").isValid(body, header)).isFalse();
        byte[] reformatted =
                new String(body, StandardCharsets.UTF_8).replace("  ", " ").getBytes(StandardCharsets.UTF_8);
        assertThat(signature.isValid(reformatted, header)).isFalse();
        // Meta's published vector: the scheme is WhatsApp's
        assertThat(new HubSignature("sesame")
                        .isValid(
                                "hello world".getBytes(StandardCharsets.UTF_8),
                                "sha256=f39034b29165ec6a5104d9aef27266484ab26c8caa7bca8bcb2dd02e8be61b17"))
                .isTrue();
    }

    @Test
    void textRendersAsTheSendApiFixtureDoes() {
        JsonNode expected = ProviderFixtures.json("instagram", "outbound_send_text.json");
        List<ObjectNode> bodies = InstagramRenderer.render(OutboundMessage.text(
                Channel.INSTAGRAM, "m", "1234567890123456", "Hi! Your order *#1042* has shipped."));
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0).get("recipient")).isEqualTo(expected.get("recipient"));
        assertThat(bodies.get(0).get("message")).isEqualTo(expected.get("message"));
    }

    @Test
    void choicesRenderAsQuickRepliesAsTheFixtureDoes() {
        JsonNode expected = ProviderFixtures.json("instagram", "outbound_send_quick_replies.json");
        ObjectNode body = InstagramRenderer.render(new OutboundMessage(
                        Channel.INSTAGRAM,
                        "m",
                        "1234567890123456",
                        "What would you like to do?",
                        List.of(
                                new Choice("TRACK_ORDER", "Track my order"),
                                new Choice("TALK_TO_SUPPORT", "Talk to support")),
                        null))
                .get(0);
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void longTextSplitsAndChoicesAreCappedAndCut() {
        String text = IntStream.range(0, 120)
                .mapToObj(i -> "line " + i + " of a long menu")
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
        List<Choice> choices = IntStream.range(0, 20)
                .mapToObj(i -> new Choice("id" + i, "A very long choice title " + i))
                .toList();
        List<ObjectNode> bodies =
                InstagramRenderer.render(new OutboundMessage(Channel.INSTAGRAM, "m", "1", text, choices, null));

        assertThat(bodies.size()).isGreaterThan(1);
        assertThat(bodies)
                .allSatisfy(b ->
                        assertThat(b.at("/message/text").asString().length()).isLessThanOrEqualTo(1000));
        assertThat(String.join(
                        "\n",
                        bodies.stream()
                                .map(b -> b.at("/message/text").asString())
                                .toList()))
                .isEqualTo(text);
        JsonNode quick = bodies.get(bodies.size() - 1).at("/message/quick_replies");
        assertThat(quick.size()).isEqualTo(13);
        quick.forEach(q -> assertThat(q.get("title").asString().length()).isLessThanOrEqualTo(20));
        assertThat(bodies.get(0).at("/message").has("quick_replies")).isFalse();
    }
}
