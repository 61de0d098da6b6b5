package io.tiffin.channel.instagram;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.DeliveryStatus;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.InboundMessage.Media;
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
 * Turns an Instagram webhook ({@code entry[].messaging[]}) into canonical messages. Pure: the
 * merchant lookup is passed in. Echoes of what the business sent, reads and deliveries carry nothing
 * for the conversation and are left out; an unsend becomes a status, which the conversation ignores.
 */
final class InstagramMapper {

    static final String OBJECT = "instagram";

    record Result(List<InboundMessage> messages, Set<String> unknownAccounts) {}

    static final class UnexpectedPayloadException extends RuntimeException {
        UnexpectedPayloadException(String message) {
            super(message);
        }
    }

    private InstagramMapper() {}

    static Result map(JsonNode root, Function<String, Optional<String>> merchantIdByAccount, Instant receivedAt) {
        if (root == null || !root.isObject() || !OBJECT.equals(text(root.get("object")))) {
            throw new UnexpectedPayloadException("expected an object with \"object\": \"" + OBJECT + "\"");
        }
        List<InboundMessage> out = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, Optional<String>> merchants = new HashMap<>(2);
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                JsonNode message = event.path("message");
                if (message.path("is_echo").asBoolean(false) || !(event.has("message") || event.has("postback"))) {
                    continue;
                }
                String account = text(event.path("recipient").get("id"));
                String sender = text(event.path("sender").get("id"));
                if (account == null || sender == null || account.isBlank() || sender.isBlank()) {
                    continue;
                }
                Optional<String> merchantId = merchants.computeIfAbsent(account, merchantIdByAccount);
                if (merchantId.isEmpty()) {
                    unknown.add(account);
                    continue;
                }
                InboundMessage mapped = event.has("postback")
                        ? postback(event, merchantId.get(), sender, receivedAt)
                        : message(event, message, merchantId.get(), sender, receivedAt);
                if (mapped != null) {
                    out.add(mapped);
                }
            }
        }
        return new Result(List.copyOf(out), Set.copyOf(unknown));
    }

    private static InboundMessage message(
            JsonNode event, JsonNode m, String merchantId, String sender, Instant receivedAt) {
        String mid = text(m.get("mid"));
        if (mid == null || mid.isBlank()) {
            return null;
        }
        Instant at = millis(event.get("timestamp"), receivedAt);
        if (m.path("is_deleted").asBoolean(false)) {
            // its own id: the unsend must not read as a redelivery of the message it removes
            return build(
                    mid + ":deleted",
                    merchantId,
                    sender,
                    at,
                    Kind.STATUS,
                    null,
                    null,
                    null,
                    null,
                    new DeliveryStatus(mid, "deleted", sender, List.of()));
        }
        String text = text(m.get("text"));
        String context = text(m.path("reply_to").path("story").get("id")) != null
                ? "story:" + text(m.path("reply_to").path("story").get("id"))
                : text(m.path("reply_to").get("mid"));
        String payload = text(m.path("quick_reply").get("payload"));
        if (payload != null && !payload.isBlank()) {
            return build(
                    mid,
                    merchantId,
                    sender,
                    at,
                    Kind.BUTTON_REPLY,
                    null,
                    new Reply(payload, text, null),
                    null,
                    context,
                    null);
        }
        JsonNode attachment = m.path("attachments").path(0);
        if (attachment.isObject()) {
            String type = text(attachment.get("type"));
            String url = text(attachment.path("payload").get("url"));
            Kind kind = kindOf(type);
            Media media = new Media(null, null, null, text, "audio".equals(type), url);
            return build(
                    mid,
                    merchantId,
                    sender,
                    at,
                    kind,
                    null,
                    null,
                    media,
                    "story_mention".equals(type) ? "story_mention" : context,
                    null);
        }
        if (text == null) {
            return build(mid, merchantId, sender, at, Kind.UNSUPPORTED, null, null, null, context, null);
        }
        return build(mid, merchantId, sender, at, Kind.TEXT, text, null, null, context, null);
    }

    /** An ice breaker or a button tapped: the payload is the choice, like a quick reply. */
    private static InboundMessage postback(JsonNode event, String merchantId, String sender, Instant receivedAt) {
        JsonNode postback = event.path("postback");
        Instant at = millis(event.get("timestamp"), receivedAt);
        String mid = text(postback.get("mid"));
        // an ice breaker carries no mid: the sender and the moment name it, so a redelivery still matches
        String id = mid != null ? mid : "postback:" + sender + ":" + text(event.get("timestamp"));
        String payload = text(postback.get("payload"));
        String title = text(postback.get("title"));
        if (payload == null || payload.isBlank()) {
            // no choice to act on (found by fuzzing: it became a tapped choice without an id); the words, if any
            return title == null || title.isBlank()
                    ? null
                    : build(id, merchantId, sender, at, Kind.TEXT, title, null, null, null, null);
        }
        return build(
                id, merchantId, sender, at, Kind.BUTTON_REPLY, null, new Reply(payload, title, null), null, null, null);
    }

    private static Kind kindOf(String type) {
        return switch (type == null ? "" : type) {
            case "image" -> Kind.IMAGE;
            case "audio" -> Kind.AUDIO;
            case "video", "ig_reel", "reel" -> Kind.VIDEO;
            case "file" -> Kind.DOCUMENT;
            default -> Kind.UNSUPPORTED;
        };
    }

    private static InboundMessage build(
            String id,
            String merchantId,
            String sender,
            Instant at,
            Kind kind,
            String text,
            Reply reply,
            Media media,
            String context,
            DeliveryStatus status) {
        return new InboundMessage(
                Channel.INSTAGRAM,
                id,
                merchantId,
                sender,
                null,
                at,
                kind,
                text,
                reply,
                null,
                media,
                List.of(),
                List.of(),
                null,
                context,
                status);
    }

    private static Instant millis(JsonNode node, Instant fallback) {
        return node != null && node.canConvertToLong() ? Instant.ofEpochMilli(node.asLong()) : fallback;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainer() ? null : node.asString();
    }
}
