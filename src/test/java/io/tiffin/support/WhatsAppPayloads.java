package io.tiffin.support;

import java.time.Instant;
import java.util.UUID;

/** Webhook bodies in the WhatsApp Cloud API's own shape (see ../shared/fixtures/whatsapp). */
public final class WhatsAppPayloads {

    private WhatsAppPayloads() {}

    public static String newMessageId() {
        return "wamid.TEST" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String text(String phoneNumberId, String from, String messageId, String body) {
        return envelope(
                phoneNumberId,
                from,
                messageId,
                "\"type\":\"text\",\"text\":{\"body\":\"" + body.replace("\"", "\\\"") + "\"}");
    }

    public static String buttonReply(String phoneNumberId, String from, String messageId, String id, String title) {
        return envelope(
                phoneNumberId,
                from,
                messageId,
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\"," + "\"button_reply\":{\"id\":\""
                        + id + "\",\"title\":\"" + title + "\"}}");
    }

    public static String location(
            String phoneNumberId, String from, String messageId, double lat, double lng, String address) {
        return location(phoneNumberId, from, "Asha", messageId, lat, lng, address);
    }

    /** A text from a customer whose WhatsApp profile name is {@code name} (no quotes or backslashes in it). */
    public static String text(String phoneNumberId, String from, String name, String messageId, String body) {
        return envelope(phoneNumberId, from, name, messageId, "\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}");
    }

    public static String location(
            String phoneNumberId, String from, String name, String messageId, double lat, double lng, String address) {
        return envelope(
                phoneNumberId,
                from,
                name,
                messageId,
                "\"type\":\"location\",\"location\":{\"latitude\":" + lat + ",\"longitude\":" + lng
                        + ",\"name\":\"Home\",\"address\":\"" + address + "\"}");
    }

    private static String envelope(String phoneNumberId, String from, String messageId, String content) {
        return envelope(phoneNumberId, from, "Asha", messageId, content);
    }

    private static String envelope(String phoneNumberId, String from, String name, String messageId, String content) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"880480571844883","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100001","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d",%s}]}}]}]}
                """.formatted(
                phoneNumberId, name, from, from, messageId, Instant.now().getEpochSecond(), content);
    }
}
