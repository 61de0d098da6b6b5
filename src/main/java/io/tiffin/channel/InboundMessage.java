package io.tiffin.channel;

import java.time.Instant;
import java.util.List;

/**
 * One message from a customer (or a delivery status about one of ours), the same shape whatever the
 * provider. Only the fields that belong to its {@link Kind} are set.
 */
public record InboundMessage(
        Channel channel,
        String providerMessageId,
        String merchantId,
        String customerId,
        String customerName,
        Instant sentAt,
        Kind kind,
        String text,
        Reply reply,
        Location location,
        Media media,
        List<Contact> contacts,
        List<CartItem> cartItems,
        Reaction reaction,
        String contextMessageId,
        DeliveryStatus status,
        String customerPhone) {

    public enum Kind {
        TEXT,
        BUTTON_REPLY,
        LIST_REPLY,
        LOCATION,
        AUDIO,
        IMAGE,
        VIDEO,
        DOCUMENT,
        STICKER,
        CONTACTS,
        ORDER,
        REACTION,
        UNSUPPORTED,
        STATUS
    }

    /** A tapped reply button, list row or template quick reply: the id we set and the title shown. */
    public record Reply(String id, String title, String description) {}

    public record Location(double latitude, double longitude, String name, String address) {}

    public record Media(String id, String mimeType, String sha256, String caption, boolean voice, String url) {}

    public record Contact(String name, List<String> phones) {}

    /** A line of a provider-side catalog cart (WhatsApp "order" messages); price as the provider sent it. */
    public record CartItem(String productRetailerId, int quantity, String itemPrice, String currency) {}

    public record Reaction(String messageId, String emoji) {}

    public record DeliveryStatus(String messageId, String status, String recipientId, List<String> errors) {}

    public InboundMessage {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        cartItems = cartItems == null ? List.of() : List.copyOf(cartItems);
    }

    /** A message without a phone number the customer gave (every channel but the web chat's form). */
    public InboundMessage(
            Channel channel,
            String providerMessageId,
            String merchantId,
            String customerId,
            String customerName,
            Instant sentAt,
            Kind kind,
            String text,
            Reply reply,
            Location location,
            Media media,
            List<Contact> contacts,
            List<CartItem> cartItems,
            Reaction reaction,
            String contextMessageId,
            DeliveryStatus status) {
        this(
                channel,
                providerMessageId,
                merchantId,
                customerId,
                customerName,
                sentAt,
                kind,
                text,
                reply,
                location,
                media,
                contacts,
                cartItems,
                reaction,
                contextMessageId,
                status,
                null);
    }

    /** Messages of one conversation are handled one at a time, in arrival order. */
    public String conversationKey() {
        return channel + ":" + merchantId + ":" + customerId;
    }

    /** The words the customer typed or tapped, whatever the kind; null when there are none. */
    public String textContent() {
        if (text != null) {
            return text;
        }
        if (reply != null) {
            return reply.title();
        }
        return media != null ? media.caption() : null;
    }

    public static InboundMessage text(
            Channel channel,
            String id,
            String merchantId,
            String customerId,
            String customerName,
            Instant sentAt,
            String text) {
        return new InboundMessage(
                channel,
                id,
                merchantId,
                customerId,
                customerName,
                sentAt,
                Kind.TEXT,
                text,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
