package io.tiffin.channel.whatsapp;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.CartItem;
import io.tiffin.channel.InboundMessage.Contact;
import io.tiffin.channel.InboundMessage.DeliveryStatus;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.InboundMessage.Location;
import io.tiffin.channel.InboundMessage.Media;
import io.tiffin.channel.InboundMessage.Reaction;
import io.tiffin.channel.InboundMessage.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Cloud API webhook ({@code entry[].changes[].value}) into canonical messages. Pure: the
 * merchant lookup is passed in, nothing is logged or stored here.
 */
final class WhatsAppMapper {

    static final String OBJECT = "whatsapp_business_account";

    /** What one webhook carried, and the phone number ids no merchant is bound to. */
    record Result(List<InboundMessage> messages, Set<String> unknownPhoneNumberIds) {}

    /** The body is JSON but not a WhatsApp Business Account webhook. */
    static final class UnexpectedPayloadException extends RuntimeException {
        UnexpectedPayloadException(String message) {
            super(message);
        }
    }

    private WhatsAppMapper() {}

    static Result map(JsonNode root, Function<String, Optional<String>> merchantIdByPhoneNumberId) {
        if (root == null || !root.isObject() || !OBJECT.equals(text(root.get("object")))) {
            throw new UnexpectedPayloadException("expected an object with \"object\": \"" + OBJECT + "\"");
        }
        List<InboundMessage> messages = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, Optional<String>> merchants = new HashMap<>(4);
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!"messages".equals(text(change.get("field")))) {
                    continue;
                }
                JsonNode value = change.path("value");
                String phoneNumberId = text(value.path("metadata").get("phone_number_id"));
                if (phoneNumberId == null) {
                    continue;
                }
                Optional<String> merchantId = merchants.computeIfAbsent(phoneNumberId, merchantIdByPhoneNumberId);
                if (merchantId.isEmpty()) {
                    if (value.has("messages") || value.has("statuses")) {
                        unknown.add(phoneNumberId);
                    }
                    continue;
                }
                mapValue(value, merchantId.get(), messages);
            }
        }
        return new Result(List.copyOf(messages), Set.copyOf(unknown));
    }

    private static void mapValue(JsonNode value, String merchantId, List<InboundMessage> out) {
        Map<String, String> names = contactNames(value.path("contacts"));
        for (JsonNode message : value.path("messages")) {
            String id = text(message.get("id"));
            String from = text(message.get("from"));
            if (!blank(id) && !blank(from)) {
                out.add(message(message, id, merchantId, from, names.get(from)));
            }
        }
        for (JsonNode status : value.path("statuses")) {
            String id = text(status.get("id"));
            String state = text(status.get("status"));
            if (!blank(id) && !blank(state)) {
                out.add(status(status, id, state, merchantId));
            }
        }
    }

    private static Map<String, String> contactNames(JsonNode contacts) {
        Map<String, String> names = new HashMap<>(2);
        for (JsonNode contact : contacts) {
            String waId = text(contact.get("wa_id"));
            String name = text(contact.path("profile").get("name"));
            if (waId != null && name != null) {
                names.put(waId, name);
            }
        }
        return names;
    }

    private static InboundMessage message(JsonNode m, String id, String merchantId, String from, String name) {
        String type = text(m.get("type"));
        Builder b = new Builder(
                id,
                merchantId,
                from,
                name,
                epochSeconds(m.get("timestamp")),
                text(m.path("context").get("id")));
        return switch (type == null ? "" : type) {
            case "text" -> textMessage(m, id, b);
            case "interactive" -> interactive(m.path("interactive"), b);
            case "button" ->
                b.kind(Kind.BUTTON_REPLY)
                        .reply(new Reply(
                                text(m.path("button").get("payload")),
                                text(m.path("button").get("text")),
                                null))
                        .build();
            case "location" -> locationMessage(m, id, b);
            case "audio" -> b.kind(Kind.AUDIO).media(media(m.path("audio"))).build();
            case "image" -> b.kind(Kind.IMAGE).media(media(m.path("image"))).build();
            case "video" -> b.kind(Kind.VIDEO).media(media(m.path("video"))).build();
            case "document" ->
                b.kind(Kind.DOCUMENT).media(media(m.path("document"))).build();
            case "sticker" ->
                b.kind(Kind.STICKER).media(media(m.path("sticker"))).build();
            case "contacts" ->
                b.kind(Kind.CONTACTS).contacts(contacts(m.path("contacts"))).build();
            case "order" ->
                b.kind(Kind.ORDER)
                        .text(nonBlank(text(m.path("order").get("text"))))
                        .cartItems(cartItems(m.path("order").path("product_items")))
                        .build();
            case "reaction" ->
                b.kind(Kind.REACTION)
                        .reaction(new Reaction(
                                text(m.path("reaction").get("message_id")),
                                text(m.path("reaction").get("emoji"))))
                        .build();
            default -> unsupported(m, id, type, b);
        };
    }

    /** A text without a body is input we cannot read, not a crash: the bot answers it like any unsupported kind. */
    private static InboundMessage textMessage(JsonNode m, String id, Builder b) {
        String body = text(m.path("text").get("body"));
        return body == null
                ? unsupported(m, id, "text_without_body", b)
                : b.kind(Kind.TEXT).text(body).build();
    }

    /** A pin without valid coordinates is no location: (0, 0) would send a driver into the sea. */
    private static InboundMessage locationMessage(JsonNode m, String id, Builder b) {
        Location location = location(m.path("location"));
        return location == null
                ? unsupported(m, id, "location_without_coordinates", b)
                : b.kind(Kind.LOCATION).location(location).build();
    }

    private static InboundMessage interactive(JsonNode interactive, Builder b) {
        String type = text(interactive.get("type"));
        if ("button_reply".equals(type)) {
            return b.kind(Kind.BUTTON_REPLY)
                    .reply(reply(interactive.path("button_reply")))
                    .build();
        }
        if ("list_reply".equals(type)) {
            return b.kind(Kind.LIST_REPLY)
                    .reply(reply(interactive.path("list_reply")))
                    .build();
        }
        // Flows (nfm_reply) and future interactive kinds: nothing the bot can act on yet.
        return b.kind(Kind.UNSUPPORTED).build();
    }

    /** The provider's error codes ride in {@code status.errors}, the only list the canonical shape has. */
    private static InboundMessage unsupported(JsonNode m, String id, String type, Builder b) {
        List<String> errors = errors(m.path("errors"));
        return b.kind(Kind.UNSUPPORTED)
                .status(new DeliveryStatus(id, type == null ? "unsupported" : type, null, errors))
                .build();
    }

    private static InboundMessage status(JsonNode s, String id, String state, String merchantId) {
        String recipient = text(s.get("recipient_id"));
        // One message goes sent → delivered → read; each of those is its own event to store.
        return new Builder(
                        "status:" + id + ":" + state,
                        merchantId,
                        recipient,
                        null,
                        epochSeconds(s.get("timestamp")),
                        null)
                .kind(Kind.STATUS)
                .status(new DeliveryStatus(id, state, recipient, errors(s.path("errors"))))
                .build();
    }

    private static Reply reply(JsonNode r) {
        return new Reply(text(r.get("id")), text(r.get("title")), text(r.get("description")));
    }

    private static Location location(JsonNode l) {
        JsonNode latitude = l.get("latitude");
        JsonNode longitude = l.get("longitude");
        if (latitude == null || longitude == null || !latitude.isNumber() || !longitude.isNumber()) {
            return null;
        }
        double lat = latitude.asDouble();
        double lon = longitude.asDouble();
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || !Double.isFinite(lat) || !Double.isFinite(lon)) {
            return null;
        }
        return new Location(lat, lon, text(l.get("name")), text(l.get("address")));
    }

    private static Media media(JsonNode media) {
        return new Media(
                text(media.get("id")),
                text(media.get("mime_type")),
                text(media.get("sha256")),
                text(media.get("caption")),
                media.path("voice").asBoolean(false),
                text(media.get("url")));
    }

    private static List<Contact> contacts(JsonNode contacts) {
        List<Contact> out = new ArrayList<>();
        for (JsonNode c : contacts) {
            JsonNode name = c.path("name");
            String formatted = text(name.get("formatted_name"));
            if (formatted == null) {
                formatted = join(text(name.get("first_name")), text(name.get("last_name")));
            }
            List<String> phones = new ArrayList<>();
            for (JsonNode p : c.path("phones")) {
                String phone = text(p.get("phone"));
                if (phone == null) {
                    phone = text(p.get("wa_id"));
                }
                if (phone != null) {
                    phones.add(phone);
                }
            }
            out.add(new Contact(formatted, List.copyOf(phones)));
        }
        return out;
    }

    private static List<CartItem> cartItems(JsonNode items) {
        List<CartItem> out = new ArrayList<>();
        for (JsonNode i : items) {
            out.add(new CartItem(
                    text(i.get("product_retailer_id")),
                    i.path("quantity").asInt(0),
                    text(i.get("item_price")),
                    text(i.get("currency"))));
        }
        return out;
    }

    private static List<String> errors(JsonNode errors) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : errors) {
            String code = text(e.get("code"));
            String title = text(e.get("title"));
            if (title == null) {
                title = text(e.get("message"));
            }
            out.add(title == null ? String.valueOf(code) : code + ": " + title);
        }
        return List.copyOf(out);
    }

    private static Instant epochSeconds(JsonNode timestamp) {
        String value = text(timestamp);
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // not a number, or seconds no Instant can hold: no timestamp, as when it is missing
            return null;
        }
    }

    /** A scalar as text (numbers too); null when absent, null or a container. */
    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        return node.asString();
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String join(String first, String last) {
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    /** Collects the few fields one kind sets; the canonical record has sixteen components. */
    private static final class Builder {
        private final String id;
        private final String merchantId;
        private final String customerId;
        private final String customerName;
        private final Instant sentAt;
        private final String contextId;
        private Kind kind;
        private String text;
        private Reply reply;
        private Location location;
        private Media media;
        private List<Contact> contacts;
        private List<CartItem> cartItems;
        private Reaction reaction;
        private DeliveryStatus status;

        Builder(
                String id,
                String merchantId,
                String customerId,
                String customerName,
                Instant sentAt,
                String contextId) {
            this.id = id;
            this.merchantId = merchantId;
            this.customerId = customerId;
            this.customerName = customerName;
            this.sentAt = sentAt;
            this.contextId = contextId;
        }

        Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        Builder text(String text) {
            this.text = text;
            return this;
        }

        Builder reply(Reply reply) {
            this.reply = reply;
            return this;
        }

        Builder location(Location location) {
            this.location = location;
            return this;
        }

        Builder media(Media media) {
            this.media = media;
            return this;
        }

        Builder contacts(List<Contact> contacts) {
            this.contacts = contacts;
            return this;
        }

        Builder cartItems(List<CartItem> cartItems) {
            this.cartItems = cartItems;
            return this;
        }

        Builder reaction(Reaction reaction) {
            this.reaction = reaction;
            return this;
        }

        Builder status(DeliveryStatus status) {
            this.status = status;
            return this;
        }

        InboundMessage build() {
            // a WhatsApp id is the customer's number: in E.164 it matches the same person's SMS
            String phone = status == null
                    ? io.tiffin.platform.text.PhoneNumbers.e164(customerId).orElse(null)
                    : null;
            return new InboundMessage(
                    Channel.WHATSAPP,
                    id,
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
                    contextId,
                    status,
                    phone);
        }
    }
}
