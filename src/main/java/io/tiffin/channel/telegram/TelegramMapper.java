package io.tiffin.channel.telegram;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.Contact;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.InboundMessage.Location;
import io.tiffin.channel.InboundMessage.Media;
import io.tiffin.channel.InboundMessage.Reply;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.platform.text.PhoneNumbers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Bot API {@code Update} into a canonical message. Pure: the choices last offered (by chat
 * and place) are passed in, for callback data that had to be shortened to a number. The chat is the customer; the update
 * id names the message, since Telegram repeats it on redelivery.
 */
final class TelegramMapper {
    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}");

    /** What an update asks of us besides the conversation: a tapped button to acknowledge. */
    record Tap(String callbackQueryId, String chatId, long messageId) {}

    record Result(InboundMessage message, Tap tap) {}

    static final class UnexpectedPayloadException extends RuntimeException {
        UnexpectedPayloadException(String message) {
            super(message);
        }
    }

    private TelegramMapper() {}

    /** @return the mapped update, or null when it carries nothing for the conversation (an edit, a join) */
    static Result map(
            JsonNode update,
            String merchantId,
            Instant receivedAt,
            BiFunction<String, Integer, Optional<Choice>> offered) {
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
            throw new UnexpectedPayloadException("expected an Update with an update_id");
        }
        String id = "update:" + update.get("update_id").asLong();
        if (update.has("callback_query")) {
            return callback(update.get("callback_query"), id, merchantId, receivedAt, offered);
        }
        JsonNode m = update.path("message");
        String chat = chatId(m.path("chat").get("id"));
        if (!m.isObject() || chat == null) {
            return null;
        }
        Instant at = m.path("date").canConvertToLong()
                ? Instant.ofEpochSecond(m.get("date").asLong())
                : receivedAt;
        String name = name(m.path("from"));
        InboundMessage message;
        if (text(m.get("text")) != null) {
            message =
                    build(id, merchantId, chat, name, at, Kind.TEXT, text(m.get("text")), null, null, null, null, null);
        } else if (location(m.path("location")) != null) {
            message = build(
                    id,
                    merchantId,
                    chat,
                    name,
                    at,
                    Kind.LOCATION,
                    null,
                    null,
                    location(m.get("location")),
                    null,
                    null,
                    null);
        } else if (m.has("contact")) {
            message = contact(m, id, merchantId, chat, name, at);
        } else if (m.has("voice") || m.has("audio")) {
            JsonNode v = m.has("voice") ? m.get("voice") : m.get("audio");
            message = build(
                    id,
                    merchantId,
                    chat,
                    name,
                    at,
                    Kind.AUDIO,
                    null,
                    null,
                    null,
                    new Media(
                            text(v.get("file_id")),
                            text(v.get("mime_type")),
                            null,
                            text(m.get("caption")),
                            m.has("voice"),
                            null),
                    null,
                    null);
        } else if (m.has("photo")) {
            JsonNode largest = m.get("photo").path(m.get("photo").size() - 1);
            message = build(
                    id,
                    merchantId,
                    chat,
                    name,
                    at,
                    Kind.IMAGE,
                    null,
                    null,
                    null,
                    new Media(text(largest.get("file_id")), "image/jpeg", null, text(m.get("caption")), false, null),
                    null,
                    null);
        } else {
            message = build(id, merchantId, chat, name, at, Kind.UNSUPPORTED, null, null, null, null, null, null);
        }
        return new Result(message, null);
    }

    private static Result callback(
            JsonNode q,
            String id,
            String merchantId,
            Instant receivedAt,
            BiFunction<String, Integer, Optional<Choice>> offered) {
        String data = text(q.get("data"));
        JsonNode source = q.path("message");
        String chat = Optional.ofNullable(chatId(source.path("chat").get("id")))
                .orElse(chatId(q.path("from").get("id")));
        if (chat == null || data == null || data.isBlank()) {
            throw new UnexpectedPayloadException("a callback query needs data and a chat");
        }
        Reply reply = new Reply(data, buttonText(source, data), null);
        if (data.startsWith(TelegramRenderer.SHORT_PREFIX)) {
            Optional<Choice> choice = parse(data.substring(1)).flatMap(n -> offered.apply(chat, n));
            reply = choice.map(c -> new Reply(c.id(), c.title(), null)).orElse(reply);
        }
        InboundMessage message = build(
                id,
                merchantId,
                chat,
                name(q.path("from")),
                receivedAt,
                Kind.BUTTON_REPLY,
                null,
                reply,
                null,
                null,
                null,
                text(source.get("message_id")));
        return new Result(
                message,
                new Tap(text(q.get("id")), chat, source.path("message_id").asLong(0)));
    }

    private static InboundMessage contact(
            JsonNode m, String id, String merchantId, String chat, String name, Instant at) {
        JsonNode c = m.get("contact");
        String phone = text(c.get("phone_number"));
        String contactName = String.join(
                " ",
                java.util.stream.Stream.of(text(c.get("first_name")), text(c.get("last_name")))
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
        // a number is the customer's own only when Telegram says the contact is the sender
        boolean own = text(c.get("user_id")) != null
                && text(c.get("user_id")).equals(text(m.path("from").get("id")));
        return build(
                id,
                merchantId,
                chat,
                name,
                at,
                Kind.CONTACTS,
                null,
                null,
                null,
                null,
                List.of(new Contact(contactName, phone == null ? List.of() : List.of(phone))),
                null,
                own ? PhoneNumbers.e164(phone).orElse(null) : null);
    }

    /** A pin without valid coordinates is no location: (0, 0) would send a driver into the sea. */
    private static Location location(JsonNode l) {
        JsonNode lat = l.path("latitude");
        JsonNode lng = l.path("longitude");
        if (!lat.isNumber() || !lng.isNumber() || Math.abs(lat.asDouble()) > 90 || Math.abs(lng.asDouble()) > 180) {
            return null;
        }
        return new Location(lat.asDouble(), lng.asDouble(), null, null);
    }

    private static String buttonText(JsonNode message, String data) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (data.equals(text(button.get("callback_data")))) {
                    return text(button.get("text"));
                }
            }
        }
        return null;
    }

    private static Optional<Integer> parse(String n) {
        try {
            return Optional.of(Integer.parseInt(n));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String name(JsonNode user) {
        String first = text(user.get("first_name"));
        String last = text(user.get("last_name"));
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private static InboundMessage build(
            String id,
            String merchantId,
            String chat,
            String name,
            Instant at,
            Kind kind,
            String text,
            Reply reply,
            Location location,
            Media media,
            List<Contact> contacts,
            String context) {
        return build(id, merchantId, chat, name, at, kind, text, reply, location, media, contacts, context, null);
    }

    private static InboundMessage build(
            String id,
            String merchantId,
            String chat,
            String name,
            Instant at,
            Kind kind,
            String text,
            Reply reply,
            Location location,
            Media media,
            List<Contact> contacts,
            String context,
            String phone) {
        return new InboundMessage(
                Channel.TELEGRAM,
                id,
                merchantId,
                chat,
                name,
                at,
                kind,
                text,
                reply,
                location,
                media,
                contacts,
                List.of(),
                null,
                context,
                null,
                phone);
    }

    /** Telegram's chat and user ids are integers; anything else (a blank or a word) names no customer. */
    static String chatId(JsonNode node) {
        String id = text(node);
        return id != null && CHAT_ID.matcher(id).matches() ? id : null;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainer() ? null : node.asString();
    }
}
