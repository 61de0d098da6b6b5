package io.tiffin.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.CartItem;
import io.tiffin.channel.InboundMessage.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WhatsAppMapperUnitTest {

    private final FakeMerchants merchants = new FakeMerchants()
            .with("demo", "409552778964973")
            .with("binda", "1111111111111")
            .with("shrub", "106540352242922")
            .with("burger", "1122334455667")
            .with("reengage", "109999999999999");

    private InboundMessage only(String fixture) {
        WhatsAppMapper.Result result = WhatsAppMapper.map(Fixtures.whatsappJson(fixture), merchants::merchantIdFor);
        assertThat(result.unknownPhoneNumberIds()).isEmpty();
        assertThat(result.messages()).hasSize(1);
        InboundMessage message = result.messages().getFirst();
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        return message;
    }

    @Test
    void mapsEveryInboundAndStatusFixtureToOneMessage() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.WHATSAPP)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> (n.startsWith("inbound_") || n.startsWith("status_")) && n.endsWith(".json"))
                    .sorted()
                    .toList();
            assertThat(names).hasSize(18);
            for (String name : names) {
                InboundMessage message = only(name);
                assertThat(message.merchantId()).as(name).isNotNull();
                assertThat(message.kind()).as(name).isNotNull();
                assertThat(message.providerMessageId()).as(name).isNotBlank();
            }
        }
    }

    @Test
    void mapsText() {
        InboundMessage m = only("inbound_text.json");
        assertThat(m.kind()).isEqualTo(Kind.TEXT);
        assertThat(m.text()).isEqualTo("hi everyone!");
        assertThat(m.providerMessageId())
                .isEqualTo("wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==");
        assertThat(m.merchantId()).isEqualTo("demo");
        assertThat(m.customerId()).isEqualTo("1111111111111");
        assertThat(m.customerName()).isEqualTo("Mauricio Binda");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1672947578L));
        assertThat(m.contextMessageId()).isNull();
        assertThat(m.conversationKey()).isEqualTo("WHATSAPP:demo:1111111111111");
    }

    @Test
    void mapsInteractiveButtonReplyWithItsContext() {
        InboundMessage m = only("inbound_interactive_button_reply.json");
        assertThat(m.kind()).isEqualTo(Kind.BUTTON_REPLY);
        assertThat(m.reply()).isEqualTo(new InboundMessage.Reply("change-button", "Change", null));
        assertThat(m.textContent()).isEqualTo("Change");
        assertThat(m.contextMessageId()).isEqualTo("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBJBM0Y4RUU0RUNFQkFDMjYzQUMA");
        assertThat(m.merchantId()).isEqualTo("shrub");
        assertThat(m.customerId()).isEqualTo("16505551234");
        assertThat(m.customerName()).isEqualTo("Pablo Morales");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1714510003L));
    }

    @Test
    void mapsInteractiveListReplyWithDescription() {
        InboundMessage m = only("inbound_interactive_list_reply.json");
        assertThat(m.kind()).isEqualTo(Kind.LIST_REPLY);
        assertThat(m.reply())
                .isEqualTo(new InboundMessage.Reply("priority_express", "Priority Mail Express", "Next Day to 2 Days"));
        assertThat(m.contextMessageId()).isEqualTo("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIwMjg0RkMxOEMyMkNEQUFFRDgA");
    }

    @Test
    void mapsTemplateQuickReplyAsButtonReplyWithPayloadAsId() {
        InboundMessage m = only("inbound_button_template_quick_reply.json");
        assertThat(m.kind()).isEqualTo(Kind.BUTTON_REPLY);
        assertThat(m.reply()).isEqualTo(new InboundMessage.Reply("SIM", "SIM", null));
        assertThat(m.contextMessageId())
                .isEqualTo("wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1673023653L));
    }

    @Test
    void aTextWithoutABodyIsUnsupportedInputNotACrash() {
        tools.jackson.databind.JsonNode payload = Fixtures.whatsappJson("inbound_text.json");
        ((tools.jackson.databind.node.ObjectNode) firstMessage(payload).get("text")).remove("body");
        InboundMessage m =
                WhatsAppMapper.map(payload, merchants::merchantIdFor).messages().getFirst();
        assertThat(m.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(m.text()).isNull();
        assertThat(m.status().status()).isEqualTo("text_without_body");
    }

    @Test
    void aLocationWithoutCoordinatesIsNoLocation() {
        tools.jackson.databind.JsonNode payload = Fixtures.whatsappJson("inbound_location.json");
        ((tools.jackson.databind.node.ObjectNode) firstMessage(payload).get("location")).remove("latitude");
        InboundMessage m =
                WhatsAppMapper.map(payload, merchants::merchantIdFor).messages().getFirst();
        assertThat(m.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(m.location()).isNull();

        tools.jackson.databind.JsonNode offTheMap = Fixtures.whatsappJson("inbound_location.json");
        ((tools.jackson.databind.node.ObjectNode) firstMessage(offTheMap).get("location")).put("latitude", 123.4);
        assertThat(WhatsAppMapper.map(offTheMap, merchants::merchantIdFor)
                        .messages()
                        .getFirst()
                        .kind())
                .isEqualTo(Kind.UNSUPPORTED);
    }

    private static tools.jackson.databind.JsonNode firstMessage(tools.jackson.databind.JsonNode payload) {
        return payload.path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("messages")
                .get(0);
    }

    @Test
    void mapsLocation() {
        InboundMessage m = only("inbound_location.json");
        assertThat(m.kind()).isEqualTo(Kind.LOCATION);
        assertThat(m.location().latitude()).isEqualTo(-10.93941311633);
        assertThat(m.location().longitude()).isEqualTo(-10.606395436721);
        assertThat(m.location().name()).isNull();
        assertThat(m.text()).isNull();
    }

    @Test
    void mapsVoiceNoteAsAudioWithVoiceFlag() {
        InboundMessage m = only("inbound_audio_voice.json");
        assertThat(m.kind()).isEqualTo(Kind.AUDIO);
        assertThat(m.merchantId()).isEqualTo("binda");
        assertThat(m.media().id()).isEqualTo("827776106019109");
        assertThat(m.media().mimeType()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(m.media().sha256()).isEqualTo("iWa0+O81ZLcSkZx6n4QAmrWuHpn8HWFX3gB6a3fQtmk=");
        assertThat(m.media().voice()).isTrue();
    }

    @Test
    void mapsImageWithoutCaption() {
        InboundMessage m = only("inbound_image.json");
        assertThat(m.kind()).isEqualTo(Kind.IMAGE);
        assertThat(m.media().id()).isEqualTo("8472976218001204");
        assertThat(m.media().mimeType()).isEqualTo("image/jpeg");
        assertThat(m.media().caption()).isNull();
        assertThat(m.media().voice()).isFalse();
        assertThat(m.textContent()).isNull();
    }

    @Test
    void mapsImageCaptionAndUrl() {
        InboundMessage m = only("inbound_image_caption.json");
        assertThat(m.kind()).isEqualTo(Kind.IMAGE);
        assertThat(m.media().id()).isEqualTo("1003383421387256");
        assertThat(m.media().caption()).isEqualTo("Taj Mahal");
        assertThat(m.media().url()).isEqualTo("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=133...");
        assertThat(m.textContent()).isEqualTo("Taj Mahal");
        assertThat(m.customerName()).isEqualTo("Sheena Nelson");
    }

    @Test
    void mapsSharedContacts() {
        InboundMessage m = only("inbound_contacts.json");
        assertThat(m.kind()).isEqualTo(Kind.CONTACTS);
        assertThat(m.contacts()).containsExactly(new InboundMessage.Contact("Person Ok", List.of("+55 11 11111-1111")));
    }

    @Test
    void mapsCatalogOrderToCartItems() {
        InboundMessage m = only("inbound_order.json");
        assertThat(m.kind()).isEqualTo(Kind.ORDER);
        assertThat(m.merchantId()).isEqualTo("burger");
        assertThat(m.customerId()).isEqualTo("972987654321");
        assertThat(m.customerName()).isEqualTo("Test Name");
        assertThat(m.cartItems())
                .containsExactly(
                        new CartItem("HAMBURGER", 3, "30", "ILS"),
                        new CartItem("FRENCH_FRIES", 2, "35", "ILS"),
                        new CartItem("SODA", 2, "10", "ILS"));
        assertThat(m.text()).as("the order's text is empty").isNull();
    }

    @Test
    void keepsOrderNoteAsText() {
        String payload = new String(Fixtures.whatsapp("inbound_order.json"))
                .replace("\"text\": \"\"", "\"text\": \"no onions please\"");
        InboundMessage m = WhatsAppMapper.map(Fixtures.JSON.readTree(payload), merchants::merchantIdFor)
                .messages()
                .getFirst();
        assertThat(m.text()).isEqualTo("no onions please");
        assertThat(m.cartItems()).hasSize(3);
    }

    @Test
    void mapsReaction() {
        InboundMessage m = only("inbound_reaction.json");
        assertThat(m.kind()).isEqualTo(Kind.REACTION);
        assertThat(m.reaction().emoji()).isEqualTo("👍");
        assertThat(m.reaction().messageId())
                .isEqualTo("wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==");
    }

    @Test
    void mapsUnsupportedKeepingTheErrorCode() {
        InboundMessage m = only("inbound_unsupported.json");
        assertThat(m.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(m.text()).isNull();
        assertThat(m.status().errors()).containsExactly("131051: Message type unknown");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1673026174L));
    }

    @Test
    void mapsSentStatusWithAnIdUniquePerEvent() {
        InboundMessage m = only("status_sent.json");
        assertThat(m.kind()).isEqualTo(Kind.STATUS);
        String wamid = "wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==";
        assertThat(m.providerMessageId()).isEqualTo("status:" + wamid + ":sent");
        assertThat(m.status()).isEqualTo(new InboundMessage.DeliveryStatus(wamid, "sent", "1111111111111", List.of()));
        assertThat(m.customerId()).isEqualTo("1111111111111");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1673020317L));
    }

    @Test
    void deliveredAndReadOfOneMessageAreDistinctEvents() {
        InboundMessage delivered = only("status_delivered.json");
        InboundMessage read = only("status_read.json");
        assertThat(delivered.status().status()).isEqualTo("delivered");
        assertThat(read.status().status()).isEqualTo("read");
        assertThat(delivered.status().messageId()).isEqualTo(read.status().messageId());
        assertThat(delivered.providerMessageId()).endsWith(":delivered").isNotEqualTo(read.providerMessageId());
    }

    @Test
    void mapsPerMessagePricingSentStatus() {
        InboundMessage m = only("status_sent_pmp_v24.json");
        assertThat(m.status().messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=");
        assertThat(m.status().status()).isEqualTo("sent");
        assertThat(m.status().recipientId()).isEqualTo("16505551234");
        assertThat(m.merchantId()).isEqualTo("shrub");
    }

    @Test
    void mapsFailedStatusWithItsErrorCode() {
        InboundMessage m = only("status_failed_131049.json");
        assertThat(m.status().status()).isEqualTo("failed");
        assertThat(m.status().errors()).singleElement().asString().startsWith("131049: ");
        assertThat(m.providerMessageId())
                .isEqualTo("status:wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA:failed");
    }

    @Test
    void mapsReengagementFailure() {
        InboundMessage m = only("status_failed_reengagement_131047.json");
        assertThat(m.merchantId()).isEqualTo("reengage");
        assertThat(m.status().errors()).containsExactly("131047: Re-engagement message");
        assertThat(m.status().recipientId()).isEqualTo("5511111111111");
    }

    @Test
    void skipsAndReportsPhoneNumberIdsNoMerchantIsBoundTo() {
        WhatsAppMapper.Result result = WhatsAppMapper.map(
                Fixtures.whatsappJson("inbound_text.json"), new FakeMerchants().with("other", "999")::merchantIdFor);
        assertThat(result.messages()).isEmpty();
        assertThat(result.unknownPhoneNumberIds()).containsExactly("409552778964973");
    }

    @Test
    void rejectsJsonThatIsNotAWhatsAppBusinessAccountWebhook() {
        assertThatThrownBy(() -> WhatsAppMapper.map(
                        Fixtures.JSON.readTree("{\"object\":\"page\",\"entry\":[]}"), merchants::merchantIdFor))
                .isInstanceOf(WhatsAppMapper.UnexpectedPayloadException.class);
        assertThatThrownBy(() -> WhatsAppMapper.map(Fixtures.JSON.readTree("[1,2]"), merchants::merchantIdFor))
                .isInstanceOf(WhatsAppMapper.UnexpectedPayloadException.class);
    }

    @Test
    void mapsVideoDocumentAndStickerAsMedia() {
        String template = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"409552778964973"},
                "messages":[{"from":"15550001","id":"wamid.%1$s","timestamp":"1700000000","type":"%1$s",
                "%1$s":{"id":"media-%1$s","mime_type":"x/%1$s","caption":"cap %1$s"}}]}}]}]}""";
        for (var kind : List.of(Kind.VIDEO, Kind.DOCUMENT, Kind.STICKER)) {
            String type = kind.name().toLowerCase(Locale.ROOT);
            InboundMessage m = WhatsAppMapper.map(
                            Fixtures.JSON.readTree(template.formatted(type)), merchants::merchantIdFor)
                    .messages()
                    .getFirst();
            assertThat(m.kind()).isEqualTo(kind);
            assertThat(m.media().id()).isEqualTo("media-" + type);
            assertThat(m.media().mimeType()).isEqualTo("x/" + type);
            assertThat(m.customerName()).isNull();
        }
    }
}
